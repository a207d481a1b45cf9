"""One-off (already applied): moved the crisis corpus's signals column from the four names before the
C-SSRS categories (suicidal_ideation, passive_death_wish, plan_or_means, timing_or_goodbye) to the
categories in kinwell/safety/detector.py SIGNALS. plan_or_means and the goodbye rows were read one by
one (MANUAL); the rest follow the wording rules below. Kept so the move can be audited, not rerun."""
import csv
import re
import sys
from pathlib import Path

CORPUS = Path("tests/safety/data/crisis_corpus.csv")

# Read one by one: plan_or_means and timing_or_goodbye split by what each text says.
MANUAL = {
 "en-021":"preparation","en-022":"preparation","en-023":"preparation","en-028":"active_ideation;plan",
 "en-029":"attempt","en-030":"intent;plan","en-036":"active_ideation;preparation","en-037":"hopelessness;attempt",
 "en-038":"plan","en-042":"burden;intent","en-043":"wish_to_be_dead;preparation","en-049":"active_ideation;plan",
 "en-050":"plan","en-051":"active_ideation;preparation","en-054":"wish_to_be_dead;attempt","en-079":"preparation",
 "en-080":"attempt","en-081":"attempt","en-082":"attempt","en-085":"wish_to_be_dead;plan","en-094":"active_ideation;plan",
 "en-099":"preparation","en-158":"ideation_with_method","es-010":"preparation","es-011":"preparation","es-012":"preparation",
 "es-020":"active_ideation;plan","es-021":"attempt","es-022":"hopelessness;attempt","es-026":"preparation",
 "es-041":"intent;plan","es-042":"attempt","es-051":"plan","es-057":"wish_to_be_dead;preparation",
 "es-061":"preparation;plan","es-065":"preparation","en-362":"wish_to_be_dead;preparation","en-364":"preparation;plan",
 "en-367":"intent","en-369":"ideation_with_method","en-376":"preparation","es-258":"hopelessness;plan",
 "es-259":"preparation","es-260":"ideation_with_method","en-443":"ideation_with_method","en-444":"ideation_with_method",
 "en-451":"preparation","en-452":"preparation","en-458":"plan","en-461":"attempt","es-320":"plan","es-323":"plan",
 "es-329":"preparation","en-570":"plan","en-571":"preparation","en-572":"attempt","en-573":"attempt",
 "en-583":"preparation","es-410":"preparation","es-411":"attempt","en-643":"plan","en-645":"preparation",
 "en-649":"ideation_with_method","es-460":"preparation","es-465":"attempt;preparation","es-471":"attempt",
 "en-698":"plan","en-699":"intent;plan","en-700":"preparation;plan","en-702":"plan","en-704":"attempt;farewell",
 "en-705":"attempt","en-709":"preparation","es-513":"plan","es-514":"intent;plan","es-516":"plan",
 "es-521":"attempt;farewell","en-799":"plan","en-817":"ideation_with_method","en-818":"preparation",
 "en-819":"preparation","en-837":"preparation","en-838":"preparation","en-853":"plan","en-859":"self_harm;preparation",
 "es-583":"preparation","es-593":"ideation_with_method","es-602":"preparation;plan","es-603":"preparation",
 "es-623":"ideation_with_method",
 # timing and goodbyes
 "en-044":"active_ideation;plan","en-046":"intent;farewell","en-814":"active_ideation;farewell","en-836":"plan;farewell",
 "en-360":"hopelessness;intent;plan","en-373":"plan;farewell","en-800":"burden;plan","es-262":"hopelessness;plan",
 "en-024":"farewell","en-025":"farewell","en-026":"preparation","en-027":"preparation","en-206":"preparation",
 "es-027":"preparation","es-136":"preparation","en-361":"wish_to_be_dead;preparation","en-646":"preparation",
 "en-651":"preparation;farewell","es-462":"preparation","es-466":"preparation;farewell","en-696":"preparation",
 "en-697":"preparation","en-706":"preparation;farewell","en-710":"farewell","en-713":"preparation",
 "es-511":"preparation","es-512":"preparation","es-518":"preparation;farewell","en-803":"preparation",
 "en-804":"preparation","es-585":"preparation","es-586":"preparation","en-854":"farewell",
 # partner and family violence
 "en-090":"strangulation;danger_from_others","en-180":"strangulation","en-652":"strangulation;threat_to_kill",
 "es-467":"strangulation;threat_to_kill","en-851":"strangulation",
 "en-055":"threat_to_kill","en-056":"threat_to_kill;danger_from_others","en-380":"threat_to_kill;danger_from_others",
 "en-467":"threat_to_kill;danger_from_others","en-468":"threat_to_kill;danger_from_others","en-181":"threat_to_kill",
 "es-028":"threat_to_kill","es-052":"threat_to_kill;danger_from_others","es-090":"threat_to_kill","es-145":"threat_to_kill",
 "es-268":"threat_to_kill;danger_from_others","es-333":"threat_to_kill;danger_from_others","es-615":"threat_to_kill",
 "en-669":"threat_to_kill","es-485":"threat_to_kill",
 "en-128":"coercive_control","es-088":"coercive_control","en-179":"coercive_control","en-184":"coercive_control",
 "en-394":"coercive_control","en-510":"coercive_control","es-284":"coercive_control","es-364":"coercive_control",
 "es-118":"coercive_control;danger_from_others","en-396":"coercive_control;danger_from_others",
 "en-606":"coercive_control","en-130":"coercive_control;danger_from_others",
 "es-616":"coercive_control;danger_from_others","en-226":"coercive_control;danger_from_others",
}
# urgent now by policy (strangulation and threats to kill)
URGENT_NOW = {"en-180", "en-851", "en-181", "es-090", "es-145", "en-669", "es-485", "es-615"}

INTENT = re.compile(r"\b(going to|gonna|i'?m going|i'?ll|i will|about to|decided|decidid[oa]|me voy a|voy a|ya lo decid)", re.I)
METHOD = re.compile(r"\b(jump|jumping|hang|hanging|overdose|od\b|pills|train|bridge|rope|gun|wrists|drown|car off|walk into|colgar|ahorcar|aventar|tirarme|lanzarme|pastillas|tren|vías|vias|puente|venas|pistola|metro|balazo|tiro)", re.I)
TIME = re.compile(r"\b(tonight|tomorrow|weekend|sunday|saturday|morning|asleep|esta noche|ma[ñn]ana|hoy|domingo|viernes|fin de semana)", re.I)
PAST_ATTEMPT = re.compile(r"\b(tried|attempted|intenté|intente|traté|trate)\b", re.I)
OLD = {"passive_death_wish": "wish_to_be_dead"}


def new_signals(row):
    if row["id"] in MANUAL:
        return MANUAL[row["id"]]
    out = []
    for s in [s for s in row["signals"].split(";") if s]:
        if s == "suicidal_ideation":
            text = row["text"]
            if "timing_or_goodbye" in row["signals"] and TIME.search(text):
                s = "intent" if INTENT.search(text) else "active_ideation"
                out.append(s)
                continue
            if PAST_ATTEMPT.search(text) and row["level"] == "urgent":
                s = "attempt"
            elif row["level"] == "urgent" and INTENT.search(text):
                s = "intent"
            elif row["level"] == "urgent" and METHOD.search(text):
                s = "ideation_with_method"
            else:
                s = "active_ideation"
        elif s == "timing_or_goodbye":
            # a time next to a decision is a when (a plan); otherwise a goodbye
            s = "plan" if TIME.search(row["text"]) else "farewell"
        elif s == "plan_or_means":
            sys.exit(f"unmapped plan_or_means: {row['id']}")
        s = OLD.get(s, s)
        if s not in out:
            out.append(s)
    return ";".join(out)


def main():
    with CORPUS.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        fields, rows = reader.fieldnames, list(reader)
    for row in rows:
        before = row["signals"]
        row["signals"] = new_signals(row)
        if row["id"] in URGENT_NOW:
            row["level"] = "urgent"
        if "-v" in sys.argv and before != row["signals"] and before not in ("passive_death_wish",):
            print(row["id"], row["level"], before, "->", row["signals"], "|", row["text"][:120])
    with CORPUS.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


if __name__ == "__main__":
    main()
