"""The rules engine itself: the rules file is checked when loaded, reasons quote the
person's answers, and two partners' answers combine safely."""

import tomllib

import pytest

from kinwell.support import rule_texts
from kinwell.support.rules import RULES_FILE, Answers, RulesError, combine, load_rules, outline


def write_rules(tmp_path, body: str):
    path = tmp_path / "rules.toml"
    base = "\n".join(f"{key} = 0" for key in ("trusted_people", "couples_therapy", "family_therapy",
                                              "support_groups", "individual_therapy", "online_resources"))
    path.write_text(f"[pathways]\n{base}\n{body}")
    return path


def test_the_real_rules_file_loads_and_every_rule_names_a_source():
    base, rules = load_rules()
    assert len(rules) >= 30 and all(rule.source for rule in rules)


@pytest.mark.parametrize("rule, message", [
    ('id = "a"\npathway = "nowhere"\nreason = "r"\nsource = "s"\nwhen = { any_concern = true }', "unknown pathway"),
    ('id = "a"\npathway = "support_groups"\nreason = "r"\nsource = "s"\nwhen = { moon = true }', "unknown conditions"),
    ('id = "a"\npathway = "support_groups"\nreason = "r"\nsource = "s"\nwhen = { concerns = ["x"] }', "unknown choices"),
    ('id = "a"\npathway = "support_groups"\nreason = "r"\nwhen = { any_concern = true }', "needs a reason, a source"),
    ('id = "a"\npathway = "support_groups"\nreason = "r"\nsource = "s"\nwhen = { duration_at_least = "ages" }',
     "duration_at_least"),
])
def test_a_malformed_rule_fails_loudly_at_load(tmp_path, rule, message):
    with pytest.raises(RulesError, match=message):
        load_rules(write_rules(tmp_path, f"[[rules]]\n{rule}\n"))


def test_every_reason_is_in_the_list_makemessages_reads():
    reasons = {rule["reason"] for rule in tomllib.loads(RULES_FILE.read_text())["rules"]}
    assert reasons == set(rule_texts.REASONS), "Regenerate kinwell/support/rule_texts.py from the rules file"


def test_reasons_quote_the_persons_own_answers():
    plan = outline(Answers(concerns=frozenset({"grief", "caregiving"}), duration="long", impact="some"))
    groups = next(p for p in plan.pathways if p.key == "support_groups")
    reason = next(r for r in groups.reasons if r.rule == "groups-life-change")
    assert reason.quotes == {"concerns": ("grief", "caring for someone")}


def test_answers_from_storage_drop_what_is_not_a_choice():
    answers = Answers.from_dict({"concerns": ["stress", "<script>"], "duration": "ages", "zip": "1234567890123"})
    assert answers.concerns == {"stress"} and answers.duration == "" and len(answers.zip) == 10


def test_combining_takes_both_concerns_and_the_heavier_answers_but_never_unsafe():
    mine = Answers(concerns=frozenset({"stress"}), duration="weeks", impact="a_lot", format="online", payment="medicaid")
    theirs = Answers(concerns=frozenset({"partner_conflict", "unsafe"}), duration="long", impact="little",
                     format="in_person", payment="private")
    both = combine(mine, theirs)
    assert both.concerns == {"stress", "partner_conflict"}
    assert (both.duration, both.impact, both.format, both.payment) == ("long", "a_lot", "either", "medicaid")
