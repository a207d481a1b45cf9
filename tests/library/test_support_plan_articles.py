"""Tests for kinwell/library/articles/ (the articles the support plan links to).

The articles the support plan (issue 7) links to by slug and tag: each loads from the
real library, carries the tags the plan relies on, and says what a reader needs to hear."""

from pathlib import Path

import pytest

from kinwell.library.articles import editorial_problems, load_articles, related, search

REAL = Path(__file__).resolve().parents[2] / "kinwell" / "library" / "articles"

# slug -> tags the support plan may link by; a renamed file or a dropped tag breaks the plan's links.
SUPPORT_PLAN_ARTICLES = {
    "asking-someone-you-trust-for-support": {"connection", "communication", "friends", "family"},
    "what-to-expect-from-your-first-therapy-session": {"therapy", "professional help"},
    "finding-good-help-online": {"online help", "professional help", "therapy", "support groups"},
    "when-you-do-not-feel-safe-with-someone-close-to-you": {"safety", "relationships", "crisis", "supporting someone"},
    "when-a-big-change-turns-life-upside-down": {"hard times", "family", "couples", "support groups"},
    "making-a-support-plan-that-works-for-you": {"professional help", "connection", "self-care"},
}


@pytest.fixture(scope="module")
def library():
    return load_articles(REAL)


@pytest.mark.parametrize("slug, tags", SUPPORT_PLAN_ARTICLES.items())
def test_each_support_plan_article_loads_with_its_tags(library, slug, tags):
    article = library.get(slug)
    assert article is not None, f"{slug}.md is missing from the library"
    assert set(article.tags) == tags
    assert editorial_problems(article) == []
    assert 4 <= article.reading_minutes <= 7
    # Each of these could be read as advice about care, so each says what it is not.
    assert "not a substitute for professional care" in article.body or "or a substitute for professional care" in article.body


def test_the_safety_article_names_the_hotline_every_way_and_advises_against_couples_therapy(library):
    article = library["when-you-do-not-feel-safe-with-someone-close-to-you"]
    help_section = article.body.rsplit("## Where to get help", 1)[1]
    for must in ("1-800-799-7233", "**START** to **88788**", "thehotline.org", "**911**", "**988**"):
        assert must in help_section, must
    assert "couples therapy is usually not recommended" in article.body
    assert search(library.values(), tag="safety")[0].slug == article.slug


def test_the_online_article_names_the_free_us_services(library):
    body = library["finding-good-help-online"].body
    for name in ("988", "SAMHSA's National Helpline", "1-800-662-4357", "FindTreatment.gov", "NAMI HelpLine"):
        assert name in body, name


def test_the_trusted_people_article_offers_several_openings_to_send(library):
    body = library["asking-someone-you-trust-for-support"].body
    openings = [line for line in body.splitlines() if line.startswith('- "')]
    assert len(openings) >= 5
    assert any("doctor" in line.lower() for line in body.splitlines() if line.startswith("- **"))


def test_related_reading_finds_the_new_articles_by_the_plan_pathway_tags(library):
    articles = library.values()
    assert "finding-good-help-online" in [a.slug for a in related(articles, tags=["online help"])]
    big_change = [a.slug for a in related(articles, tags=["hard times", "support groups"], limit=5)]
    assert "when-a-big-change-turns-life-upside-down" in big_change
