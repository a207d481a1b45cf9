"""The article files: parsing, validation, rendering, search and related reading
(plain Python), and the editorial rules over the real library."""

from datetime import date
from pathlib import Path

import pytest

from kinwell.library.articles import (
    ArticleError,
    all_tags,
    editorial_problems,
    load_articles,
    parse_article,
    related,
    search,
)
from tests.library import FIXTURE_ARTICLES

GOOD = """---
title: A title
summary: A summary.
tags: [one, Two]
reading_minutes: 4
last_reviewed: 2026-11-21
reviewed_by: Editors
---
Body text.

## Where to get help

Call 988.
"""


def test_a_good_article_is_parsed():
    article = parse_article(GOOD, slug="a-title")
    assert (article.title, article.tags, article.reading_minutes) == ("A title", ("one", "two"), 4)
    assert article.last_reviewed == date(2026, 11, 21)
    assert "<h2>Where to get help</h2>" in article.html
    assert article.ends_with_where_to_get_help


@pytest.mark.parametrize("field", ["title", "summary", "tags", "reading_minutes", "last_reviewed", "reviewed_by"])
def test_a_missing_field_names_the_file_and_the_field(field):
    text = "\n".join(line for line in GOOD.splitlines() if not line.startswith(f"{field}:"))
    with pytest.raises(ArticleError, match=rf"broken\.md: missing front matter field\(s\): {field}"):
        parse_article(text, slug="broken", name="broken.md")


@pytest.mark.parametrize(
    "text, problem",
    [
        ("No front matter at all", "must start with front matter"),
        ("---\ntitle: x\n", "no closing"),
        (GOOD.replace("reading_minutes: 4", "reading_minutes: soon"), "reading_minutes"),
        (GOOD.replace("last_reviewed: 2026-11-21", "last_reviewed: last week"), "last_reviewed"),
        (GOOD.replace("tags: [one, Two]", "tags: [[nested]]"), "tags"),
        (GOOD.replace("title: A title", "title: [unclosed"), "not valid YAML"),
        (GOOD.split("---\nBody")[0] + "---\n", "no text"),
    ],
)
def test_broken_files_fail_with_a_clear_message(text, problem):
    with pytest.raises(ArticleError, match=problem):
        parse_article(text, slug="broken", name="broken.md")


def test_a_file_name_must_be_a_slug():
    with pytest.raises(ArticleError, match="lowercase words"):
        parse_article(GOOD, slug="Not A Slug")


def test_html_in_an_article_is_shown_as_text_never_run():
    article = parse_article(GOOD + '\n<script>alert(1)</script>\n\n[x](javascript:alert(1))\n', slug="a")
    assert "<script" not in article.html and 'href="javascript' not in article.html
    assert "&lt;script&gt;" in article.html


def test_search_needs_every_word_and_ranks_titles_first():
    articles = load_articles(FIXTURE_ARTICLES).values()
    assert [a.slug for a in search(articles, query="talking")][0] == "talking-it-through"
    assert [a.slug for a in search(articles, query="sliding fee")] == ["paying-for-therapy"]
    assert search(articles, query="sliding unicorn") == []
    assert [a.slug for a in search(articles, tag="anxiety")] == ["talking-it-through"]
    assert [a.slug for a in search(articles, query="talk", tag="couples")] == ["first-steps-together"]
    assert len(search(articles)) == 3
    assert ("communication", 2) in all_tags(articles)


def test_related_articles_share_tags_most_first_and_leave_out_the_current_one():
    articles = load_articles(FIXTURE_ARTICLES).values()
    found = related(articles, tags=["communication", "couples"], exclude="talking-it-through")
    assert [a.slug for a in found] == ["first-steps-together"]
    assert [a.slug for a in related(articles, tags=["communication", "couples"])][0] == "first-steps-together"
    assert related(articles, tags=["nothing-like-this"]) == []


def test_a_bad_file_in_the_folder_stops_the_load(tmp_path):
    (tmp_path / "fine.md").write_text(GOOD)
    (tmp_path / "bad.md").write_text(GOOD.replace("summary: A summary.\n", ""))
    with pytest.raises(ArticleError, match="bad.md"):
        load_articles(tmp_path)


# --- The real library -------------------------------------------------------------------

REAL = Path(__file__).resolve().parents[2] / "kinwell" / "library" / "articles"


def test_every_real_article_loads_and_meets_the_editorial_rules():
    articles = load_articles(REAL)
    assert len(articles) >= 15, f"The library needs at least 15 articles; it has {len(articles)}"
    problems = [problem for article in articles.values() for problem in editorial_problems(article)]
    assert not problems, "\n".join(problems)
    for article in articles.values():
        assert article.title and article.summary and article.tags and article.reviewed_by
        assert 1 <= article.reading_minutes <= 15
        assert "diagnos" not in article.title.lower()


def test_real_articles_link_only_to_safe_places_and_name_real_help():
    for article in load_articles(REAL).values():
        help_section = article.body.lower().rsplit("## where to get help", 1)[-1]
        assert "988" in help_section or "911" in help_section or "findahelpline" in help_section, article.slug
        assert "<script" not in article.html and 'href="javascript' not in article.html
