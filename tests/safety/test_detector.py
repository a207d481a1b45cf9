"""The crisis detector, tested on its own (no database, no Django).

The labelled corpus is tests/safety/data/crisis_corpus.csv: id, split, lang, level,
signals, text (signals in the vocabulary of detector.SIGNALS: the C-SSRS ladder, farewell,
self-harm and the partner-violence tier). "dev" is what the patterns are tuned on;
"heldout" is never tuned on; "blind3" is a batch written before the "when in doubt"
lexicons and kept as its own split; "blind4" was written before the distress safety net;
"blind5" was measured before tuning and then tuned on; "blind4" and "blind6" were measured
untuned and then tuned on in the second round; "blind7" is never tuned on (see
bench/crisis_eval.py for what each split means, the full figures and the figures measured
on blind batches before any tuning).
The thresholds here are floors that catch regressions, not the figures themselves; no
timing is asserted (timings belong in bench/crisis_eval.py).
"""

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kinwell.safety.detector import (
    ABOUT_SOMEONE_ELSE, DANGER_FROM_OTHERS, LEVELS, SELF_DIRECTED, SIGNALS, Assessment, assess, normalise,
    safety_net_score,
)

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


def flagged_share(rows, level):
    relevant = [r for r in rows if r["level"] == level]
    return sum(r["got"] in HELP for r in relevant) / len(relevant)


def describe(rows):
    return "\n".join(f"{r['id']} want {r['level']} got {r['got']}: {r['text']}" for r in rows)


# --------------------------------------------------------------------------- corpus


SPLITS = {"dev", "heldout", "blind", "blind3", "blind4", "blind5", "blind6", "blind7"}


def test_the_corpus_is_large_enough_and_well_formed():
    assert len(ROWS) >= 1800
    assert sum(r["lang"] == "es" for r in ROWS) >= 600
    assert len({r["id"] for r in ROWS}) == len(ROWS)
    for r in ROWS:
        assert r["lang"] in {"en", "es"}, r
        assert r["split"] in SPLITS, r
        assert r["level"] in LEVELS, r
        assert r["text"].strip(), r
        assert set(r["signals"]) <= set(SIGNALS), r
        assert bool(r["signals"]) == (r["level"] != "none"), r
    for level in LEVELS:
        for lang in ("en", "es"):
            assert sum(r["level"] == level and r["lang"] == lang for r in ROWS) >= 40


def test_the_names_from_before_the_categories_are_gone():
    old = {"suicidal_ideation", "passive_death_wish", "plan_or_means", "timing_or_goodbye"}
    assert not old & set(SIGNALS)
    assert not old & SELF_DIRECTED
    assert not old & {s for r in ROWS for s in r["signals"]}


def test_the_blind_batches_are_written_blind_in_both_languages_with_a_third_look_alikes():
    blind = [r for r in ROWS if r["split"] in {"blind3", "blind4", "blind5", "blind6"}]
    assert len(blind) >= 600
    assert sum(r["level"] == "none" for r in blind) / len(blind) >= 0.30
    assert sum(r["lang"] == "es" for r in blind) / len(blind) >= 0.40


def test_about_a_fifth_of_the_first_corpus_is_held_out():
    first = [r for r in ROWS if r["split"] in {"dev", "heldout"}][:616]
    share = sum(r["split"] == "heldout" for r in first) / len(first)
    assert 0.18 <= share <= 0.22


# --------------------------------------------------------------------------- figures
# Floors on dev (what the patterns are tuned on) and regression floors on the other splits.
# The honest blind figures are in bench/crisis_eval.py HISTORY; no timing is asserted here.


@pytest.mark.parametrize("lang", [None, "en", "es"])
def test_dev_meets_the_goals(graded, lang):
    dev = split(graded, "dev", lang)
    assert flagged_share(dev, "urgent") >= 0.99
    assert recall(dev, lambda lv: lv == "urgent") >= 0.97
    assert flagged_share(dev, "concern") >= 0.97
    assert flagged_share(dev, "none") <= 0.03


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
    assert recall(dev, lambda lv: lv == "urgent") >= 0.97
    assert precision(dev, lambda lv: lv == "urgent") >= 0.97
    assert precision(dev, lambda lv: lv in HELP) >= 0.97


@pytest.mark.parametrize("category", [s for s in SIGNALS if s != "distress_safety_net"])
def test_every_category_is_flagged_on_dev(graded, category):
    texts = [r for r in split(graded, "dev") if category in r["signals"]]
    if not texts:
        pytest.skip(f"no dev text labelled {category}")
    missed = [r for r in texts if r["got"] == "none" and r["id"] not in KNOWN_URGENT_MISSES]
    assert not missed, describe(missed)


def test_held_out_figures_stay_above_their_floors(graded):
    heldout = split(graded, "heldout")
    assert recall(heldout, lambda lv: lv in HELP) >= 0.95
    assert not [r for r in heldout if r["level"] == "urgent" and r["got"] == "none"]
    assert precision(heldout, lambda lv: lv in HELP) >= 0.90


def test_blind3_figures_stay_above_their_floors(graded):
    # blind3 stays its own split (see bench/crisis_eval.py HISTORY); it was measured untuned
    # (any-help recall 0.416), then the "when in doubt" lexicons were written against its
    # misses. These floors sit a margin below the tuned figures, to catch regressions.
    blind3 = split(graded, "blind3")
    assert len(blind3) >= 150
    assert recall(blind3, lambda lv: lv in HELP) >= 0.95
    assert precision(blind3, lambda lv: lv in HELP) >= 0.90
    assert recall(blind3, lambda lv: lv == "urgent") >= 0.85
    assert not [r for r in blind3 if r["level"] == "urgent" and r["got"] == "none"]


def test_blind4_figures_stay_above_their_floors(graded):
    # blind4 (see bench/crisis_eval.py HISTORY) was tuned on only in the second round. These
    # floors sit below its untuned figures, to catch regressions; they are not goals.
    blind4 = split(graded, "blind4")
    assert len(blind4) >= 200
    assert recall(blind4, lambda lv: lv in HELP) >= 0.85
    assert precision(blind4, lambda lv: lv in HELP) >= 0.78
    assert len([r for r in blind4 if r["level"] == "urgent" and r["got"] == "none"]) <= 4


def test_blind5_figures_stay_above_their_floors(graded):
    # blind5 was measured before tuning (urgent flagged 0.62, rated urgent 0.47, concern 0.65,
    # false alarms 0.07) and then tuned on; these floors guard the tuned figures.
    blind5 = split(graded, "blind5")
    assert len(blind5) >= 300
    assert flagged_share(blind5, "urgent") >= 0.98
    assert recall(blind5, lambda lv: lv == "urgent") >= 0.90
    assert flagged_share(blind5, "concern") >= 0.95
    assert flagged_share(blind5, "none") <= 0.05


def test_blind6_figures_stay_above_their_floors(graded):
    # blind6 was measured once untuned (urgent flagged 0.70, rated urgent 0.51, concern flagged
    # 0.56, false alarms 0.13; bench HISTORY) and then tuned on in the second round. These
    # floors are the untuned ones: they only catch regressions.
    blind6 = split(graded, "blind6")
    assert len(blind6) >= 300
    assert flagged_share(blind6, "urgent") >= 0.65
    assert flagged_share(blind6, "concern") >= 0.50
    assert flagged_share(blind6, "none") <= 0.16


def test_blind7_figures_stay_above_their_floors(graded):
    # blind7 is never tuned on; measured once after the second round it scored urgent flagged
    # 0.76, rated urgent 0.67, concern flagged 0.73, false alarms 0.07 (bench/crisis_eval.py
    # HISTORY). These floors only catch regressions.
    blind7 = split(graded, "blind7")
    assert len(blind7) >= 300
    assert flagged_share(blind7, "urgent") >= 0.72
    assert flagged_share(blind7, "concern") >= 0.68
    assert flagged_share(blind7, "none") <= 0.10


def test_the_expected_signals_are_reported_for_crisis_texts(graded):
    crisis = [r for r in split(graded, "dev") if r["level"] in HELP and r["got"] in HELP]
    agree = [r for r in crisis if set(r["signals"]) <= set(r["reasons"])]
    assert len(agree) / len(crisis) >= 0.93


# --------------------------------------------------------------------------- named cases
# (text, level it must reach at least, a reason that must be among the reasons), by category
# and in both languages, written as people type: fragments, no accents or apostrophes, slang.

MUST_CATCH = [
    # active ideation
    ("I want to die", "urgent", "active_ideation"),
    ("kms", "urgent", "active_ideation"),
    ("i want to unalive myself", "urgent", "active_ideation"),
    ("thinking about sewerslide", "urgent", "active_ideation"),
    ("I want to k*ll myself", "urgent", "active_ideation"),
    ("i w4nt to k1ll mys3lf", "urgent", "active_ideation"),
    ("k i l l myself", "urgent", "active_ideation"),
    ("i want to dieeeee", "urgent", "active_ideation"),
    ("I WANT TO DIE", "urgent", "active_ideation"),
    ("I want to die 🪦", "urgent", "active_ideation"),
    ("i want to ctb", "urgent", "active_ideation"),
    ("quiero morir", "urgent", "active_ideation"),
    ("quiero morirme", "urgent", "active_ideation"),
    ("me quiero matar", "urgent", "active_ideation"),
    ("ME QUIERO MORÍR", "urgent", "active_ideation"),
    ("kiero morir", "urgent", "active_ideation"),
    ("me kiero matar alv", "urgent", "active_ideation"),
    ("me quiero morir neta", "urgent", "active_ideation"),
    ("sewerslide", "concern", "active_ideation"),
    # wish to be dead
    ("I don't want to wake up", "concern", "wish_to_be_dead"),
    ("I wish I could just not wake up", "concern", "wish_to_be_dead"),
    ("if i got hit by a bus tomorrow i wouldnt even mind", "concern", "wish_to_be_dead"),
    ("no quiero despertar", "concern", "wish_to_be_dead"),
    ("ojala no despertar manana", "concern", "wish_to_be_dead"),
    ("mejor me muero", "concern", "wish_to_be_dead"),
    ("a veces le pido a diosito que ya me recoja", "concern", "wish_to_be_dead"),
    # ideation with a method
    ("I want to hang myself", "urgent", "ideation_with_method"),
    ("every time i drive over the overpass i think about turning the wheel", "urgent", "ideation_with_method"),
    ("me quiero colgar", "urgent", "ideation_with_method"),
    ("me quiero aventar al tren", "urgent", "ideation_with_method"),
    ("me quiero aventar del puente", "urgent", "ideation_with_method"),
    ("pienso en soltar el volante en la curva", "urgent", "ideation_with_method"),
    # intent
    ("im gonna kms", "urgent", "intent"),
    ("I'm going to kill myself", "urgent", "intent"),
    ("ya decidi que me voy a matar", "urgent", "intent"),
    ("me voy a suicidar", "urgent", "intent"),
    # plan
    ("I'm going to kill myself tonight", "urgent", "plan"),
    ("I know which bridge", "urgent", "plan"),
    ("tonight after they sleep i'm doing it", "urgent", "plan"),
    ("tonight after everyone is asleep. ive decided", "urgent", "plan"),
    ("ya se de que puente", "urgent", "plan"),
    ("esta noche cuando se duerman lo hago", "urgent", "plan"),
    ("esta madrugada cuando mi esposo se duerma. ya esta decidido", "urgent", "plan"),
    # preparation
    ("I've been saving my pills", "urgent", "preparation"),
    ("I'm not suicidal but I've been saving my pills", "urgent", "preparation"),
    ("I've saved up pills to take all at once", "urgent", "preparation"),
    ("I bought a rope", "urgent", "preparation"),
    ("there's a gun in the drawer and i keep thinking about it", "urgent", "preparation"),
    ("I'm giving my things away, I won't need them anymore", "urgent", "preparation"),
    ("estoy juntando pastillas", "urgent", "preparation"),
    ("no soy suicida pero estoy juntando pastillas", "urgent", "preparation"),
    ("tengo guardadas pastillas para tomarmelas todas de una vez", "urgent", "preparation"),
    ("hay una pistola en el cajon y no dejo de pensar en eso", "urgent", "preparation"),
    ("compre una cuerda", "urgent", "preparation"),
    # attempt
    ("I took the whole bottle", "urgent", "attempt"),
    ("I'm on the bridge", "urgent", "attempt"),
    ("I tried to kill myself last night", "urgent", "attempt"),
    ("mixed my pills w vodka an hour ago", "urgent", "attempt"),
    ("ya me tome todas las pastillas", "urgent", "attempt"),
    ("me acabo de tomar la caja entera de clonazepam", "urgent", "attempt"),
    ("estoy arriba del puente", "urgent", "attempt"),
    # farewell
    ("this is my last message", "urgent", "farewell"),
    ("take care of the dog for me, I won't be around", "urgent", "farewell"),
    ("esta es mi última mensaje", "urgent", "farewell"),
    ("este es mi último mensaje", "urgent", "farewell"),
    ("perdonenme por todo, adios", "urgent", "farewell"),
    ("if anything ever happens to me the passwords are in the blue notebook", "concern", "farewell"),
    ("si algun dia no estoy, que la niña se quede con mi mama", "concern", "farewell"),
    # self-harm
    ("I cut myself again last night", "concern", "self_harm"),
    ("I cut so deep it won't stop bleeding", "urgent", "self_harm"),
    ("me corto", "concern", "self_harm"),
    ("me corte muy profundo y no deja de sangrar", "urgent", "self_harm"),
    # hopelessness and burden
    ("I can't do this anymore", "concern", "hopelessness"),
    ("there's no point in going on", "concern", "hopelessness"),
    ("ya no puedo más", "concern", "hopelessness"),
    ("nada va a cambiar, siempre voy a estar asi", "concern", "hopelessness"),
    ("Everyone would be better off without me", "concern", "burden"),
    ("todos estarían mejor sin mí", "concern", "burden"),
    # someone else
    ("my brother said he wants to die", "concern", "worry_for_other"),
    ('my brother said "I want to die"', "concern", "worry_for_other"),
    ("my friend took a bunch of pills and won't answer", "urgent", "worry_for_other"),
    ("mi hermano dijo que se quiere morir", "concern", "worry_for_other"),
    ("mi hijo se corta", "concern", "worry_for_other"),
    ("my brother killed himself last year", "concern", "suicide_loss"),
    ("mi papa se suicido", "concern", "suicide_loss"),
]

# Partner and family violence, as people write about a partner and as partners write to
# each other (second person); strangulation and threats to kill are urgent on their own.
PARTNER_VIOLENCE = [
    ("my husband hits me", "concern", "danger_from_others"),
    ("you hit me last night", "concern", "danger_from_others"),
    ("you threw a plate at me", "concern", "danger_from_others"),
    ("me pegaste", "concern", "danger_from_others"),
    ("me pegaste anoche enfrente de los niños", "concern", "danger_from_others"),
    ("mi esposo me pega", "concern", "danger_from_others"),
    ("hes hitting me right now please call someone", "urgent", "threat_to_kill"),
    ("mi pareja está afuera de la casa con un cuchillo", "urgent", "danger_from_others"),
    ("he choked me", "urgent", "strangulation"),
    ("you choked me during the fight", "urgent", "strangulation"),
    ("hands around my neck, only for a second", "urgent", "strangulation"),
    ("his hands were around my neck, only for a second", "urgent", "strangulation"),
    ("my neck is still bruised from where she squeezed it", "urgent", "strangulation"),
    ("me ahorcó", "urgent", "strangulation"),
    ("mi novio me ahorco anoche", "urgent", "strangulation"),
    ("me ahorcaste", "urgent", "strangulation"),
    ("me agarró del cuello", "urgent", "strangulation"),
    ("he said he'll kill me tonight", "urgent", "threat_to_kill"),
    ("he said he'd kill me if I ever left him", "urgent", "threat_to_kill"),
    ("you said you'd kill me if I left", "urgent", "threat_to_kill"),
    ("you said youd kill me if i left", "urgent", "threat_to_kill"),
    ("she said if i break up with her shell kill herself", "urgent", "threat_to_kill"),
    ("mi esposo dijo que me va a matar esta noche", "urgent", "threat_to_kill"),
    ("dijo que si lo dejo me mata", "urgent", "threat_to_kill"),
    ("me dijiste que me ibas a matar si te dejaba", "urgent", "threat_to_kill"),
    ("si terminamos ella dice que se quita la vida", "urgent", "threat_to_kill"),
    ("he checks my phone every night and won't let me see my friends", "concern", "coercive_control"),
    ("you go through my phone every night", "concern", "coercive_control"),
    ("he tracks my location", "concern", "coercive_control"),
    ("she controls all the money", "concern", "coercive_control"),
    ("i'm scared of what he'll do", "concern", "coercive_control"),
    ("I'm scared of my partner", "concern", "coercive_control"),
    ("me revisa el celular todos los dias", "concern", "coercive_control"),
    ("revisas mi celular todo el tiempo", "concern", "coercive_control"),
    ("no me deja ver a mi familia", "concern", "coercive_control"),
    ("él cobra mi sueldo y me da para el pasaje", "concern", "coercive_control"),
    ("tengo miedo de mi pareja", "concern", "coercive_control"),
]

# The text itself threatens the person it is written to.
THREATS_TO_THE_READER = [
    ("if you leave me I'll kill you", "urgent"),
    ("if u leave me ill kill u", "urgent"),
    ("you tell anyone what happened and ill make sure you never walk again", "urgent"),
    ("si me dejas te mato", "urgent"),
    ("si me dejas te voy a matar", "urgent"),
    # a suicide threat used to keep the reader: the writer is at risk too, but nothing may
    # go automatically to a contact who could be the person being threatened
    ("if you leave me I'll kill myself and it will be on you", "urgent"),
    ("si me dejas me mato", "urgent"),
    ("you'll regret leaving me", "concern"),
    ("i know where you live", "concern"),
    ("vas a ver lo que te pasa", "concern"),
    ("vas a ver lo que te pasa si le cuentas a alguien", "concern"),
    ("te vas a arrepentir", "concern"),
]

MUST_NOT_FLAG = [
    # idioms and figures of speech
    "This traffic is killing me",
    "I'd die for a coffee",
    "I'd kill for a coffee",
    "I'm killing it at work",
    "we killed it at the gig",
    "I could die of embarrassment",
    "I was dying of laughter",
    "I'm dying to see that movie",
    "that cake is to die for",
    "I'm dead tired",
    "I died five times on that level",
    "he's killing me with these puns",
    "you killed me with that joke",
    "I'll kill you if you spoil the ending lol",
    "my mom is gonna kill me when she sees this",
    "me muero de risa",
    "me muero de hambre",
    "me muero de sueño",
    "estoy muerta de cansancio",
    "esta película me mata",
    "este tráfico me mata",
    "me mata el tráfico",
    "mi mamá me va a matar cuando vea mis notas",
    "mi mama me va a matar si llego tarde",
    "se me murio el celular",
    "te mato si me spoileas jaja",
    # look-alikes of the partner-violence patterns
    "that movie choked me up",
    "I choked on my water",
    "me ahorca esta corbata",
    "you hit me up yesterday",
    "you hurt my feelings when you forgot",
    "me pegaste la gripa",
    # negations, past struggles, medicines as prescribed, everyday words
    "I'm not suicidal, just tired",
    "I would never hurt myself",
    "no quiero morir",
    "two years ago I was in a dark place; therapy helped, I'm doing well",
    "I take my pills every morning",
    "I cut myself shaving",
    "me corté el pelo",
    "my phone is dying",
    "goodbye everyone, see you after the holidays!",
    "this is my last message before the weekend",
    "no quiero vivir en esta ciudad",
    # news, films, songs, history about others, and prevention talk
    "We watched a film where the hero kills himself",
    "In the movie he kills himself at the end",
    'The song goes "I want to die young"',
    'la canción dice "quiero morir"',
    "Hemingway died by suicide in 1961",
    "I'm writing an essay on suicide prevention",
    # ordinary tiredness and loneliness
    "so tired today, long week",
    "feeling lonely tonight, everyone's busy",
    "estoy muy cansada hoy",
    "me siento sola esta noche",
    # emoji alone
    "🪦⚰️🔪💊",
    "💊 time for my vitamins",
]


@pytest.mark.parametrize(("text", "at_least", "signal"), MUST_CATCH + PARTNER_VIOLENCE)
def test_must_catch(text, at_least, signal):
    result = assess(text)
    assert RANK[result.level] >= RANK[at_least], (text, result)
    assert signal in result.reasons, (text, result)


@pytest.mark.parametrize(("text", "level"), THREATS_TO_THE_READER)
def test_a_text_that_threatens_its_reader_says_so(text, level):
    result = assess(text)
    assert result.level == level, (text, result)
    assert result.threatens_reader, (text, result)
    assert not result.self_directed


def test_a_threat_the_writer_quotes_is_a_threat_they_received():
    result = assess('my ex texted me "if you leave me I\'ll kill you"')
    assert result.level == "urgent"
    assert "threat_to_kill" in result.reasons and not result.threatens_reader


@pytest.mark.parametrize("text", MUST_NOT_FLAG)
def test_must_not_flag(text):
    assert assess(text).level == "none", (text, assess(text))


def test_where_in_doubt_a_joke_about_dying_is_still_concern():
    for text in ["i want to die lol this exam", "quiero morir jajaja", "ya me quiero morir de tanto trabajo jaja"]:
        assert assess(text).level == "concern", text


def test_emoji_alone_never_make_a_text_urgent():
    for text in ["🔪", "💊💊💊", "⚰️🪦", "🔪💊 i'm so done"]:
        assert assess(text).level != "urgent", text


def test_laughter_softens_direct_statements_to_concern_but_never_to_none():
    assert assess("i want to die lol").level == "concern"
    assert assess("quiero morir jajaja").level == "concern"
    # and a softened statement takes no part in a combination
    assert assess("I'm gonna kms after this exam lol").level == "concern"


def test_past_attempts_are_concern_and_a_recent_one_is_an_attempt():
    assert assess("I tried to kill myself last year").level == "concern"
    recent = assess("I tried to kill myself last night")
    assert recent.level == "urgent" and "attempt" in recent.reasons


def test_a_lower_rung_is_not_reported_where_a_higher_one_matched_the_same_words():
    assert assess("I'm going to kill myself").reasons == ("intent",)
    assert assess("me quiero colgar").reasons == ("ideation_with_method",)


def test_a_decision_with_an_everyday_plan_is_not_a_crisis():
    assert assess("I've decided to end my gym membership tonight").level == "none"
    assert assess("tonight after everyone is asleep im eating the leftover cake. ive decided").level == "none"


# --------------------------------------------------------------------------- self-directed


@pytest.mark.parametrize(
    ("text", "self_directed"),
    [
        ("I want to die", True),
        ("I've been saving my pills", True),
        ("this is my last message", True),
        ("I cut myself again last night", True),
        ("me quiero colgar", True),
        ("I want to die, he choked me last night", False),
        ("I want to die. my husband checks my phone every night", False),
        ("quiero morirme, mi esposo me pega", False),
        ("I want to die and my brother said he wants to die too", False),
        ("if you leave me I'll kill you and then myself", False),
        ("my friend took a bunch of pills", False),
        ("everything feels hopeless", False),  # hopelessness alone never sends anything
    ],
)
def test_self_directed_only_when_the_risk_is_the_writers_own(text, self_directed):
    assert assess(text).self_directed is self_directed, (text, assess(text))


def test_self_directed_is_false_whenever_someone_else_is_in_play_across_the_corpus():
    others = DANGER_FROM_OTHERS | ABOUT_SOMEONE_ELSE
    for row in ROWS:
        result = assess(row["text"])
        if not others.isdisjoint(result.reasons):
            assert not result.self_directed, (row["id"], result)


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
    choked = assess("he choked me")
    assert choked.strangulation and choked.partner_violence_urgent and choked.danger_from_others
    threat = assess("he said he'd kill me if I left")
    assert threat.partner_violence_urgent and not threat.strangulation
    assert not assess("he checks my phone").partner_violence_urgent
    assert assess("si me dejas te mato").threatens_reader


def test_to_dict_has_exactly_level_and_reasons_and_is_json_ready():
    as_dict = assess("I want to die, I've been saving my pills").to_dict()
    assert set(as_dict) == {"level", "reasons"}
    assert as_dict["level"] == "urgent"
    assert as_dict["reasons"] == ["preparation", "active_ideation"]
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
    assert assess("I want to die") == Assessment("urgent", ("active_ideation",))
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


# --------------------------------------------------------------------------- second round
# Escalation (kinwell/safety/escalation.py): a risk statement of the writer's own plus a
# means, place, date or finality said anywhere else in the message is urgent, and the cue
# names the category it adds. Each family is checked against a look-alike that has the cue
# without the risk, or the risk without a cue.

ESCALATES = [
    # (text, the reason the cue adds)
    ("when the lease ends on the 30th im done. i have enough pills for it", "preparation"),
    ("dad im on the bridge by the old mill. just wanted to hear your voice one more time", "plan"),
    ("after my shift thursday im driving up to the overlook and im not coming back down", "plan"),
    ("i dont want to be here anymore. the rope is in the garage", "preparation"),
    ("whoever reads this, im sorry. you wont have to deal with me after tonight", "farewell"),
    ("apa estoy en la azotea de la chamba, en la orillita. nomas queria oir tu voz una vez mas", "farewell"),
    ("cuando se acabe el contrato del depa el 30 ya estuvo, se acaba todo. las pastillas ya las tengo", "preparation"),
    ("el sabado cuando se vayan todos ya no van a tener que preocuparse por mi", "plan"),
]

ESCALATION_LOOK_ALIKES = [
    # the cue without a risk statement
    ("I have enough pills for the trip, packed them in the blue bag", "none"),
    ("dad im on the train, one more stop and ill be home", "none"),
    ("el jueves saliendo del turno me voy pal mirador con mis compas a ver las luces", "none"),
    ("life insurance papers are in the red folder, the agent needs them on monday", "none"),
    ("in case i dont get to say it again tonight, happy birthday!", "none"),
    # hopelessness or burden beside only a place or a date stays concern
    ("i feel so hopeless about this job hunt. going to the bridge club tonight to take my mind off it", "none"),
    ("me siento sin salida con este trabajo, el sabado voy al mirador a pensar y despejarme", "none"),
    ("me siento sin salida. el sabado voy al mirador a pensar", "concern"),
    ("im such a burden. moving out on the 30th", "concern"),
]


@pytest.mark.parametrize(("text", "reason"), ESCALATES)
def test_a_risk_statement_with_a_means_place_date_or_finality_is_urgent(text, reason):
    result = assess(text)
    assert result.level == "urgent", (text, result)
    assert reason in result.reasons, (text, result)
    assert result.self_directed, (text, result)


@pytest.mark.parametrize(("text", "level"), ESCALATION_LOOK_ALIKES)
def test_a_cue_alone_or_a_situational_worry_does_not_escalate(text, level):
    assert assess(text).level == level, (text, assess(text))


def test_the_safety_net_escalates_only_when_its_distress_stands_without_the_cue():
    # "the overpass" is the place; "tired of all of it" is the distress, heard by the net
    assert assess("im so tired of all of it. walking to the overpass now").level == "urgent"
    # a means word near "my" is not distress by itself
    assert assess("my dad's gun cabinet needs a new lock before the kids visit").level != "urgent"
    # someone else is the subject: worry, never the writer's own plan
    assert not assess("my brother is on the roof of his building and wont come down what do i do").self_directed


SECOND_ROUND = [
    # a wish to be dead said passively
    ("wouldnt mind if a truck took me out on the way home tbh", "concern", "wish_to_be_dead"),
    ("praying god just takes me in my sleep. every night now", "concern", "wish_to_be_dead"),
    ("i wouldnt be sad if i never woke up", "concern", "wish_to_be_dead"),
    ("si mañana no amanezco la verdad q me da lo mismo", "concern", "wish_to_be_dead"),
    ("le pido a diosito todas las noches que ya me recoja", "concern", "wish_to_be_dead"),
    # intimidation of the reader, and threats to kill or hurt it
    ("i know your schedule. i know when youre home alone", "concern", "threat_to_reader"),
    ("ya se en que bus te vas del trabajo. pensalo bien", "concern", "threat_to_reader"),
    ("delete him from ur phone or ill do it for u and u wont like how", "concern", "threat_to_reader"),
    ("te estoy viendo desde aca. esa blusa no te la pusiste pa mi verdad", "concern", "threat_to_reader"),
    ("ur dead next time i see u. im not playing", "urgent", "threat_to_reader"),
    ("te vuelvo a ver con ese maje y te mando al hospital", "urgent", "threat_to_reader"),
    # coercive control
    ("he has my location on 24/7 and calls if i stop anywhere more than 10 min", "concern", "coercive_control"),
    ("mom im sorry i havent called. he doesnt like it when i talk to you", "concern", "coercive_control"),
    ("ma perdon q no te llame. a el no le gusta q hable contigo", "concern", "coercive_control"),
    ("me da miedo lo que haga si se entera que tengo esta app", "concern", "coercive_control"),
    # threats received, strangulation without the word
    ("you told me youd kill yourself in front of me if i went to my sisters. so i didnt go", "urgent", "threat_to_kill"),
    ("he put the gun on the table at dinner and said remember what happens if you leave", "urgent", "threat_to_kill"),
    ("she pinned me against the wall by my neck. i didnt pass out or anything so its fine", "urgent", "strangulation"),
    ("me dejaste sin aire anoche con tus manos", "urgent", "strangulation"),
    # plans, preparation, methods and attempts in ordinary words
    ("googled painless ways at 3am again. closed it. opened it again", "urgent", "plan"),
    ("cuantas de paracetamol hacen falta para no despertar. pregunto en serio", "urgent", "plan"),
    ("i stare at dads gun cabinet way too long these days", "urgent", "ideation_with_method"),
    ("cuando veo llegar el metro pienso en dar un pasito pa adelante", "urgent", "ideation_with_method"),
    ("mixed the vodka with all my pills. so sleepy", "urgent", "attempt"),
    ("ma ya me tome las pastillas de la presion de mi abuelo, todas", "urgent", "attempt"),
    ("ya escribi las cartas, una pa cada quien. abranlas despues", "urgent", "preparation"),
]

SECOND_ROUND_LOOK_ALIKES = [
    "I hope the plane doesn't get delayed again, I have a connection",
    "i hope my team takes me out for drinks on my birthday",
    "i know where you live now, so I'll drop the cake off tomorrow",
    "ya se donde vives, mañana te llevo el pastel",
    "see what happens when you add baking soda to vinegar, the kids loved it",
    "you won't have to deal with the dishes after friday, the new dishwasher comes",
    "my mom took my car keys because I had three beers, fair enough",
    "me quito las llaves del carro porque estaba tomado, tuvo razon",
    "looking up painless ways to remove a splinter from a toddler",
    "the lethal dose of caffeine is like 100 cups, so dont worry about your latte",
    "me tome las pastillas de la presion como dijo el doctor",
    "la pistola de agua de mi hijo esta debajo de la cama",
    "my dog is on the roof of the shed and wont come down, send help lol",
    "lol my sister said shell kill me if i spoil the finale",
    "esta corbata me esta ahorcando y faltan 4 horas de boda",
    "la rola nueva de bad bunny me mato 🔥🔥",
    "Goodbye forever, old couch! Donated it today",
    "adiós para siempre a mi viejo coche, lo vendí hoy",
    "me corté con el cuchillo picando cebolla",
    "i used to pray god would take me in my sleep. that was ten years ago, im doing well now",
]


@pytest.mark.parametrize(("text", "level", "signal"), SECOND_ROUND)
def test_second_round_families(text, level, signal):
    result = assess(text)
    assert result.level == level, (text, result)
    assert signal in result.reasons, (text, result)


@pytest.mark.parametrize("text", SECOND_ROUND_LOOK_ALIKES)
def test_second_round_look_alikes_stay_quiet(text):
    assert assess(text).level == "none", (text, assess(text))


@pytest.mark.parametrize(
    "text",
    [
        "my dad has a gun in the closet and I keep thinking about using it",
        "mi papá tiene una pistola en el ropero y no dejo de pensar en usarla",
    ],
)
def test_someone_elses_weapon_that_the_writers_own_plan_takes_up_is_the_writers_risk(text):
    # The arranged message to a chosen contact goes only for the writer's own risk: a
    # gun owned by a parent must not turn this into "danger from others".
    result = assess(text)
    assert result.level == "urgent" and result.self_directed and not result.danger_from_others


@pytest.mark.parametrize(
    "text", ["my husband has a gun and he said he will use it on me", "mi esposo tiene una pistola"]
)
def test_a_weapon_in_someone_elses_hands_is_still_danger_from_others(text):
    result = assess(text)
    assert result.level == "urgent" and result.danger_from_others


@pytest.mark.parametrize(
    ("text", "level"),
    [("me voy a colgar el teléfono", "none"), ("ya me voy a colgar la mochila y salir", "none"),
     ("me voy a colgar", "urgent"), ("me voy a colgar de una viga", "urgent")],
)
def test_hanging_up_the_phone_is_not_hanging_oneself(text, level):
    assert assess(text).level == level


@pytest.mark.parametrize(
    "text",
    ["stop being so dramatic, I held your neck for one second to calm you down",
     "solo te agarré del cuello un segundo, no exageres"],
)
def test_a_writer_telling_the_reader_they_held_the_readers_neck_puts_the_reader_at_risk(text):
    assert assess(text).threatens_reader


@pytest.mark.parametrize("text", ["I held your hand the whole time", "I choked up when I saw you"])
def test_ordinary_words_about_hands_and_choking_up_are_not_harm_to_the_reader(text):
    assert not assess(text).threatens_reader
