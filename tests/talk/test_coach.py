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
        ("Me siento ignorada por ti.", "es"),
    ],
    "flooding": [
        ("My heart is pounding and I can't think straight.", "en"),
        ("I'm so overwhelmed right now.", "en"),
        ("I'm about to lose it.", "en"),
        ("El corazón me late a mil.", "es"),
        ("Estoy desbordada, no puedo con esto ahora.", "es"),
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
    "I'm overwhelmed at work this week, could you take the kids on Tuesday?",
    "I need a break of twenty minutes. I'll come back at eight and we can try again.",
    "I was scared of spiders as a kid, remember?",
    "Me dan miedo las alturas, mejor no subimos.",
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
    assert "___" in result.suggestion and "___" in finding.suggestion


@pytest.mark.parametrize("language", ["en", "es"])
def test_each_pattern_has_its_own_explanation_and_suggestion(language):
    drafts = {pattern: rows[0][0] for pattern, rows in FLAGGED.items()}
    findings = {p: next(f for f in review(t, language=language).findings if f.pattern == p) for p, t in drafts.items()}
    assert len({f.explanation for f in findings.values()}) == len(findings)
    templates = {p: review(t, language=language).findings[0] for p, t in drafts.items()}
    assert len({f.suggestion for f in templates.values()}) == len(templates)
    flooding = findings["flooding"].suggestion
    assert "20" in flooding and ("come back" in flooding or "Vuelvo" in flooding)


# The person's own sentence, said another way: topic kept, "always"/"never" gone.
REWRITES = [
    ("You are always late to everything", "When you were late [say when", ("always", "everything")),
    ("You always leave your dishes in the sink.", "When you left your dishes in the sink", ("always",)),
    ("You never listen to me.", "When you didn't listen to me", ("never",)),
    ("Why can't you ever be on time?", "When you weren't on time", ("ever",)),
    ("You keep interrupting me", "When you were interrupting me", ("keep",)),
    ("You are so selfish.", "When you decided ___ without asking what I wanted", ("selfish",)),
    ("You're so careless with my things", "When you ___ with my things", ("careless",)),
    ("You never help with anything", "When you didn't help with ___", ("anything",)),
    ("I feel that you never listen", "When you didn't listen", ("I feel that",)),
    ("I feel ignored when you look at your phone at dinner",
     "When you looked at your phone at dinner [say when: tonight, last Saturday], I felt lonely and hurt. I need to know I matter to you.",
     ("ignored",)),
    ("You're such an idiot, you forgot the keys again", "When you forgot the keys [", ("idiot", "again")),
    ("Siempre llegas tarde a todo", "Cuando llegaste tarde [di cuándo", ("Siempre", "a todo")),
    ("Nunca me escuchas", "Cuando no me escuchaste", ("Nunca",)),
    ("¿Por qué siempre haces lo mismo?", "Cuando hiciste lo mismo", ("siempre",)),
    ("Siempre piensas en tu trabajo", "Cuando pensaste en tu trabajo", ("Siempre",)),
    ("Eres un egoísta", "Cuando decidiste ___ sin preguntarme qué quería yo", ("egoísta",)),
    ("Siento que nunca me escuchas", "Cuando no me escuchaste", ("Siento que",)),
    ("Me siento ignorada cuando miras el celular en la cena",
     "Cuando miraste el celular en la cena [di cuándo: anoche, el sábado], me sentí sola/o y dolida/o. Necesito saber que te importo.",
     ("ignorada",)),
    ("Eres un idiota, olvidaste las llaves otra vez", "Cuando olvidaste las llaves [", ("idiota", "otra vez")),
    ("Eres bien frío, nunca me demuestras cariño", "Cuando no me demostraste cariño", ("nunca",)),
    ("you always leave your stuff out and never pick it up", "When you left your stuff out [", ("never", "pick")),
    ("why are you always so lazy on weekends", "When you ___ on weekends", ("lazy",)),
]


def test_each_finding_gets_the_rewrite_of_its_own_words():
    result = review("mom you always take his side, you never once took mine")
    assert [f.suggestion.split(" [")[0] for f in result.findings] == ["When you took his side", "When you didn't take mine"]


def test_sarcasm_about_a_good_deed_is_not_turned_into_a_complaint():
    finding = review("wow you did the dishes, want a medal?").findings[0]
    assert finding.pattern == "contempt" and not finding.rewritten


@pytest.mark.parametrize("draft,expected,dropped", REWRITES)
def test_the_suggestion_rewrites_the_persons_own_sentence(draft, expected, dropped):
    finding = next((f for f in review(draft).findings if expected in f.suggestion), None)
    assert finding is not None and finding.rewritten, [f.suggestion for f in review(draft).findings]
    for word in dropped:
        assert word.lower() not in finding.suggestion.lower()


def test_a_rewrite_stays_in_the_drafts_language_and_templates_follow_the_page():
    spanish_page = review("You never listen to me.", language="es")
    assert spanish_page.findings[0].suggestion.startswith("When you didn't listen")
    template = review("It's not my fault.", language="es").findings[0]
    assert not template.rewritten and "Tienes razón" in template.suggestion


def test_where_no_rule_fits_the_patterns_own_template_is_offered():
    finding = review("What is wrong with you?").findings[0]
    assert finding.pattern == "criticism" and not finding.rewritten
    assert finding.suggestion.startswith("Name one moment")


# Fear, harm and control: never coached to soften (issue 15).
AFRAID = [
    ("I feel controlled when you go through my messages", "en"),
    ("You are controlling and I am scared of you", "en"),
    ("Leave me alone, you're scaring me.", "en"),
    ("I feel manipulated by you.", "en"),
    ("You always yell and I'm afraid of what you'll do.", "en"),
    ("You pushed me, you idiot. Whatever.", "en"),
    ("Me siento controlada cuando revisas mi celular.", "es"),
    ("Déjame en paz, me estás asustando.", "es"),
    ("Eres un controlador y te tengo miedo.", "es"),
    ("Me siento manipulada por ti.", "es"),
]


@pytest.mark.parametrize("draft,language", AFRAID)
def test_fear_or_control_in_the_draft_drops_every_finding_and_says_why(draft, language):
    result = review(draft, language=language)
    assert result.afraid and result.findings == () and result.patterns == () and result.suggestion == ""
    assert ("not what you need" in result.safety_note) if language == "en" else ("no es lo que necesitas" in result.safety_note)


def test_the_caller_can_say_the_detector_found_danger_from_others():
    result = review("You never listen. Whatever.", language="es", unsafe=True)
    assert result.afraid and result.findings == () and "miedo" in result.safety_note
    assert review("", unsafe=True).afraid
    assert review("You never listen. Whatever.").patterns == ("criticism", "stonewalling")


def test_fear_words_are_not_faux_feelings_any_more():
    for word in ("controlled", "bullied", "manipulated", "attacked", "threatened", "scared", "afraid"):
        assert "blame_as_i_statement" not in review(f"I feel {word} by you.").patterns, word
    assert review("I feel attacked by you.").patterns == ()


@pytest.mark.parametrize("text", KIND)
def test_kind_messages_get_nothing(text):
    result = review(text)
    assert result.patterns == () and result.findings == () and result.suggestion == ""
    assert not result.afraid


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
    assert english.findings[0].explanation.startswith("This turns") and spanish.findings[0].explanation.startswith("Esto")
    # The rewrite keeps the draft's language; a template follows the page's.
    assert english.suggestion == spanish.suggestion and "Necesito" in spanish.suggestion
    assert "I need" in review("What's wrong with you?", language="en").suggestion
    assert "Necesito" in review("What's wrong with you?", language="es").suggestion
    assert review("You are so selfish.", language="fr").to_dict() == review("You are so selfish.").to_dict()


def test_normalise_keeps_a_map_back_to_the_original():
    plain, origin = normalise("Ñandú  ÉS")
    assert plain == "nandu es"
    assert origin[-1] == len("Ñandú  ÉS") and len(origin) == len(plain) + 1


def test_review_is_deterministic_and_serialises():
    first = review("You never listen. It's not my fault.").to_dict()
    assert first == review("You never listen. It's not my fault.").to_dict()
    assert first["patterns"] == ["criticism", "defensiveness"]
    assert json.loads(json.dumps(first))["findings"][0]["excerpt"] == "You never"
    assert first["afraid"] is False and first["findings"][0]["rewritten"] is True


def test_a_very_long_draft_is_read_without_error():
    result = review("I love you. " * 2000 + "You never listen.")
    assert result.patterns == ()  # past the reading limit
    assert review("You never listen. " + "I love you. " * 2000).patterns == ("criticism",)


def test_corpus_is_large_enough_and_labels_are_known():
    assert len(ROWS) >= 200
    assert sum(1 for row in ROWS if not row["patterns"]) >= 80
    assert sum(1 for row in ROWS if row["fear"] == "yes") >= 20
    known = set(pattern_names())
    for row in ROWS:
        assert {p for p in row["patterns"].split(";") if p} <= known, row["id"]
        assert row["split"] in {"dev", "heldout", "blind", "blind2"} and row["lang"] in {"en", "es"}
        assert row["fear"] in {"yes", "no"} and not (row["fear"] == "yes" and row["patterns"]), row["id"]


def test_no_fear_draft_in_the_corpus_gets_a_finding():
    fear = [row for row in ROWS if row["fear"] == "yes"]
    assert [row["id"] for row in fear if review(row["text"], language=row["lang"]).findings] == []


@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_corpus_floors(split):
    rows = [row for row in ROWS if row["split"] == split]
    kind = [row for row in rows if not row["patterns"] and row["fear"] == "no"]
    flagged_kind = sum(1 for row in kind if review(row["text"]).patterns or review(row["text"]).afraid)
    assert flagged_kind / len(kind) <= 0.05
    labelled = [(row, {p for p in row["patterns"].split(";") if p}) for row in rows if row["patterns"]]
    hits = sum(len(expected & set(review(row["text"], language=row["lang"]).patterns)) for row, expected in labelled)
    assert hits / sum(len(expected) for _, expected in labelled) >= 0.9


def test_coach_check_reads_lines_and_prints_json(monkeypatch):
    monkeypatch.setattr(
        "sys.stdin", io.StringIO("Thank you for dinner.\nYou never listen. Whatever.\nI'm scared of you.\n")
    )
    out = io.StringIO()
    call_command("coach_check", stdout=out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert lines[0] == {"patterns": [], "suggestion": ""}
    assert lines[1]["patterns"] == ["criticism", "stonewalling"] and "___" in lines[1]["suggestion"]
    assert lines[2] == {"patterns": [], "suggestion": "", "afraid": True}


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
