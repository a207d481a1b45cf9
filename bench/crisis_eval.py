"""Evaluate the crisis detector on the labelled corpus.

    .venv/bin/python bench/crisis_eval.py [--misses all|dev|heldout|blind3|blind4|blind5|blind6|none]
                                          [--split NAME]

Prints, for each split of the corpus and for all of it, per language and per category
(the reasons in kinwell/safety/detector.py SIGNALS; a text counts in every category it is
labelled with): the share of urgent texts flagged at all, the share of urgent texts rated
urgent, the share of concern texts flagged at all, and false alarms (the share of "none"
texts flagged); then recall and precision by level, a confusion matrix, how often the
expected signals were among the reasons, the examples it got wrong, and the time per
message (mean and p99, microseconds). Goals on blind batches: urgent flagged >= 0.98,
rated urgent >= 0.85, concern flagged >= 0.90, false alarms <= 0.08, under 1 ms a message.

Splits: "dev" is what the patterns are tuned on. "heldout" (about 20% of the first
616 texts: every fifth example of each language and level) was fixed before the first
measurement and never tuned on item by item; but it was written in the same sitting as
the first dev texts and before the patterns, so the first pattern draft was informed by
it, and its figure is optimistic. Two "blind" batches were written later, without
checking them against the patterns, and measured before any tuning on them; they then
joined dev. A third, "blind3", is kept as its own split for good (never moved into dev).
A fourth, "blind4", is likewise its own split and was never tuned on at all. "blind5"
was measured before any tuning and then tuned on (both figures are in HISTORY);
"blind6" is never tuned on: it was appended after the last pattern change and measured once.
Their figures are the most honest estimate of how the patterns do on
phrasings they have never seen (printed at the end as HISTORY). Figures are printed,
never asserted as timings (see bench/README.md).
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kinwell.safety.detector import LEVELS, SIGNALS, assess  # noqa: E402

CORPUS = ROOT / "tests" / "safety" / "data" / "crisis_corpus.csv"
HELP = ("concern", "urgent")
# "blind3" stays its own split on purpose: it is never moved into dev, so every later
# session sees an honest figure for phrasings the patterns were not written from.
SPLITS = ("dev", "heldout", "blind", "blind3", "blind4", "blind5", "blind6")
GOALS = {"urgent flagged": 0.98, "urgent rated urgent": 0.85, "concern flagged": 0.90, "false alarms": 0.08}

# Measured on texts the patterns had never been tuned on, before they joined dev.
HISTORY = [
    "blind batch 1 (141 texts, en-360..440, es-258..317), written after the first pattern draft:",
    "  first draft:                any-help R 0.489 P 0.918, urgent R 0.381 P 0.941, 20 urgent->none",
    "  after two rounds of new dev: any-help R 0.837 P 0.951, urgent R 0.595 P 0.962,  8 urgent->none",
    "blind batch 2 (104 texts, en-642..694, es-459..509), written after those rounds, deliberately",
    "  in phrasings unlike the existing patterns (indirect plans, veiled goodbyes, new verbs):",
    "  before tuning on it:        any-help R 0.492 P 0.914, urgent R 0.444 P 0.706, 13 urgent->none",
    "Read the truth as somewhere between: ordinary new phrasings ~0.84, deliberately unusual ~0.49.",
    "blind batch 3 (165 texts, split blind3: en-695..793, es-510..575; 101 crisis, 64 look-alikes),",
    "  written before reading the patterns, in veiled phrasings (existence-fatigue, vanishing,",
    "  sleeping forever, farewells, giving away, everyday self-harm); it stays its own split:",
    "  before the doubt layer:      any-help R 0.416 P 0.840, urgent R 0.242 P 0.667, 22 urgent->none",
    "  after the doubt_* lexicons:  any-help R 1.000 P 0.990, urgent R 0.939 P 0.939,  0 urgent->none",
    "  (the lexicons were written while reading blind3's misses, so blind3 is now tuned on and its",
    "  later figure is optimistic; it is kept as its own split so regressions on it stay visible.)",
    "  An informal probe written right after (26 new texts, not in the corpus: 16 crisis, 10",
    "  look-alikes, e.g. 'ya no quiero estar en este mundo', 'ojala todo se apagara', 'I just want",
    "  to not be a person anymore') caught 2/16 crisis texts and flagged 2/10 look-alikes: regex",
    "  lexicons still generalise poorly to phrasings nobody wrote down. Write blind4 before tuning.",
    "blind batch 4 (207 texts, split blind4: en-794..910, es-576..665; 117 crisis, 90 look-alikes,",
    "  90 Spanish), written before reading the patterns, in veiled/novel wordings and slang, with",
    "  look-alikes on tiredness, hiking, weather, games, sport, cooking, films, dying batteries;",
    "  it stays its own split and is never tuned on (the safety net is tuned on dev+heldout+blind3):",
    "  untouched, before the net:   any-help R 0.479 P 0.889, urgent R 0.342 P 0.867, 19 urgent->none",
    "    (en any-help R 0.448 P 0.882, es R 0.520 P 0.897)",
    "  after the distress safety net (safety_net.py, [safety_net] in the TOML), tuned on",
    "  dev+heldout+blind3 only; blind4 measured once after, not tuned on:",
    "                               any-help R 0.872 P 0.823, urgent R 0.342 P 0.867,  4 urgent->none",
    "    (en any-help R 0.806 P 0.806, es R 0.960 P 0.842; false alarms on look-alikes 7 -> 22 of 90)",
    "  cost on the tuning splits: any-help P dev 1.000 -> 0.954, heldout 1.000 -> 0.974, blind3",
    "  0.990 -> 0.953 (the net alone catches 0.59 of their crisis texts). The net never makes a",
    "  text urgent, so urgent recall on blind4 is unchanged; caveat: blind4's author also wrote",
    "  the net's lexicon (after blind4, from the brief's cue list), so blind4 is blind to the",
    "  tuning but not fully independent of the lexicon author.",
    "Reasons renamed to the C-SSRS categories and the partner-violence tier (strangulation,",
    "  threat_to_kill, coercive_control, threat_to_reader); the corpus relabelled by",
    "  bench/relabel_crisis_signals.py. Figures below: flagged = concern or urgent.",
    "blind batch 5 (330 texts, split blind5: b5-en-001..165, b5-es-001..165; 115 urgent, 110",
    "  concern, 105 none; every category in both languages), written by people who had not seen",
    "  the rules. Measured with the patterns at commit 1ca31ca, before reading any of its misses:",
    "  before tuning:  urgent flagged 0.62 (en 0.63, es 0.60), rated urgent 0.47 (en 0.51, es 0.43),",
    "                  concern flagged 0.65 (en 0.75, es 0.55), false alarms 0.07 (en 0.06, es 0.08),",
    "                  44 urgent->none; 0.49 ms mean, 0.91 ms p99 a message (2 shared cores under load)",
    "    by category (urgent flagged en/es): attempt 0.50/0.38, preparation 0.75/0.62, plan",
    "    0.38/0.12, intent 0.56/0.38, ideation_with_method 0.50/0.50, active_ideation 1.00/1.00,",
    "    farewell 0.67/0.83, strangulation 0.88/0.88, threat_to_kill 0.62/0.50, danger_from_others",
    "    0.75/0.60; (concern flagged en/es): wish_to_be_dead 0.88/0.75, self_harm 0.88/0.75,",
    "    hopelessness 1.00/0.60, burden 1.00/0.60, coercive_control 0.75/0.25, worry_for_other",
    "    0.67/0.67, suicide_loss 0.40/1.00, farewell (vague hints) 0/0.",
    "  Read: the rules know the sentences they were written from; new plain wordings of a plan,",
    "  an attempt or intent, Spanish above all, and partner control in Spanish are missed.",
    "  after tuning on its misses (written by family, not sentence by sentence: attempts just made,",
    "  pills with alcohol, a means at hand with the thought of it, a decision with a chosen time,",
    "  methods said as fragments, suicide threats used to control, control and stalking in Spanish,",
    "  vague farewells, affairs put in order):",
    "                  urgent flagged 1.00 (en 1.00, es 1.00), rated urgent 1.00 (en 1.00, es 1.00),",
    "                  concern flagged 0.99 (en 1.00, es 0.98), false alarms 0.02 (en 0.04, es 0.00);",
    "                  every category 1.00 except active_ideation es concern 0.75 (3/4: 'me mato jaja'",
    "                  after a noun reads as the idiom). Tuned on, so optimistic; blind4 (never tuned on)",
    "                  moved from urgent flagged 0.90 / rated urgent 0.44 / concern 0.86 / false alarms",
    "                  0.23 at the start of this work to 0.95 / 0.56 / 0.86 / 0.22 (general changes only).",
    "blind batch 6 (330 texts, split blind6: b6-*; 116 urgent, 110 concern, 104 none; every category",
    "  in both languages), written blind at the same time as batch 5 and never tuned on: appended",
    "  after the last pattern change (commit cfb7338 patterns; the regex merge after it changes no",
    "  level) and measured once. Nothing was changed because of it.",
    "  never tuned:    urgent flagged 0.70 (en 0.69, es 0.71), rated urgent 0.51 (en 0.50, es 0.52),",
    "                  concern flagged 0.56 (en 0.62, es 0.51), false alarms 0.13 (en 0.08, es 0.19),",
    "                  35 urgent->none",
    "    urgent flagged / rated urgent, en then es: attempt 0.88 0.50 / 0.62 0.38, preparation",
    "    0.67 0.44 / 0.78 0.22, plan 0.50 0.25 / 0.62 0.38, intent 0.62 0.38 / 0.62 0.50,",
    "    ideation_with_method 0.50 0.38 / 0.38 0.38, active_ideation 1.00 1.00 / 1.00 1.00,",
    "    farewell 0.75 0.38 / 0.62 0.12, strangulation 0.88 0.75 / 0.75 0.75, threat_to_kill",
    "    0.62 0.50 / 1.00 0.62, danger_from_others 0.60 0.40 / 0.75 0.75;",
    "    concern flagged en/es: wish_to_be_dead 0.50/0.38, self_harm 0.67/0.67, hopelessness",
    "    0.50/1.00, burden 1.00/0.67, coercive_control 0.50/0.50, threat_to_reader (intimidation)",
    "    0.00/0.00, danger_from_others 1.00/0.00, worry_for_other 0.67/0.67, suicide_loss 1.00/0.50.",
    "  Read: tuning on batch 5 lifted batch 6 only a little above batch 5's untuned figures",
    "  (urgent flagged 0.62 -> 0.70, rated urgent 0.47 -> 0.51, concern 0.65 -> 0.56, false alarms",
    "  0.07 -> 0.13): sentence rules learn the batch they read. None of the goals is met on a batch",
    "  the rules have not seen; the worst are the plan/preparation/method/farewell wordings and",
    "  intimidation of the reader, and Spanish look-alikes raise false alarms (0.19).",
    "  Afterwards one family was added for safety, not because of batch 6: a suicide threat written",
    "  to keep the reader ('if you leave me I'll kill myself', 'si me dejas me mato') is now also",
    "  threat_to_reader, so it is never self-directed (seen in the partner-violence scenario table,",
    "  pv-en-24, whose figure for that row is therefore not blind). Batch 6 re-measured with it:",
    "  the same figures.",
]


def load_corpus(path: Path = CORPUS) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        row["signals"] = [s for s in row["signals"].split(";") if s]
    return rows


def ratio(num: int, den: int) -> str:
    return f"{num / den:.3f}" if den else "  -  "


def recall_precision(rows: list[dict], positive) -> tuple[str, str, int, int]:
    expected = [positive(r["level"]) for r in rows]
    predicted = [positive(r["got"]) for r in rows]
    tp = sum(e and p for e, p in zip(expected, predicted))
    return ratio(tp, sum(expected)), ratio(tp, sum(predicted)), sum(expected), sum(predicted)


def goal_figures(rows: list[dict]) -> dict[str, tuple[int, int]]:
    """(hits, total) for the four goal figures."""
    urgent = [r for r in rows if r["level"] == "urgent"]
    concern = [r for r in rows if r["level"] == "concern"]
    none = [r for r in rows if r["level"] == "none"]
    return {
        "urgent flagged": (sum(r["got"] in HELP for r in urgent), len(urgent)),
        "urgent rated urgent": (sum(r["got"] == "urgent" for r in urgent), len(urgent)),
        "concern flagged": (sum(r["got"] in HELP for r in concern), len(concern)),
        "false alarms": (sum(r["got"] in HELP for r in none), len(none)),
    }


def cell(hits: int, total: int) -> str:
    return f"{hits / total:.2f} ({hits}/{total})" if total else "-"


def goals_table(rows: list[dict]) -> list[str]:
    """Per language and per category: the four goal figures; '!' marks a figure off its goal."""
    names = list(GOALS)
    lines = [f"  {'scope':<22}" + "".join(f"{n:>22}" for n in names)]

    def line(label: str, subset: list[dict]) -> str:
        figures = goal_figures(subset)
        out = []
        for n in names:
            hits, total = figures[n]
            off = total and (hits / total > GOALS[n] if n == "false alarms" else hits / total < GOALS[n])
            out.append(f"{cell(hits, total) + ('!' if off else ' '):>22}")
        return f"  {label:<22}" + "".join(out)

    for scope in ("all", "en", "es"):
        subset = rows if scope == "all" else [r for r in rows if r["lang"] == scope]
        if subset:
            lines.append(line(scope, subset))
    categories = [s for s in SIGNALS if any(s in r["signals"] for r in rows)]
    for category in categories:
        for lang in ("en", "es"):
            subset = [r for r in rows if category in r["signals"] and r["lang"] == lang]
            if subset:
                lines.append(line(f"{category} {lang}", subset))
    return lines


def metrics_table(rows: list[dict]) -> list[str]:
    lines = [
        f"  {'scope':<6}{'n':>5}   {'urgent R':>9}{'P':>7}   {'concern R':>10}{'P':>7}   {'any-help R':>11}{'P':>7}   urgent->none",
    ]
    for scope in ("all", "en", "es"):
        subset = rows if scope == "all" else [r for r in rows if r["lang"] == scope]
        if not subset:
            continue
        ur, up, _, _ = recall_precision(subset, lambda lv: lv == "urgent")
        cr, cp, _, _ = recall_precision(subset, lambda lv: lv == "concern")
        ar, ap, _, _ = recall_precision(subset, lambda lv: lv in HELP)
        severe = sum(r["level"] == "urgent" and r["got"] == "none" for r in subset)
        lines.append(f"  {scope:<6}{len(subset):>5}   {ur:>9}{up:>7}   {cr:>10}{cp:>7}   {ar:>11}{ap:>7}   {severe:>6}")
    return lines


def confusion(rows: list[dict]) -> list[str]:
    lines = ["  expected \\ got   " + "".join(f"{lv:>9}" for lv in LEVELS)]
    for exp in LEVELS:
        counts = [sum(r["level"] == exp and r["got"] == got for r in rows) for got in LEVELS]
        lines.append(f"  {exp:<17}" + "".join(f"{c:>9}" for c in counts))
    return lines


def signal_agreement(rows: list[dict]) -> str:
    crisis = [r for r in rows if r["level"] in HELP and r["got"] in HELP and r["signals"]]
    agree = sum(set(r["signals"]) <= set(r["reasons"]) for r in crisis)
    return f"  expected signals all among the reasons: {agree}/{len(crisis)} ({ratio(agree, len(crisis))}) of crisis texts offered help"


def misses(rows: list[dict]) -> list[str]:
    order = [
        ("crisis rated none (missed help)", lambda r: r["level"] in HELP and r["got"] == "none"),
        ("urgent rated concern (under-rated)", lambda r: r["level"] == "urgent" and r["got"] == "concern"),
        ("none rated concern/urgent (false alarm)", lambda r: r["level"] == "none" and r["got"] in HELP),
        ("concern rated urgent (over-rated)", lambda r: r["level"] == "concern" and r["got"] == "urgent"),
    ]
    lines = []
    for title, test in order:
        found = [r for r in rows if test(r)]
        lines.append(f"  {title}: {len(found)}")
        for r in found:
            lines.append(
                f"    {r['id']:<8} [{r['split']:<7}] want {r['level']:<7} got {r['got']:<7} {r['reasons']}  {r['text']}"
            )
    return lines


def timing(rows: list[dict], repeats: int = 10) -> list[str]:
    # wall time and this thread's CPU time: on a shared machine the wall figure also counts
    # the time other processes held the core, the CPU figure does not
    per_message, cpu = [], []
    for r in rows:
        start, start_cpu = time.perf_counter_ns(), time.thread_time_ns()
        for _ in range(repeats):
            assess(r["text"])
        cpu.append((time.thread_time_ns() - start_cpu) / repeats / 1000)
        per_message.append((time.perf_counter_ns() - start) / repeats / 1000)
    per_message.sort()
    cpu.sort()
    p99 = per_message[min(len(per_message) - 1, int(len(per_message) * 0.99))]
    cpu_p99 = cpu[min(len(cpu) - 1, int(len(cpu) * 0.99))]
    long_text = " ".join(r["text"] for r in rows)[:20000]
    start = time.perf_counter_ns()
    for _ in range(10):
        assess(long_text)
    long_us = (time.perf_counter_ns() - start) / 10 / 1000
    return [
        f"  per message over {len(rows)} corpus texts ({repeats} runs each): "
        f"mean {statistics.fmean(per_message):.0f} us, median {statistics.median(per_message):.0f} us, "
        f"p99 {p99:.0f} us, max {per_message[-1]:.0f} us",
        f"  CPU time per message: mean {statistics.fmean(cpu):.0f} us, p99 {cpu_p99:.0f} us",
        f"  one 20,000-character text (read up to the 5,000-character cap): {long_us:.0f} us",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", choices=["all", *SPLITS, "none"], default="all")
    parser.add_argument("--split", choices=SPLITS, help="report this split only (and time it)")
    args = parser.parse_args()

    start = time.perf_counter()
    assess("warm up: load and compile the patterns")
    load_ms = (time.perf_counter() - start) * 1000

    rows = load_corpus()
    if args.split:
        rows = [r for r in rows if r["split"] == args.split]
    for r in rows:
        result = assess(r["text"])
        r["got"], r["reasons"] = result.level, list(result.reasons)

    langs = {lang: sum(r["lang"] == lang for r in rows) for lang in ("en", "es")}
    print(f"Crisis detector evaluation: {len(rows)} labelled texts ({langs['en']} en, {langs['es']} es)")
    print("R = recall, P = precision; any-help = concern or urgent; urgent->none = urgent texts rated none\n")
    splits = [s for s in SPLITS if any(r["split"] == s for r in rows)]
    for split in [*splits, "all"] if len(splits) > 1 else splits:
        subset = rows if split == "all" else [r for r in rows if r["split"] == split]
        by_level = {lv: sum(r["level"] == lv for r in subset) for lv in LEVELS}
        print(
            f"== {split} ({len(subset)} texts: {by_level['urgent']} urgent, {by_level['concern']} concern, {by_level['none']} none)"
        )
        print("  goals: urgent flagged >= 0.98, rated urgent >= 0.85, concern flagged >= 0.90, false alarms <= 0.08")
        print("\n".join(goals_table(subset)))
        print("\n".join(metrics_table(subset)))
        print("\n".join(confusion(subset)))
        print(signal_agreement(subset))
        print()

    if args.misses != "none":
        subset = rows if args.misses == "all" else [r for r in rows if r["split"] == args.misses]
        print(f"== examples it got wrong ({args.misses})")
        print("\n".join(misses(subset)))
        print()

    print("== HISTORY: figures on texts never tuned on (see the module docstring)")
    print("\n".join("  " + line for line in HISTORY))
    print()
    print("== time")
    print(f"  first call (load and compile the patterns): {load_ms:.0f} ms")
    print("\n".join(timing(rows)))


if __name__ == "__main__":
    main()
