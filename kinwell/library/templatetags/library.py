"""Template helpers for the library, usable from any page:

    {% load library %}
    {% related_articles tags="depression, supporting someone" %}
    {% related_articles tags="anxiety" limit=2 title="Read more" %}

renders a short list of articles sharing those tags (nothing at all when none do), so
the support plan, the finder, the crisis panel and the trends page can point people
to the right reading."""

from django import template
from django.utils.translation import get_language
from django.utils.safestring import mark_safe

from kinwell.library import articles as article_rules
from kinwell.library import catalogue
from kinwell.library.reply_markdown import render_reply

register = template.Library()


@register.inclusion_tag("library/_related_articles.html")
def related_articles(tags="", limit=3, title="", exclude=""):
    wanted = tags if isinstance(tags, list | tuple) else str(tags).split(",")
    library = catalogue.articles_in(get_language()).values()
    found = article_rules.related(library, tags=wanted, exclude=exclude, limit=int(limit))
    return {"related": found, "title": title}


@register.filter
def reply_html(text: str) -> str:
    """A reply's text as safe HTML: the small Markdown subset, cleaned by nh3."""
    return mark_safe(render_reply(text))  # noqa: S308  render_reply sanitises with an allow-list
