"""The message coach, tested on its own (no database) and through `coach_check`.

The labelled corpus is tests/talk/data/coach_corpus.csv (id, split, lang, patterns,
text); bench/coach_eval.py prints the figures. The floors here catch regressions.
"""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from kinwell.talk.coach import normalise, pattern_names, review

CORPUS = Path(__file__).parent / "data" / "coach_corpus.csv"


def load_corpus():
    with CORPUS.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


ROWS = load_corpus()

# One table per pattern: (draft, language). Each must show that pattern.
FLAGGED = {
    "criticism": [
        ("You always leave your dishes in the sink.", "en"),
        ("You never listen to me.", "en"),
        ("You are so selfish.", "en"),
        ("What is wrong with you?", "en"),
        ("Siempre llegas tarde.", "es"),
        ("Eres un egoísta.", "es"),
    ],
    "contempt": [
        ("You're an idiot.", "en"),
        ("Wow, real mature.", "en"),
        ("Nice going, genius.", "en"),
        ("Fine 🙄", "en"),
        ("Eres patética.", "es"),
        ("Pobrecito.", "es"),
    ],
    "defensiveness": [
        ("It's not my fault.", "en"),
        ("Yes, but you forgot too.", "en"),
        ("I didn't do anything wrong.", "en"),
        ("No es mi culpa.", "es"),
        ("Sí, pero tú también lo olvidaste.", "es"),
    ],
    "stonewalling": [
        ("Whatever.", "en"),
        ("I'm done talking.", "en"),
        ("I don't want to talk about it.", "en"),
        ("Lo que sea.", "es"),
        ("Déjame en paz.", "es"),
    ],
    "blame_as_i_statement": [
        ("I feel that you are selfish.", "en"),
        ("I feel like you never listen.", "en"),
        ("I feel ignored by you.", "en"),
        ("Siento que eres egoísta.", "es"),
        ("Me siento manipulada por ti.", "es"),
    ],
}

KIND = [
    "I always love our Sunday walks.",
    "You never fail to make me laugh.",
    "You always know how to cheer me up.",
    "I'm such an idiot, I left my keys at work.",
    "Whatever you choose for dinner is fine with me.",
    "I feel that you are right about the budget.",
    "You're a genius, the shelf looks great.",
    "I feel sad about how our evening went. I need some quiet time together.",
    "Nunca dejas de hacerme reír.",
    "Me da igual el color, elige tú.",
    "Soy una tonta, me dejé las llaves.",
    "",
    "   ",
]


@pytest.mark.parametrize(
    "pattern,text,language", [(p, t, lang) for p, rows in FLAGGED.items() for t, lang in rows]
)
def test_each_pattern_is_found_with_its_span_and_explanation(pattern, text, language):
    result = review(text, language=language)
    assert pattern in result.patterns
    finding = next(f for f in result.findings if f.pattern == pattern)
    assert text[finding.start : finding.end] == finding.excerpt and finding.excerpt.strip()
    assert finding.explanation.endswith(".") and finding.explanation.count(". ") == 0  # one sentence
    assert "___" in result.suggestion


@pytest.mark.parametrize("text", KIND)
def test_kind_messages_get_nothing(text):
    result = review(text)
    assert result.patterns == () and result.findings == () and result.suggestion == ""


def test_blame_as_i_statement_is_reported_instead_of_criticism():
    result = review("I feel that you are selfish.")
    assert result.patterns == ("blame_as_i_statement",)


def test_several_patterns_in_one_draft_are_all_reported_most_serious_first():
    result = review("You never help, you lazy idiot. Whatever.")
    assert result.patterns == ("contempt", "criticism", "stonewalling")
    assert [f.start for f in result.findings] == sorted(f.start for f in result.findings)


def test_spans_point_into_the_original_text_with_accents_and_curly_quotes():
    text = "Bueno… ¿Qué te pasa? Eres un IDIOTA"
    result = review(text, language="es")
    excerpts = {f.pattern: f.excerpt for f in result.findings}
    assert excerpts["criticism"] == "Qué te pasa"
    assert excerpts["contempt"] == "Eres un IDIOTA"
    curly = review("It’s not my fault")
    assert curly.findings[0].excerpt == "It’s not my fault"


def test_explanations_and_suggestion_follow_the_language_asked_for():
    english = review("Eres un egoísta.", language="en")
    spanish = review("Eres un egoísta.", language="es")
    assert english.patterns == spanish.patterns == ("criticism",)
    assert "Necesito" in spanish.suggestion and "I need" in english.suggestion
    assert review("You are so selfish.", language="fr").suggestion == english.suggestion


def test_normalise_keeps_a_map_back_to_the_original():
    plain, origin = normalise("Ñandú  ÉS")
    assert plain == "nandu es"
    assert origin[-1] == len("Ñandú  ÉS") and len(origin) == len(plain) + 1


def test_review_is_deterministic_and_serialises():
    first = review("You never listen. It's not my fault.").to_dict()
    assert first == review("You never listen. It's not my fault.").to_dict()
    assert first["patterns"] == ["criticism", "defensiveness"]
    assert json.loads(json.dumps(first))["findings"][0]["excerpt"] == "You never"


def test_a_very_long_draft_is_read_without_error():
    result = review("I love you. " * 2000 + "You never listen.")
    assert result.patterns == ()  # past the reading limit
    assert review("You never listen. " + "I love you. " * 2000).patterns == ("criticism",)


def test_corpus_is_large_enough_and_labels_are_known():
    assert len(ROWS) >= 200
    assert sum(1 for row in ROWS if not row["patterns"]) >= 80
    known = set(pattern_names())
    for row in ROWS:
        assert {p for p in row["patterns"].split(";") if p} <= known, row["id"]
        assert row["split"] in {"dev", "heldout", "blind"} and row["lang"] in {"en", "es"}


@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_corpus_floors(split):
    rows = [row for row in ROWS if row["split"] == split]
    kind = [row for row in rows if not row["patterns"]]
    flagged_kind = sum(1 for row in kind if review(row["text"]).patterns)
    assert flagged_kind / len(kind) <= 0.05
    labelled = [(row, {p for p in row["patterns"].split(";") if p}) for row in rows if row["patterns"]]
    hits = sum(len(expected & set(review(row["text"], language=row["lang"]).patterns)) for row, expected in labelled)
    assert hits / sum(len(expected) for _, expected in labelled) >= 0.9


def test_coach_check_reads_lines_and_prints_json(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("Thank you for dinner.\nYou never listen. Whatever.\n"))
    out = io.StringIO()
    call_command("coach_check", stdout=out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert lines[0] == {"patterns": [], "suggestion": ""}
    assert lines[1]["patterns"] == ["criticism", "stonewalling"] and "___" in lines[1]["suggestion"]


def test_the_coach_imports_no_django():
    code = "import sys, kinwell.talk.coach as c; c.review('You never listen'); print('django' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert out.stdout.strip() == "False"


def test_spans_leave_out_the_punctuation_around_a_short_sentence():
    result = review("Fine. Whatever.")
    assert [f.excerpt for f in result.findings] == ["Whatever"]
