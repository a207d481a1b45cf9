from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext as _

from kinwell.core.errors import NotFound, ServiceError
from kinwell.library import articles as article_rules
from kinwell.library import catalogue, selectors, services
from kinwell.library.forms import ReplyForm, SearchForm
from kinwell.library.models import ReplyStatus
from kinwell.moderation.selectors import active_suspension, latest_warning
from kinwell.safety.panel import present


def article_list(request):
    form = SearchForm(request.GET or None)
    query = tag = ""
    if form.is_valid():
        query, tag = form.cleaned_data["q"], form.cleaned_data["tag"].strip().lower()
    library = list(catalogue.articles_in(get_language()).values())
    found = article_rules.search(library, query=query, tag=tag)
    searching = bool(query or tag)
    return render(
        request,
        "library/list.html",
        {"form": form, "articles": found, "query": query, "tag": tag, "searching": searching,
         "tags": article_rules.all_tags(library), "total": len(library)},
        status=200 if form.is_valid() or not request.GET else 400,
    )


def guidelines(request):
    return render(request, "library/guidelines.html")


def _reply_form(request, data=None):
    initial = {"display_name": request.user.display_name} if request.user.is_authenticated else {}
    return ReplyForm(data, initial=initial)


def _post(request, *, article, form, parent_id=None):
    """Save a reply from a valid form: a redirect, or the status to re-render the form
    with (the error is on the form: 429 for the rate limit, 403 while suspended, else 400)."""
    try:
        posted = services.post_reply(
            author=request.user, article_slug=article.slug, parent_id=parent_id, **form.cleaned_data
        )
    except NotFound:
        raise
    except ServiceError as error:
        form.add_error("text", error.message)
        return error.status
    present(request, posted.safety)
    reply = posted.value
    if reply.status == ReplyStatus.PUBLISHED:
        messages.success(request, _("Your reply is posted. Thank you for adding to the conversation."))
    elif reply.is_crisis:
        messages.info(request, _("Your reply is saved. Only you can see it for now: a moderator reads replies like this before others do, to look after you and other readers."))
    else:
        messages.info(request, _("Your reply is saved. A moderator will look at it before others can see it."))
    return redirect(reverse("library:article", kwargs={"slug": article.slug}) + f"#reply-{reply.pk}")


# The reader can ask for an article in another language than the site's (?in=es).
OTHER_LANGUAGE_LINKS = {"en": "Read in English", "es": "Leer en español"}


def article_detail(request, slug: str):
    asked = request.GET.get("in", "")
    article = catalogue.get_article(slug, language=asked if asked in OTHER_LANGUAGE_LINKS else get_language())
    form = _reply_form(request)
    status = 200
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        form = _reply_form(request, request.POST)
        if form.is_valid():
            response = _post(request, article=article, form=form)
            if not isinstance(response, int):
                return response
            status = response
        else:
            status = 400
    return render(request, "library/article.html", _article_context(request, article, form), status=status)


def _article_context(request, article, form):
    library = catalogue.articles_in(article.language).values()
    return {
        "article": article,
        "other_languages": [(code, OTHER_LANGUAGE_LINKS[code]) for code in catalogue.languages_of(article.slug)
                            if code != article.language and code in OTHER_LANGUAGE_LINKS],
        "region_label": catalogue.region_label(article.region),
        "related": article_rules.related(library, tags=article.tags, exclude=article.slug),
        "thread": selectors.thread_for(article_slug=article.slug, viewer=request.user),
        "form": form,
        "suspended": active_suspension(request.user),
        "warning": latest_warning(request.user),
    }


def respond(request, slug: str, reply_id: int):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    article = catalogue.get_article(slug)
    parent = selectors.visible_replies(viewer=request.user).filter(pk=reply_id, article_slug=slug).first()
    if parent is None:
        raise NotFound(_("The reply you are answering was not found. It may have been removed."))
    form = _reply_form(request)
    status = 200
    if request.method == "POST":
        form = _reply_form(request, request.POST)
        if form.is_valid():
            response = _post(request, article=article, form=form, parent_id=parent.pk)
            if not isinstance(response, int):
                return response
            status = response
        else:
            status = 400
    return render(
        request, "library/respond.html",
        {"article": article, "parent": parent, "form": form, "suspended": active_suspension(request.user)},
        status=status,
    )

