"""Every help-line number in an article is one its service publishes itself: listed with
its source in the article's front matter and in kinwell/library/data/helplines.toml."""

import re
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2] / "kinwell" / "library"
TABLE = tomllib.loads((ROOT / "data" / "helplines.toml").read_text(encoding="utf-8"))["numbers"]
ARTICLES = sorted((ROOT / "articles").glob("*.md")) + sorted((ROOT / "articles" / "es").glob("*.md"))
# A phone number (1-800-799-7233 or 800-799-7233), or a short code: 988, 911, or 5-6 digits.
NUMBER = re.compile(r"(?<![\d-])(?<!\d[.,])(?:(?:1-)?\d{3}-\d{3}-\d{4}|988|911|\d{5,6})(?![\d-])(?![.,]\d)")


def split(path: Path) -> tuple[dict, str]:
    _, head, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(head), body


def test_the_table_names_a_service_and_an_https_source_for_each_number():
    assert {"988", "741741", "911", "1-800-799-7233", "1-800-662-4357"} <= set(TABLE)
    for number, entry in TABLE.items():
        assert NUMBER.fullmatch(number), number
        assert entry["service"].strip() and entry["source"].startswith("https://"), number


def test_there_are_articles_in_both_languages():
    assert len(ARTICLES) >= 50


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: str(p.relative_to(ROOT / "articles")))
def test_every_number_in_an_article_is_listed_and_checked(path):
    meta, body = split(path)
    listed = {entry["number"]: entry for entry in meta.get("helplines") or []}
    used = set(NUMBER.findall(body))
    assert used - set(listed) == set(), "numbers in the text missing from the front matter"
    assert set(listed) - used == set(), "numbers in the front matter the text never uses"
    for number, entry in listed.items():
        assert number in TABLE, f"{number} is not in helplines.toml"
        assert (entry["service"], entry["source"]) == (TABLE[number]["service"], TABLE[number]["source"])


def test_the_number_pattern_finds_phone_numbers_and_short_codes_not_other_figures():
    text = "Call 1-800-799-7233 or 988, text HOME to 741741. 20 minutes, 2024, 13.5, 1,200 words."
    assert NUMBER.findall(text) == ["1-800-799-7233", "988", "741741"]
