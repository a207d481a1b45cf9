"""Tests for kinwell/support/rules.py and data/plan_rules.toml.

The scenario table for the support-plan rules: situations in, the pathways a
thoughtful supporter would suggest first (and why) out. A change to the weights in
kinwell/support/data/plan_rules.toml must keep every row true."""

import pytest

from kinwell.support.rules import Answers, ScreeningResult, Signals, outline

PHQ9_MODERATE = ScreeningResult("phq9", "PHQ-9", 2)
GAD7_SEVERE = ScreeningResult("gad7", "GAD-7", 4)
CSI4_LOW = ScreeningResult("csi4", "CSI-4", 1)


def answers(concerns=(), involves=(), duration="", impact="", tried=(), format="", payment="", language=""):
    return Answers(concerns=frozenset(concerns), involves=frozenset(involves), duration=duration, impact=impact,
                   tried=frozenset(tried), format=format, payment=payment, language=language)


# id, answers, signals, expected top pathways (in order), a reason that must be given,
# whether the plan starts with the safety step
SCENARIOS = [
    ("partner-arguments-long-heavy",
     answers(["partner_conflict"], ["partner"], "long", "a_lot"), Signals(),
     ["couples_therapy"], "couples-lasting-and-heavy", False),
    ("partner-communication-months-some",
     answers(["communication"], ["partner"], "months", "some"), Signals(),
     ["couples_therapy"], "couples-lasting-and-heavy", False),
    ("partner-arguments-new-light",
     answers(["partner_conflict"], ["partner"], "weeks", "little", ["nothing"]), Signals(),
     ["trusted_people", "online_resources"], "couples-early", False),
    ("partner-low-satisfaction-check",
     answers(["partner_conflict"], ["partner"], "weeks", "some", ["talked"]), Signals(screening=(CSI4_LOW,)),
     ["couples_therapy"], "couples-csi", False),
    ("family-tension-long",
     answers(["family_tension"], ["family"], "long", "some"), Signals(),
     ["family_therapy"], "family-lasting", False),
    ("family-tension-recent",
     answers(["family_tension"], ["family"], "weeks", "little", ["talked"]), Signals(),
     ["online_resources", "family_therapy"], "family-tension", False),
    ("worried-about-teen-in-family",
     answers(["worried_about_someone"], ["family"], "months", "some"), Signals(),
     ["trusted_people", "online_resources"], "family-worried", False),
    ("worried-about-friend",
     answers(["worried_about_someone"], ["friend"], "weeks", "some"), Signals(),
     ["trusted_people", "online_resources"], "online-worried", False),
    ("grief-recent",
     answers(["grief"], ["me"], "weeks", "some"), Signals(),
     ["trusted_people", "support_groups"], "groups-life-change", False),
    ("grief-long-heavy",
     answers(["grief"], ["me"], "long", "a_lot", ["talked"]), Signals(),
     ["individual_therapy", "support_groups"], "individual-grief-lasting", False),
    ("caring-for-a-parent",
     answers(["caregiving"], ["family"], "long", "some", ["talked"]), Signals(),
     ["support_groups"], "groups-life-change", False),
    ("job-loss-as-a-couple",
     answers(["job_loss", "stress"], ["me", "partner"], "weeks", "some"), Signals(),
     ["trusted_people", "support_groups"], "trusted-life-change", False),
    ("new-baby-couple",
     answers(["new_baby"], ["partner"], "weeks", "some", ["talked"]), Signals(),
     ["support_groups"], "groups-life-change", False),
    ("lonely-after-a-move",
     answers(["loneliness", "moving"], ["me"], "months", "some"), Signals(),
     ["trusted_people", "support_groups"], "trusted-loneliness", False),
    ("low-mood-months",
     answers(["low_mood"], ["me"], "months", "some", ["talked"]), Signals(),
     ["individual_therapy"], "individual-lasting", False),
    ("low-mood-with-phq9",
     answers(["low_mood"], ["me"], "weeks", "some", ["talked"]), Signals(screening=(PHQ9_MODERATE,)),
     ["individual_therapy"], "individual-depression-screen", False),
    ("anxiety-heavy-with-gad7",
     answers(["anxiety"], ["me"], "long", "a_lot", ["self_help"]), Signals(screening=(GAD7_SEVERE,)),
     ["individual_therapy"], "individual-anxiety-screen", False),
    ("stress-light-recent",
     answers(["stress"], ["me"], "weeks", "little", ["talked"]), Signals(),
     ["online_resources"], "online-early-and-light", False),
    ("drinking-affecting-life",
     answers(["substance_use"], ["me"], "months", "some"), Signals(),
     ["support_groups", "individual_therapy"], "groups-substance", False),
    ("partner-drinking-family-worry",
     answers(["substance_use", "worried_about_someone"], ["family"], "months", "some", ["talked"]), Signals(),
     ["support_groups"], "family-worried", False),
    ("prefers-online-anxiety",
     answers(["anxiety"], ["me"], "weeks", "some", ["talked"], format="online"), Signals(),
     ["online_resources"], "online-prefers", False),
    ("not-sure-yet",
     answers(["not_sure"], [], "", ""), Signals(),
     ["trusted_people", "online_resources"], "trusted-not-sure", False),
    ("signs-in-check-ins-only",
     answers(["not_sure"], ["me"], "weeks", "some"), Signals(signs=frozenset({"mood_below_baseline"})),
     ["trusted_people"], "trusted-signs", False),
    ("already-in-therapy-low-mood",
     answers(["low_mood"], ["me"], "months", "some", ["therapy_now", "talked"]), Signals(),
     ["individual_therapy"], "individual-in-therapy", False),
    ("in-a-circle-stressed",
     answers(["stress"], ["me"], "months", "some"), Signals(has_circle=True),
     ["individual_therapy", "trusted_people"], "trusted-has-circle", False),
    # --- danger: the safety step always comes first --------------------------------
    ("unsafe-with-partner",
     answers(["unsafe", "partner_conflict"], ["partner"], "long", "a_lot"), Signals(),
     ["individual_therapy", "trusted_people"], "couples-not-while-unsafe", True),
    ("unsafe-in-family",
     answers(["unsafe", "family_tension"], ["family"], "months", "some"), Signals(),
     ["individual_therapy", "trusted_people"], "family-not-while-unsafe", True),
    ("crisis-words-in-the-flow",
     answers(["low_mood"], ["me"], "weeks", "a_lot"), Signals(crisis_text=True),
     ["individual_therapy"], "safety-crisis-text", True),
    ("phq9-item-9",
     answers(["low_mood"], ["me"], "months", "some"), Signals(phq9_item9=1, screening=(PHQ9_MODERATE,)),
     ["individual_therapy"], "safety-phq9-item9", True),
    ("phq9-item-9-with-partner-conflict",
     answers(["partner_conflict"], ["partner"], "long", "a_lot"), Signals(phq9_item9=2),
     ["individual_therapy"], "couples-not-in-crisis", True),
    ("nothing-answered-but-crisis-text",
     answers(), Signals(crisis_text=True),
     ["individual_therapy", "trusted_people"], "individual-professional-now", True),
    # What the detector heard in the person's own words counts as much as a ticked box.
    ("crisis-words-with-partner-conflict",
     answers(["partner_conflict"], ["partner"], "long", "a_lot"), Signals(crisis_text=True),
     ["individual_therapy"], "couples-not-in-crisis", True),
    ("danger-words-with-partner-conflict",
     answers(["partner_conflict"], ["partner"], "long", "a_lot"), Signals(danger_text=True),
     ["individual_therapy", "trusted_people"], "couples-not-while-unsafe", True),
    ("danger-words-in-family",
     answers(["family_tension"], ["family"], "months", "some"), Signals(danger_text=True),
     ["individual_therapy", "trusted_people"], "family-not-while-unsafe", True),
    ("item-9-light-impact-is-not-self-help-first",
     answers(["low_mood"], ["me"], "weeks", "little"), Signals(phq9_item9=1),
     ["individual_therapy"], "individual-professional-now", True),
]


@pytest.mark.parametrize("answers_in, signals, top, reason, safety_first",
                         [pytest.param(*row[1:], id=row[0]) for row in SCENARIOS])
def test_scenario(answers_in, signals, top, reason, safety_first):
    plan = outline(answers_in, signals)
    assert list(plan.top(len(top))) == top, [(p.key, p.points) for p in plan.pathways]
    given = {r.rule for r in plan.safety} | {r.rule for p in plan.pathways for r in p.reasons}
    assert reason in given
    assert plan.safety_first is safety_first


def test_the_table_is_big_enough_and_covers_every_pathway_and_danger():
    assert len(SCENARIOS) >= 25
    firsts = {row[3][0] for row in SCENARIOS}
    assert firsts == {"trusted_people", "couples_therapy", "family_therapy", "support_groups",
                      "individual_therapy", "online_resources"}
    assert sum(row[5] for row in SCENARIOS) >= 5


@pytest.mark.parametrize("concerns", [["unsafe"], ["unsafe", "partner_conflict", "communication"]])
def test_couples_therapy_is_never_suggested_to_someone_who_feels_unsafe(concerns):
    plan = outline(answers(concerns, ["partner"], "long", "a_lot", format="online"), Signals(screening=(CSI4_LOW,)))
    couples = next(p for p in plan.pathways if p.key == "couples_therapy")
    assert not couples.suggested
    assert any(r.caution for r in couples.reasons)
    without_caution = [p.points for p in plan.pathways if not any(r.caution for r in p.reasons)]
    assert couples.points < min(without_caution)


@pytest.mark.parametrize("signals", [Signals(crisis_text=True), Signals(phq9_item9=1), Signals(danger_text=True)])
def test_risk_puts_professional_care_first_and_turns_self_help_first_off(signals):
    plan = outline(answers(["partner_conflict", "family_tension", "low_mood"], ["partner", "family"], "long", "little"),
                   signals)
    assert plan.top(1) == ("individual_therapy",)
    given = {r.rule for p in plan.pathways for r in p.reasons}
    assert "online-early-and-light" not in given
    for key in ("couples_therapy", "family_therapy"):
        assert not next(p for p in plan.pathways if p.key == key).suggested


def test_danger_in_own_words_is_treated_exactly_like_feeling_unsafe():
    ticked = outline(answers(["unsafe", "partner_conflict"], ["partner"], "long", "a_lot"))
    heard = outline(answers(["partner_conflict"], ["partner"], "long", "a_lot"), Signals(danger_text=True))
    assert heard.danger_from_others and ticked.danger_from_others
    assert [p.key for p in heard.pathways] == [p.key for p in ticked.pathways]
    assert {r.rule for r in heard.safety} == {r.rule for r in ticked.safety}


def test_a_pathway_left_out_is_not_ranked_at_all():
    plan = outline(answers(["partner_conflict"], ["partner"], "long", "a_lot"), leave_out=frozenset({"couples_therapy"}))
    assert "couples_therapy" not in [p.key for p in plan.pathways]
