"""The resources library's articles: Markdown files with YAML front matter, read,
checked and rendered here. Plain Python (no Django), so it is tested directly and the
rules for what makes a valid article live in one place.

A file `<slug>.md` looks like:

    ---
    title: Supporting a partner through depression
    summary: One or two sentences.
    tags: [depression, supporting someone]
    reading_minutes: 6
    last_reviewed: 2026-11-21
    reviewed_by: Kinwell editorial team
    region: US          # optional: the article names services of this country only
    quick_exit: true    # optional: the page carries "Leave this page quickly"
    ---
    Markdown body with ## headings ...

A translation lives in a folder named for its language, with the same file name
(`es/<slug>.md`): its own title, summary and text; tags, region and quick exit come
from the original, so an article is found and linked the same in every language.

A file that breaks these rules raises `ArticleError` naming the file and what is wrong,
so a bad edit fails loudly at load instead of showing half an article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import nh3
import yaml
from markdown_it import MarkdownIt

REQUIRED_FIELDS = ("title", "summary", "tags", "reading_minutes", "last_reviewed", "reviewed_by")
REGION = re.compile(r"^[A-Z]{2}$")
TRANSLATION_LANGUAGES = ("es",)
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
WORD = re.compile(r"[A-Za-z0-9’'-]+")
# The editorial rules every published article meets (checked by a test over the real files).
MIN_WORDS, MAX_WORDS = 600, 1200
HELP_HEADING = re.compile(r"^##\s+where to get help\s*$", re.IGNORECASE | re.MULTILINE)

# Articles are ours, but they are still rendered with raw HTML switched off and then
# cleaned, so a slip in a file can never put script on a page.
_article_markdown = MarkdownIt("commonmark", {"html": False, "typographer": True}).enable(["table", "replacements", "smartquotes"])
ARTICLE_TAGS = {
    "h2", "h3", "h4", "p", "ul", "ol", "li", "strong", "em", "a", "blockquote", "br", "hr",
    "table", "thead", "tbody", "tr", "th", "td", "code",
}


class ArticleError(ValueError):
    """An article file that cannot be published as it is; the message names the file."""


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    summary: str
    tags: tuple[str, ...]
    reading_minutes: int
    last_reviewed: date
    reviewed_by: str
    body: str = field(repr=False)
    html: str = field(repr=False)
    region: str = ""  # ISO country code when the article names services of that country only
    quick_exit: bool = False
    language: str = "en"

    @property
    def word_count(self) -> int:
        return len(WORD.findall(self.body))

    @property
    def ends_with_where_to_get_help(self) -> bool:
        headings = re.findall(r"^##\s+.+$", self.body, re.MULTILINE)
        return bool(headings) and bool(HELP_HEADING.match(headings[-1]))

    def searchable(self) -> dict[str, str]:
        return {
            "title": self.title.lower(),
            "tags": " ".join(self.tags).lower(),
            "summary": self.summary.lower(),
            "body": self.body.lower(),
        }


def render_article_markdown(text: str) -> str:
    return nh3.clean(
        _article_markdown.render(text),
        tags=ARTICLE_TAGS,
        attributes={"a": {"href", "title"}, "th": {"scope"}},
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )


def _split_front_matter(text: str, name: str) -> tuple[dict, str]:
    text = text.lstrip("\ufeff")
    if not text.startswith("---"):
        raise ArticleError(f"{name}: the file must start with front matter between '---' lines.")
    parts = re.split(r"^---\s*$", text, maxsplit=2, flags=re.MULTILINE)
    if len(parts) < 3:
        raise ArticleError(f"{name}: the front matter has no closing '---' line.")
    try:
        meta = yaml.safe_load(parts[1]) or {}
    except yaml.YAMLError as error:
        raise ArticleError(f"{name}: the front matter is not valid YAML ({error}).") from None
    if not isinstance(meta, dict):
        raise ArticleError(f"{name}: the front matter must be 'name: value' lines.")
    return meta, parts[2].strip()


def parse_article(text: str, *, slug: str, name: str | None = None) -> Article:
    name = name or f"{slug}.md"
    if not SLUG.match(slug):
        raise ArticleError(f"{name}: the file name must be lowercase words joined by hyphens.")
    meta, body = _split_front_matter(text, name)
    missing = [key for key in REQUIRED_FIELDS if meta.get(key) in (None, "", [])]
    if missing:
        raise ArticleError(f"{name}: missing front matter field(s): {', '.join(missing)}.")
    tags = meta["tags"]
    if isinstance(tags, str):
        tags = [tag for tag in tags.split(",")]
    if not isinstance(tags, list) or not all(isinstance(tag, str) and tag.strip() for tag in tags):
        raise ArticleError(f"{name}: 'tags' must be a list of words, like [depression, couples].")
    minutes = meta["reading_minutes"]
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= 60:
        raise ArticleError(f"{name}: 'reading_minutes' must be a whole number from 1 to 60.")
    reviewed = meta["last_reviewed"]
    if isinstance(reviewed, str):
        try:
            reviewed = date.fromisoformat(reviewed)
        except ValueError:
            reviewed = None
    if not isinstance(reviewed, date):
        raise ArticleError(f"{name}: 'last_reviewed' must be a date like 2026-11-21.")
    if not body:
        raise ArticleError(f"{name}: the article has no text after its front matter.")
    region = str(meta.get("region") or "").strip()
    if region and not REGION.match(region):
        raise ArticleError(f"{name}: 'region' must be a two-letter country code in capitals, like US.")
    quick_exit = meta.get("quick_exit", False)
    if not isinstance(quick_exit, bool):
        raise ArticleError(f"{name}: 'quick_exit' must be true or false.")
    return Article(
        slug=slug,
        title=str(meta["title"]).strip(),
        summary=str(meta["summary"]).strip(),
        tags=tuple(dict.fromkeys(tag.strip().lower() for tag in tags)),
        reading_minutes=minutes,
        last_reviewed=reviewed,
        reviewed_by=str(meta["reviewed_by"]).strip(),
        body=body,
        html=render_article_markdown(body),
        region=region,
        quick_exit=quick_exit,
    )


def load_articles(directory: Path) -> dict[str, Article]:
    """Every `*.md` in the folder, by slug, sorted by title. A bad file raises ArticleError."""
    directory = Path(directory)
    if not directory.is_dir():
        raise ArticleError(f"{directory}: the articles folder does not exist.")
    articles = []
    for path in sorted(directory.glob("*.md")):
        articles.append(parse_article(path.read_text(encoding="utf-8"), slug=path.stem, name=str(path)))
    return {article.slug: article for article in sorted(articles, key=lambda a: a.title.lower())}


def load_translations(directory: Path, originals: dict[str, Article]) -> dict[tuple[str, str], Article]:
    """Every translation, by (language, slug), from the language folders beside the
    originals. A translation of no article, or a bad file, raises ArticleError."""
    found = {}
    for language in TRANSLATION_LANGUAGES:
        for path in sorted((Path(directory) / language).glob("*.md")):
            original = originals.get(path.stem)
            if original is None:
                raise ArticleError(f"{path}: there is no article '{path.stem}.md' for this to translate.")
            parsed = parse_article(path.read_text(encoding="utf-8"), slug=path.stem, name=str(path))
            found[(language, path.stem)] = replace(
                parsed, tags=original.tags, region=original.region, quick_exit=original.quick_exit, language=language
            )
    return found


def editorial_problems(article: Article) -> list[str]:
    """What keeps an article from meeting our editorial rules (empty when it meets them)."""
    problems = []
    if not MIN_WORDS <= article.word_count <= MAX_WORDS:
        problems.append(f"{article.slug}: {article.word_count} words; articles have {MIN_WORDS} to {MAX_WORDS}.")
    if not article.ends_with_where_to_get_help:
        problems.append(f"{article.slug}: the last section must be '## Where to get help'.")
    return problems


# --- Finding articles -----------------------------------------------------------------

# Where a word is found says how well an article answers the search.
FIELD_WEIGHTS = {"title": 5, "tags": 4, "summary": 2, "body": 1}


def _words(query: str) -> list[str]:
    return [word.lower() for word in WORD.findall(query or "")][:12]


def search(articles, *, query: str = "", tag: str = "") -> list[Article]:
    """Articles with every word of the query (in title, tags, summary or text) and the
    tag when one is given; best matches first, then by title."""
    words = _words(query)
    tag = (tag or "").strip().lower()
    found = []
    for article in articles:
        if tag and tag not in article.tags:
            continue
        fields = article.searchable()
        score = 0
        for word in words:
            word_score = sum(weight for name, weight in FIELD_WEIGHTS.items() if word in fields[name])
            if word_score == 0:
                break
            score += word_score
        else:
            found.append((-score, article.title.lower(), article))
    return [article for _score, _title, article in sorted(found, key=lambda item: item[:2])]


def all_tags(articles) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for article in articles:
        for tag in article.tags:
            counts[tag] = counts.get(tag, 0) + 1
    return sorted(counts.items())


def related(articles, *, tags, exclude: str = "", limit: int = 3) -> list[Article]:
    """Articles sharing the most tags with `tags` (most shared first), leaving out `exclude`."""
    wanted = {tag.strip().lower() for tag in tags if tag and tag.strip()}
    scored = []
    for article in articles:
        shared = len(wanted & set(article.tags))
        if shared and article.slug != exclude:
            scored.append((-shared, article.title.lower(), article))
    return [article for *_key, article in sorted(scored, key=lambda item: item[:2])][: max(limit, 0)]
