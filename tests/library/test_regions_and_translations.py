"""Tests for kinwell/library/articles.py and catalogue.py.

Articles say which country their services are for, and the partner-violence article
is in Spanish too and explains how to use Kinwell without leaving a trace (issue 15)."""

import re
from pathlib import Path

import pytest

from kinwell.library.articles import ArticleError, load_articles, load_translations, parse_article

pytestmark = pytest.mark.django_db

REAL = Path(__file__).resolve().parents[2] / "kinwell" / "library" / "articles"
PARTNER_VIOLENCE = "when-you-do-not-feel-safe-with-someone-close-to-you"
US_SERVICES = re.compile(r"\b988\b|741741|\b911\b|1-8\d\d-|SAMHSA|FindTreatment|thehotline|Medicaid|NAMI")

ARTICLE = """---
title: A title
summary: A summary.
tags: [one]
reading_minutes: 4
last_reviewed: 2026-11-21
reviewed_by: Editors
{extra}
---
Body.

## Where to get help

Call someone.
"""


@pytest.fixture
def real_library(settings):
    settings.LIBRARY_ARTICLES_DIR = REAL


def test_region_and_quick_exit_are_read_and_checked():
    article = parse_article(ARTICLE.format(extra="region: US\nquick_exit: true"), slug="a")
    assert (article.region, article.quick_exit, article.language) == ("US", True, "en")
    assert parse_article(ARTICLE.format(extra=""), slug="a").region == ""
    with pytest.raises(ArticleError, match="a.md: 'region'"):
        parse_article(ARTICLE.format(extra="region: United States"), slug="a")
    with pytest.raises(ArticleError, match="'quick_exit'"):
        parse_article(ARTICLE.format(extra="quick_exit: maybe"), slug="a")


def test_every_real_article_that_names_a_us_service_says_it_is_for_the_united_states():
    for article in load_articles(REAL).values():
        if US_SERVICES.search(article.body):
            assert article.region == "US", article.slug


def test_a_translation_of_no_article_is_refused(tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE.format(extra="region: US"))
    (tmp_path / "es").mkdir()
    (tmp_path / "es" / "b.md").write_text(ARTICLE.format(extra=""))
    with pytest.raises(ArticleError, match="no article 'b.md'"):
        load_translations(tmp_path, load_articles(tmp_path))
    (tmp_path / "es" / "b.md").rename(tmp_path / "es" / "a.md")
    spanish = load_translations(tmp_path, load_articles(tmp_path))[("es", "a")]
    # Tags, region and the quick exit come from the original, whatever the translation says.
    assert (spanish.language, spanish.region, spanish.tags) == ("es", "US", ("one",))


def test_the_article_page_says_which_country_it_is_for(client, real_library, settings):
    page = client.get(f"/library/{PARTNER_VIOLENCE}/").content.decode()
    assert '<p class="article-region">For people in the United States</p>' in page
    settings.CRISIS_COUNTRY = "GB"
    page = client.get(f"/library/{PARTNER_VIOLENCE}/").content.decode()
    assert "For people in the United States" in page and "The lines where you are" in page


def test_a_spanish_reader_gets_the_spanish_partner_violence_article(client, real_library):
    page = client.get(f"/library/{PARTNER_VIOLENCE}/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert '<h1 id="article-title" lang="es">Cuando no te sientes a salvo con alguien cercano</h1>' in page
    assert 'class="article-body" lang="es"' in page
    assert "AYUDA" in page and "body=HOME" not in page and "HOME" not in page.split("article-body")[1]
    assert "Para personas en los Estados Unidos" in page


def test_every_article_is_in_spanish_too(real_library):
    from kinwell.library.catalogue import articles, get_article

    for slug in articles():
        assert get_article(slug, language="es").language == "es", slug


def test_an_article_not_yet_translated_stays_in_english_marked_as_such(client, settings, tmp_path):
    import shutil

    shutil.copytree(REAL, tmp_path / "articles")
    (tmp_path / "articles" / "es" / "when-you-feel-lonely.md").unlink()
    settings.LIBRARY_ARTICLES_DIR = tmp_path / "articles"
    lonely = client.get("/library/when-you-feel-lonely/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert 'class="article-body" lang="en"' in lonely


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_partner_violence_article_explains_leaving_no_trace(client, real_library, language):
    page = client.get(f"/library/{PARTNER_VIOLENCE}/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    body = page.split('class="article-body"')[1].split("</div>")[0]
    words = {
        "en": ["Leave this page quickly", "Escape twice", "A note from Kinwell", "Pause sharing quietly",
               "never lets anyone know on its own"],
        "es": ["Salir rápido de esta página", "Escape dos veces", "Una nota de Kinwell",
               "pausar en silencio", "nunca avisa a nadie por su cuenta"],
    }[language]
    for phrase in words:
        assert phrase in body, phrase


def test_the_spanish_article_meets_the_same_rules(real_library):
    from kinwell.library.articles import HELP_HEADING

    originals = load_articles(REAL)
    spanish = load_translations(REAL, originals)[("es", PARTNER_VIOLENCE)]
    assert spanish.body.rstrip().splitlines()[-1].startswith("- **Para encontrar terapia")
    assert "## Dónde pedir ayuda" in spanish.body
    assert len(spanish.body.split()) <= 1300
    assert not HELP_HEADING.search(spanish.body)  # the Spanish heading, not the English one


def test_the_list_and_related_reading_are_in_the_readers_language_and_the_other_is_offered(client, real_library):
    listing = client.get("/library/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert '<h3 lang="es">' in listing and "Cuando no te sientes a salvo con alguien cercano" in listing
    page = client.get(f"/library/{PARTNER_VIOLENCE}/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert 'href="?in=en"' in page and "Read in English" in page
    english = client.get(f"/library/{PARTNER_VIOLENCE}/?in=en", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert 'class="article-body" lang="en"' in english and "Leer en español" in english
    assert client.get(f"/library/{PARTNER_VIOLENCE}/?in=xx").status_code == 200
