"""The articles as the site sees them: loaded once from LIBRARY_ARTICLES_DIR and kept
until a file there changes (one stat per file a request; no database)."""

from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _, gettext_lazy as _lazy

from kinwell.core.errors import NotFound
from kinwell.library.articles import TRANSLATION_LANGUAGES, Article, load_articles, load_translations

# What an article's `region` says on its page.
REGION_LABELS = {"US": _lazy("For people in the United States")}


def _signature(directory: Path) -> tuple:
    paths = [*directory.glob("*.md"), *(path for lang in TRANSLATION_LANGUAGES for path in (directory / lang).glob("*.md"))]
    return tuple(sorted((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in paths))


@lru_cache(maxsize=4)
def _load(directory: str, signature: tuple) -> tuple[dict[str, Article], dict[tuple[str, str], Article]]:
    originals = load_articles(Path(directory))
    return originals, load_translations(Path(directory), originals)


def articles() -> dict[str, Article]:
    directory = Path(settings.LIBRARY_ARTICLES_DIR)
    return _load(str(directory), _signature(directory))[0]


def articles_in(language: str | None) -> dict[str, Article]:
    """Every article, each in the reader's language where it has been translated."""
    directory = Path(settings.LIBRARY_ARTICLES_DIR)
    originals, translations = _load(str(directory), _signature(directory))
    code = (language or "en").split("-")[0]
    return {slug: translations.get((code, slug), article) for slug, article in originals.items()}


def languages_of(slug: str) -> tuple[str, ...]:
    """The languages an article can be read in: English first, then its translations."""
    directory = Path(settings.LIBRARY_ARTICLES_DIR)
    originals, translations = _load(str(directory), _signature(directory))
    return ("en", *(code for code in TRANSLATION_LANGUAGES if (code, slug) in translations)) if slug in originals else ()


def get_article(slug: str, *, language: str | None = None) -> Article:
    """The article in the reader's language when it has been translated, else the original."""
    directory = Path(settings.LIBRARY_ARTICLES_DIR)
    originals, translations = _load(str(directory), _signature(directory))
    article = originals.get(slug)
    if article is None:
        raise NotFound(_("We could not find that article. It may have moved; the library lists them all."))
    return translations.get(((language or "en").split("-")[0], slug), article)


def region_label(code: str) -> str:
    return str(REGION_LABELS.get(code, "")) if code else ""
