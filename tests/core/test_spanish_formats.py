"""Dates, times and decimals as each language writes them, from the format modules."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from kinwell.core.dates import format_named

DAY = datetime.date(2026, 12, 3)
EVENING = datetime.datetime(2026, 12, 3, 17, 56, tzinfo=ZoneInfo("UTC"))


def render(source: str, language: str, **context) -> str:
    with translation.override(language), timezone.override("UTC"):
        return Template("{% load kinwell_dates checkin_words %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("source", "english", "spanish"),
    [
        ('{{ d|named_date:"WEEKDAY_DATE_FORMAT" }}', "Thursday, December 3, 2026", "jueves, 3 de diciembre de 2026"),
        ('{{ d|date:"DATE_FORMAT" }}', "Dec. 3, 2026", "3 de diciembre de 2026"),
        ('{{ d|date:"MONTH_DAY_FORMAT" }}', "December 3", "3 de diciembre"),
        ('{{ t|date:"DATETIME_FORMAT" }}', "Dec. 3, 2026, 5:56 p.m.", "jueves, 3 de diciembre de 2026, 5:56 p. m."),
        ('{{ t|time:"TIME_FORMAT" }}', "5:56 p.m.", "5:56 p. m."),
        ("{{ x|floatformat:1 }}", "13.5", "13.5"),
        ("{{ 5|weekdays_name }}", "Saturdays", "sábados"),
    ],
)
def test_named_formats_per_language(source, english, spanish):
    assert render(source, "en", d=DAY, t=EVENING, x=13.5) == english
    assert render(source, "es", d=DAY, t=EVENING, x=13.5) == spanish


def test_format_named_in_python_follows_the_active_language():
    with translation.override("es"):
        assert format_named(DAY, "WEEKDAY_DATE_FORMAT") == "jueves, 3 de diciembre de 2026"
        assert format_named(None, "WEEKDAY_DATE_FORMAT") == ""


def test_the_weekday_finding_uses_the_plural_in_spanish():
    finding = {"kind": "weekday", "subject": "5", "mood_with": 3.5, "mood_without": 3.1, "days_with": 4}
    with translation.override("es"):
        text = Template('{% include "checkins/_finding.html" %}').render(Context({"finding": finding}))
    assert text.startswith("Los sábados tu ánimo promedió 3.5, frente a 3.1")


def test_no_template_spells_out_a_date_format():
    """Templates name a format (DATE_FORMAT, WEEKDAY_DATE_FORMAT...), so every language writes dates its way."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "kinwell"
    allowed = {"c", "Y-m-d", "l"}  # machine formats, and a weekday alone
    spelled = []
    for path in root.rglob("*.html"):
        for found in re.findall(r"\|(?:date|time):[\"']([^\"']+)[\"']", path.read_text(encoding="utf-8")):
            if found not in allowed and not found.endswith("FORMAT"):
                spelled.append(f"{path.relative_to(root)}: {found}")
    assert spelled == []
