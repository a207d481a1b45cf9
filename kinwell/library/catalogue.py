"""The articles as the site sees them: loaded once from LIBRARY_ARTICLES_DIR and kept
until a file there changes (one stat per file a request; no database)."""

from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from kinwell.core.errors import NotFound
from kinwell.library.articles import Article, load_articles


def _signature(directory: Path) -> tuple:
    return tuple(sorted((path.name, path.stat().st_mtime_ns, path.stat().st_size) for path in directory.glob("*.md")))


@lru_cache(maxsize=4)
def _load(directory: str, signature: tuple) -> dict[str, Article]:
    return load_articles(Path(directory))


def articles() -> dict[str, Article]:
    directory = Path(settings.LIBRARY_ARTICLES_DIR)
    return _load(str(directory), _signature(directory))


def get_article(slug: str) -> Article:
    article = articles().get(slug)
    if article is None:
        raise NotFound(_("We could not find that article. It may have moved; the library lists them all."))
    return article
