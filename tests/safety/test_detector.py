"""The crisis detector, tested on its own (no database, no Django).

The labelled corpus is tests/safety/data/crisis_corpus.csv: id, split, lang, level,
signals, text. "dev" is what the patterns are tuned on; "heldout" is never tuned on; "blind3" is a
batch written before the "when in doubt" lexicons and kept as its own split; "blind4" was
written before the distress safety net and is never tuned on
(see bench/crisis_eval.py for what each split means, the full figures and the figures
measured on blind batches before they joined dev).
The thresholds here are floors that catch regressions, not the figures themselves; no
timing is asserted (timings belong in bench/crisis_eval.py).
"""

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kinwell.safety.detector import LEVELS, SIGNALS, Assessment, assess, normalise, safety_net_score

CORPUS = Path(__file__).parent / "data" / "crisis_corpus.csv"
HELP = {"concern", "urgent"}
RANK = {level: i for i, level in enumerate(LEVELS)}


def load_corpus():
    with CORPUS.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        row["signals"] = [s for s in row["signals"].split(";") if s]
    return rows


ROWS = load_corpus()


@pytest.fixture(scope="module")
def graded():
    out = []
    for row in ROWS:
        result = assess(row["text"])
        out.append({**row, "got": result.level, "reasons": result.reasons})
    return out


def split(graded, name, lang=None):
    return [r for r in graded if r["split"] == name and (lang is None or r["lang"] == lang)]


def recall(rows, positive):
    relevant = [r for r in rows if positive(r["level"])]
    return sum(positive(r["got"]) for r in relevant) / len(relevant)


def precision(rows, positive):
    flagged = [r for r in rows if positive(r["got"])]
    return sum(positive(r["level"]) for r in flagged) / len(flagged)


def describe(rows):
    return "\n".join(f"{r['id']} want {r['level']} got {r['got']}: {r['text']}" for r in rows)


# --------------------------------------------------------------------------- corpus


def test_the_corpus_is_large_enough_and_well_formed():
    assert len(ROWS) >= 450
    assert sum(r["lang"] == "es" for r in ROWS) >= 150
    assert len({r["id"] for r in ROWS}) == len(ROWS)
    for r in ROWS:
        assert r["lang"] in {"en", "es"}, r
        assert r["split"] in {"dev", "heldout", "blind", "blind3", "blind4"}, r
        assert r["level"] in LEVELS, r
        assert r["text"].strip(), r
        assert set(r["signals"]) <= set(SIGNALS), r
        assert bool(r["signals"]) == (r["level"] != "none"), r
    for level in LEVELS:
        for lang in ("en", "es"):
            assert sum(r["level"] == level and r["lang"] == lang for r in ROWS) >= 40


def test_about_a_fifth_of_the_first_corpus_is_held_out():
    first = [r for r in ROWS if r["split"] in {"dev", "heldout"}][:616]
    share = sum(r["split"] == "heldout" for r in first) / len(first)
    assert 0.18 <= share <= 0.22


# --------------------------------------------------------------------------- figures


@pytest.mark.parametrize("lang", [None, "en", "es"])
def test_dev_recall_for_any_help_is_at_least_097(graded, lang):
    assert recall(split(graded, "dev", lang), lambda lv: lv in HELP) >= 0.97


# Urgent texts the patterns knowingly miss, each with the reason; keep this list short and
# honest rather than bending a pattern to one sentence.
KNOWN_URGENT_MISSES = {
    "en-649": "very indirect (driving past a bridge, 'thinking about stopping'): no crisis word at all",
}


def test_no_urgent_dev_text_is_rated_none(graded):
    missed = [
        r
        for r in split(graded, "dev")
        if r["level"] == "urgent" and r["got"] == "none" and r["id"] not in KNOWN_URGENT_MISSES
    ]
    assert not missed, describe(missed)


def test_dev_urgent_recall_and_precisions(graded):
    dev = split(graded, "dev")
    assert recall(dev, lambda lv: lv == "urgent") >= 0.95
    assert precision(dev, lambda lv: lv == "urgent") >= 0.95
    assert precision(dev, lambda lv: lv in HELP) >= 0.95


def test_held_out_figures_stay_above_their_floors(graded):
    heldout = split(graded, "heldout")
    assert recall(heldout, lambda lv: lv in HELP) >= 0.95
    assert not [r for r in heldout if r["level"] == "urgent" and r["got"] == "none"]
    assert precision(heldout, lambda lv: lv in HELP) >= 0.90


def test_blind3_figures_stay_above_their_floors(graded):
    # blind3 stays its own split (see bench/crisis_eval.py HISTORY); it was measured untuned
    # (any-help recall 0.416), then the "when in doubt" lexicons were written against its
    # misses and reached any-help R 1.000 P 0.990, urgent R 0.939. These floors sit a
    # margin below that, to catch regressions; they are not the honest figure.
    blind3 = split(graded, "blind3")
    assert len(blind3) >= 150
    assert recall(blind3, lambda lv: lv in HELP) >= 0.95
    assert precision(blind3, lambda lv: lv in HELP) >= 0.90
    assert recall(blind3, lambda lv: lv == "urgent") >= 0.85
    assert not [r for r in blind3 if r["level"] == "urgent" and r["got"] == "none"]


def test_blind4_figures_stay_above_their_floors(graded):
    # blind4 (see bench/crisis_eval.py HISTORY) was written before the safety net and is
    # never tuned on: untouched it scored any-help R 0.479 P 0.889 with 19 urgent->none;
    # with the net (tuned on dev+heldout+blind3 only) R 0.872 P 0.823 with 4 urgent->none.
    # These floors sit a little below that, to catch regressions.
    blind4 = split(graded, "blind4")
    assert len(blind4) >= 200
    assert recall(blind4, lambda lv: lv in HELP) >= 0.85
    assert precision(blind4, lambda lv: lv in HELP) >= 0.78
    assert len([r for r in blind4 if r["level"] == "urgent" and r["got"] == "none"]) <= 5


def test_the_expected_signals_are_reported_for_crisis_texts(graded):
    crisis = [r for r in split(graded, "dev") if r["level"] in HELP and r["got"] in HELP]
    agree = [r for r in crisis if set(r["signals"]) <= set(r["reasons"])]
    assert len(agree) / len(crisis) >= 0.95


# --------------------------------------------------------------------------- named cases

MUST_CATCH = [
    # (text, lowest acceptable level, a signal that must be among the reasons)
    ("I want to die", "urgent", "suicidal_ideation"),
    ("I'm going to kill myself tonight", "urgent", "suicidal_ideation"),
    ("kms", "urgent", "suicidal_ideation"),
    ("i want to unalive myself", "urgent", "suicidal_ideation"),
    ("thinking about sewerslide", "urgent", "suicidal_ideation"),
    ("I want to k*ll myself", "urgent", "suicidal_ideation"),
    ("i w4nt to k1ll mys3lf", "urgent", "suicidal_ideation"),
    ("k i l l myself", "urgent", "suicidal_ideation"),
    ("i want to dieeeee", "urgent", "suicidal_ideation"),
    ("I WANT TO DIE", "urgent", "suicidal_ideation"),
    ("I want to die 🪦", "urgent", "suicidal_ideation"),
    ("I've been saving my pills", "urgent", "plan_or_means"),
    ("I'm not suicidal but I've been saving my pills", "urgent", "plan_or_means"),
    ("I bought a rope", "urgent", "plan_or_means"),
    ("this is my last message", "urgent", "timing_or_goodbye"),
    ("I'm giving my things away, I won't need them anymore", "urgent", "timing_or_goodbye"),
    ("Everyone would be better off without me", "concern", "burden"),
    ("I don't want to wake up", "concern", "passive_death_wish"),
    ("I can't do this anymore", "concern", "hopelessness"),
    ("there's no point in going on", "concern", "hopelessness"),
    ("I cut myself again last night", "concern", "self_harm"),
    ("my husband hits me", "concern", "danger_from_others"),
    ("he said he'll kill me tonight", "urgent", "danger_from_others"),
    ("my brother said he wants to die", "concern", "worry_for_other"),
    ('my brother said "I want to die"', "concern", "worry_for_other"),
    ("quiero morir", "urgent", "suicidal_ideation"),
    ("quiero morirme", "urgent", "suicidal_ideation"),
    ("me quiero matar", "urgent", "suicidal_ideation"),
    ("ME QUIERO MORÍR", "urgent", "suicidal_ideation"),
    ("kiero morir", "urgent", "suicidal_ideation"),
    ("no quiero despertar", "concern", "passive_death_wish"),
    ("ya no puedo más", "concern", "hopelessness"),
    ("todos estarían mejor sin mí", "concern", "burden"),
    ("me corto", "concern", "self_harm"),
    ("estoy juntando pastillas", "urgent", "plan_or_means"),
    ("esta es mi última mensaje", "urgent", "timing_or_goodbye"),
    ("este es mi último mensaje", "urgent", "timing_or_goodbye"),
    ("mi esposo me pega", "concern", "danger_from_others"),
    ("mi esposo me amenaza", "concern", "danger_from_others"),
    ("mi esposo dijo que me va a matar esta noche", "urgent", "danger_from_others"),
    ("mi hermano dijo que se quiere morir", "concern", "worry_for_other"),
    ("no soy suicida pero estoy juntando pastillas", "urgent", "plan_or_means"),
    ("sewerslide", "concern", "suicidal_ideation"),
]

MUST_NOT_FLAG = [
    "This traffic is killing me",
    "I'd die for a coffee",
    "I'm killing it at work",
    "I was dying of laughter",
    "that cake is to die for",
    "I'm not suicidal, just tired",
    "I would never hurt myself",
    "We watched a film where the hero kills himself",
    'The song goes "I want to die young"',
    "Hemingway died by suicide in 1961",
    "I'm writing an essay on suicide prevention",
    "I cut myself shaving",
    "my phone is dying",
    "goodbye everyone, see you after the holidays!",
    "this is my last message before the weekend",
    "🪦⚰️🔪💊",
    "💊 time for my vitamins",
    "no quiero morir",
    "me muero de risa",
    "me muero de hambre",
    "esta película me mata",
    "me mata el tráfico",
    "me corté el pelo",
    "mi mamá me va a matar cuando vea mis notas",
    'la canción dice "quiero morir"',
    "no quiero vivir en esta ciudad",
]


@pytest.mark.parametrize(("text", "at_least", "signal"), MUST_CATCH)
def test_must_catch(text, at_least, signal):
    result = assess(text)
    assert RANK[result.level] >= RANK[at_least], (text, result)
    assert signal in result.reasons, (text, result)


@pytest.mark.parametrize("text", MUST_NOT_FLAG)
def test_must_not_flag(text):
    assert assess(text).level == "none", (text, assess(text))


def test_emoji_alone_never_make_a_text_urgent():
    for text in ["🔪", "💊💊💊", "⚰️🪦", "🔪💊 i'm so done"]:
        assert assess(text).level != "urgent", text


def test_laughter_softens_direct_statements_to_concern_but_never_to_none():
    assert assess("i want to die lol").level == "concern"
    assert assess("quiero morir jajaja").level == "concern"


def test_past_attempts_are_concern_and_a_recent_one_is_urgent():
    assert assess("I tried to kill myself last year").level == "concern"
    assert assess("I tried to kill myself last night").level == "urgent"


# --------------------------------------------------------------------------- interface


def test_assessment_interface():
    result = assess("my husband hits me and my brother said he wants to die")
    assert isinstance(result, Assessment)
    assert result.level in LEVELS
    assert isinstance(result.reasons, tuple)
    assert result.danger_from_others is True
    assert result.worry_for_other is True
    assert assess("I want to die").danger_from_others is False
    assert assess("I want to die").worry_for_other is False


def test_to_dict_has_exactly_level_and_reasons_and_is_json_ready():
    as_dict = assess("I want to die, I've been saving my pills").to_dict()
    assert set(as_dict) == {"level", "reasons"}
    assert as_dict["level"] == "urgent"
    assert as_dict["reasons"] == ["suicidal_ideation", "plan_or_means"]
    assert json.loads(json.dumps(as_dict)) == as_dict
    assert assess("").to_dict() == {"level": "none", "reasons": []}


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "...", "🙂", None])
def test_empty_and_blank_texts_are_none(text):
    assert assess(text) == Assessment("none", ())


def test_reasons_are_stable_snake_case_ids_in_a_fixed_order():
    for row in ROWS[:200]:
        reasons = assess(row["text"]).reasons
        assert all(r in SIGNALS for r in reasons)
        assert list(reasons) == sorted(reasons, key=SIGNALS.index)


def test_the_same_text_always_gets_the_same_answer():
    text = "ya no puedo más, me quiero morir"
    assert len({assess(text) for _ in range(5)}) == 1


def test_very_long_texts_are_read_at_the_start_and_the_end():
    padding = "a quiet day at home. " * 2000
    assert assess(padding).level == "none"
    assert assess("I want to die. " + padding).level == "urgent"
    # the end of a long entry is read too: people often say the important thing last
    assert assess(padding + " I want to die").level == "urgent"
    # the middle of a very long text is not: the cap bounds the work
    assert assess(padding + " I want to die. " + padding).level == "none"


# --------------------------------------------------------------------------- normalising


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("I Don't", "i dont"),
        ("Me QUIERO morír", "me quiero morir"),
        ("dieeee", "die"),
        ("k i l l", "kil"),
        ("k1ll mys3lf", "kil myself"),
        ("k*ll", "kil"),
        ("kms", "kil myself"),
        ("unalive myself", "kil myself"),
        ("kiero", "quiero"),
        ("no, it’s fine", "no , its fine"),
    ],
)
def test_normalise(raw, expected):
    assert normalise(raw) == expected


def test_the_detector_imports_no_django():
    code = "import sys, kinwell.safety.detector as d; d.assess('x'); print('django' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert out.stdout.strip() == "False"


# --------------------------------------------------------------------------- safety net


@pytest.mark.parametrize(
    "text",
    [
        "I just want to stop being a person",
        "ojalá todo se apagara",
        "me siento de sobra en todas partes",
        "I just want to give up on everything",
    ],
)
def test_the_safety_net_offers_help_for_wordings_the_rules_miss(text):
    assert assess(text) == Assessment("concern", ("distress_safety_net",))


def test_the_safety_net_is_never_urgent_even_with_a_time_cue():
    # urgent stays the rules' call: a time next to a net-only text changes nothing
    for text in ["I just want to stop being a person tonight", "ojalá todo se apagara esta noche"]:
        assert assess(text) == Assessment("concern", ("distress_safety_net",)), text


def test_the_safety_net_speaks_only_when_the_rules_found_nothing():
    assert assess("I want to die") == Assessment("urgent", ("suicidal_ideation",))
    assert safety_net_score("I want to die")[0] >= 3  # it would fire, but the rules answered


@pytest.mark.parametrize(
    "text",
    [
        "my phone is dying",  # one cue, an everyday object
        "I cut my finger chopping onions",  # everyday scene in the same sentence
        "my grandpa is dying",  # someone else is the subject
        "I'm not going to give up",  # resolve, not surrender
        "in the movie the hero says I just want to stop being a person",  # media sentence
        "I'm not suicidal, just tired",  # negation is blanked before the net reads the text
    ],
)
def test_the_safety_net_stays_quiet_on_look_alikes(text):
    assert assess(text).level == "none", (text, safety_net_score(text))


def test_the_safety_net_needs_a_first_person_marker_near_the_cue_in_a_longer_text():
    far = "the report says that the old factory is going to disappear forever next spring, according to the council"
    assert safety_net_score(far) == (0.0, [])
    assert safety_net_score("I want to disappear forever")[0] >= 3
