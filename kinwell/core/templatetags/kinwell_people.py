"""Names said the way a person would say them: "Maya and Jordan", "Alex, Sam and Jo"."""

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def names_list(names) -> str:
    names = [str(name) for name in names or ()]
    if len(names) < 2:
        return "".join(names)
    # Translators: joins the last name of a list to the others, e.g. "Alex, Sam and Jo".
    return _("%(others)s and %(last)s") % {"others": ", ".join(names[:-1]), "last": names[-1]}
