"""The partner-violence scenario table on the crisis detector, the coach and the plan rules.

    .venv/bin/python bench/partner_violence_eval.py [--misses]

tests/safety/data/partner_violence_scenarios.csv holds 73 scenarios (39 English, 34
Spanish) written by someone who had not seen the rules: each names the surface, who
writes, the expected level and reasons, and what must happen (no automatic message,
an alert for the reader, the coach stepping aside, the plan treating it as unsafe).
Prints the share of each expectation met, overall and per language. The first figures,
on the detector as it was before any partner-violence work, are kept in HISTORY; the
detector was later tuned with some of these scenarios in view, so later figures are
not blind (see the note there). Figures are printed, never asserted as timings.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kinwell.safety.detector import assess  # noqa: E402
from kinwell.safety.readers import endangers_reader  # noqa: E402
from kinwell.support.rules import Answers, Signals, outline  # noqa: E402
from kinwell.talk.coach import review  # noqa: E402

TABLE = ROOT / "tests" / "safety" / "data" / "partner_violence_scenarios.csv"
DANGER = {"danger_from_others", "threat_to_kill", "strangulation", "coercive_control"}

HISTORY = [
    "Before any partner-violence work (main at 0631230, the detector as the table's writer found it):",
    "  flagged 20/59 = 0.34, urgent rated urgent 3/17 = 0.18, false alarms 1/14 = 0.07,",
    "  danger from others recognised 12/48 = 0.25, no automatic message where none may go 56/57,",
    "  reader alert recognised 0/11, plan hears unsafe 4/7.",
    "After the C-SSRS reorganisation and the partner-violence tier (main at b5336c6): flagged 0.66,",
    "  urgent rated urgent 0.71, false alarms 0.14, danger recognised 0.54, no automatic message 57/57,",
    "  reader alert 5/11, plan hears unsafe 5/7. NOT blind: the detector's author saw a failing test",
    "  built on this table (row pv-en-24) and may have read more of it.",
    "After the detector's second round (branch detector2, patterns at 86839b6), TUNED ON this table",
    "  by family of wording: flagged 59/59, urgent rated urgent 17/17, false alarms 0/14, danger",
    "  recognised 41/48, no automatic message 57/57, reader alert 11/11, plan hears unsafe 7/7, coach",
    "  steps aside 8/9. Tuned on, so these say nothing about new text: see blind7 in crisis_eval.py.",
]


def evaluate(rows, show_misses: bool) -> None:
    met, seen = Counter(), Counter()

    def count(name, lang, ok, row, result):
        for key in (name, f"{name} [{lang}]"):
            seen[key] += 1
            met[key] += bool(ok)
        if show_misses and not ok:
            print(f"  miss {name:<34} {row['id']:9} {result} | {row['text'][:80]}")

    for row in rows:
        lang, result = row["lang"], assess(row["text"])
        expected = set(filter(None, row["signals"].split(";")))
        if row["level"] != "none":
            count("flagged", lang, result.level != "none", row, result)
        else:
            count("look-alike left alone", lang, result.level == "none", row, result)
        if row["level"] == "urgent":
            count("urgent rated urgent", lang, result.level == "urgent", row, result)
        if expected & DANGER:
            count("danger from others recognised", lang, result.danger_from_others, row, result)
        if row["auto_message"] == "no":
            count("no automatic message", lang, not (result.level == "urgent" and result.self_directed), row, result)
        if row["reader_alert"] == "yes":
            count("reader alert", lang, endangers_reader(result), row, result)
        if row["reader_alert"] == "no":
            count("reader not at risk shown nothing", lang, not endangers_reader(result), row, result)
        if row["coach"] == "safety":
            coached = review(row["text"], language=lang, unsafe=result.danger_from_others)
            count("coach steps aside", lang, coached.afraid and not coached.findings, row, result)
        if row["plan_unsafe"] == "yes":
            plan = outline(Answers(concerns=frozenset({"partner_conflict"}), involves=frozenset({"partner"})),
                           Signals(danger_text=result.danger_from_others))
            count("plan treats it as unsafe", lang, plan.danger_from_others, row, result)
    for key in sorted(seen, key=lambda k: (k.split(" [")[0], k)):
        print(f"{key:<42} {met[key]:>3}/{seen[key]:<3} = {met[key] / seen[key]:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--misses", action="store_true", help="print every expectation not met")
    args = parser.parse_args()
    rows = list(csv.DictReader(TABLE.open(encoding="utf-8")))
    print(f"{len(rows)} scenarios ({sum(r['lang'] == 'en' for r in rows)} en, {sum(r['lang'] == 'es' for r in rows)} es)")
    evaluate(rows, args.misses)
    print("\nHISTORY")
    print("\n".join(HISTORY))


if __name__ == "__main__":
    main()
