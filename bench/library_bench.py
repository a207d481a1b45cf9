"""The library's pure-Python parts, timed: loading and validating every article,
searching, related reading, and the checks every reply goes through (spam rules,
links, Markdown + nh3). Run: .venv/bin/python bench/library_bench.py"""

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kinwell.library.articles import load_articles, related, search  # noqa: E402
from kinwell.library.reply_markdown import render_reply  # noqa: E402
from kinwell.library.reply_rules import find_links, load_spam_rules, spam_matches  # noqa: E402

ARTICLES = ROOT / "kinwell" / "library" / "articles"
REPLIES = [
    "We tried the calm-moment idea and it **really** helped. Thank you.",
    "This helped me: [988 Lifeline](https://988lifeline.org) and www.nami.org",
    "Message me on WhatsApp +2348012345678, Dr Okoro cured my anxiety",
    "<script>alert(1)</script> " * 20,
    "A longer story about the last year, the job loss and how we got through it together. " * 20,
]
QUERIES = ["depression", "therapy cost", "boundaries partner", "listening", "zebra", "support group"]


def timed(function, repeat):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000, max(samples) * 1000


def main():
    articles = load_articles(ARTICLES)
    words = sum(a.word_count for a in articles.values())
    median, worst = timed(lambda: load_articles(ARTICLES), 20)
    print(f"articles: {len(articles)} ({words} words); load+validate+render all: median {median:.1f} ms, max {worst:.1f} ms")
    values = list(articles.values())
    median, worst = timed(lambda: [search(values, query=q) for q in QUERIES], 200)
    print(f"search: {median / len(QUERIES) * 1000:.0f} µs a query (median; max {worst / len(QUERIES) * 1000:.0f} µs)")
    median, _worst = timed(lambda: [related(values, tags=a.tags, exclude=a.slug) for a in values], 200)
    print(f"related reading: {median / max(len(values), 1) * 1000:.0f} µs an article")
    rules = load_spam_rules()
    median, worst = timed(lambda: [(spam_matches(r, rules), find_links(r)) for r in REPLIES], 500)
    print(f"spam rules + link finding: {median / len(REPLIES) * 1000:.0f} µs a reply (median; max {worst / len(REPLIES) * 1000:.0f} µs)")
    median, worst = timed(lambda: [render_reply(r) for r in REPLIES], 500)
    print(f"reply Markdown + nh3: {median / len(REPLIES) * 1000:.0f} µs a reply (median; max {worst / len(REPLIES) * 1000:.0f} µs)")


if __name__ == "__main__":
    main()
