"""Evaluate the message coach on its labelled corpus.

    .venv/bin/python bench/coach_eval.py [--split heldout|dev|all] [--misses]

Prints, for the chosen split (held-out by default): precision and recall per pattern,
the false-positive rate on kind messages (the share of drafts labelled with no pattern
on which the coach said anything), the exact-match rate, and the time per draft.

Splits: "dev" (about two thirds) is what the patterns are tuned on; "heldout" (every
third draft of each language and first label, fixed when the corpus was written) was
not tuned on item by item. Both were written in the same sitting as the first draft of
the patterns, so the held-out figure is optimistic for phrasings nobody thought of.
A "blind" batch (48 drafts, ids en-185.., es-117..) was written afterwards in phrasings
unlike the patterns and measured before any tuning on it (HISTORY below); the patterns
were then tuned on its misses, so it is no longer blind and its later figure is optimistic.
Figures are printed, never asserted (see bench/README.md).
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

from kinwell.talk.coach import pattern_names, review  # noqa: E402

HISTORY = [
    "blind batch (48 drafts, 33 labels, 15 kind) before tuning on it:",
    "  micro precision 0.667, recall 0.364; false positives on kind drafts 6/15 (0.400)",
    "  (e.g. 'You always smell so good', 'That idiot driver...', 'You're always on your phone')",
    "after generalising (warm words after 'always', third-person insults, 'you're always'):",
    "  micro precision 0.969, recall 0.939; kind false positives 1/15 (now tuned on: optimistic)",
]

CORPUS = ROOT / "tests" / "talk" / "data" / "coach_corpus.csv"


def load(split: str) -> list[dict]:
    with CORPUS.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [row for row in rows if split == "all" or row["split"] == split]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="heldout", choices=("heldout", "dev", "blind", "all"))
    parser.add_argument("--misses", action="store_true", help="print every draft it got wrong")
    args = parser.parse_args()
    rows = load(args.split)
    names = pattern_names()
    tp = dict.fromkeys(names, 0)
    fp = dict.fromkeys(names, 0)
    fn = dict.fromkeys(names, 0)
    kind_total = kind_flagged = exact = 0
    timings = []
    misses = []
    for row in rows:
        expected = {p for p in row["patterns"].split(";") if p}
        started = time.perf_counter()
        got = set(review(row["text"], language=row["lang"]).patterns)
        timings.append((time.perf_counter() - started) * 1e6)
        for name in names:
            tp[name] += name in got and name in expected
            fp[name] += name in got and name not in expected
            fn[name] += name in expected and name not in got
        if not expected:
            kind_total += 1
            kind_flagged += bool(got)
        exact += got == expected
        if got != expected:
            misses.append((row["id"], sorted(expected), sorted(got), row["text"]))

    print(f"split: {args.split}  drafts: {len(rows)}  kind drafts: {kind_total}")
    print(f"{'pattern':24} {'support':>7} {'precision':>9} {'recall':>7}")
    for name in names:
        support = tp[name] + fn[name]
        precision = tp[name] / (tp[name] + fp[name]) if tp[name] + fp[name] else float("nan")
        recall = tp[name] / support if support else float("nan")
        print(f"{name:24} {support:7d} {precision:9.3f} {recall:7.3f}")
    all_tp, all_fp, all_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    print(f"{'micro average':24} {all_tp + all_fn:7d} {all_tp / max(1, all_tp + all_fp):9.3f} {all_tp / max(1, all_tp + all_fn):7.3f}")
    print(f"false-positive rate on kind drafts: {kind_flagged}/{kind_total} = {kind_flagged / max(1, kind_total):.3f}")
    print(f"exact match (same set of patterns): {exact}/{len(rows)} = {exact / max(1, len(rows)):.3f}")
    print(f"time per draft: mean {statistics.mean(timings):.1f} us, max {max(timings):.1f} us")
    print()
    print(*HISTORY, sep="\n")
    if args.misses:
        for miss in misses:
            print("MISS", *miss, sep=" | ")


if __name__ == "__main__":
    main()
