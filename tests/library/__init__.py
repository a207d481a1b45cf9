from pathlib import Path

# Small articles for tests, so tests do not depend on the real library's wording.
FIXTURE_ARTICLES = Path(__file__).resolve().parent / "articles"
