"""The rules a reply passes before others see it, as plain Python (no Django).

- Links: found in the text whether written as Markdown, as a bare address or as
  "example.com".
- Trust: a person may post links once their account is TRUSTED_AFTER_DAYS old AND at
  least TRUSTED_AFTER_REPLIES of their replies went public. Before that, a reply with a
  link is saved and shown to its author, and waits for a moderator (never refused: what
  someone wrote is never thrown away).
- Spam and scam shapes (data/spam_patterns.toml, with why each one is there) and too
  many links hold a reply for a moderator, whoever wrote it.
- Crisis: decided by the safety layer's detector; the service holds those too.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PATTERNS_FILE = Path(__file__).resolve().parent / "data" / "spam_patterns.toml"

TRUSTED_AFTER_DAYS = 7
TRUSTED_AFTER_REPLIES = 2

# A scheme link, a www. address, or a bare domain with a common top-level domain and
# an optional path. Deliberately generous: a missed link is spam in public, a false
# one only a short wait.
LINK = re.compile(
    r"""(?ix)
    (?:\b(?:https?|ftp)://[^\s<>()\[\]]+)
    | (?:\bwww\.[^\s<>()\[\]]+)
    | (?:\b[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9-]{1,63})*
         \.(?:com|net|org|info|biz|io|co|me|ly|gl|gd|at|us|uk|ru|cn|xyz|top|site|online|club|shop|app|link|click|live|store)
         \b(?:/[^\s<>()\[\]]*)?)
    """
)


@dataclass(frozen=True)
class SpamRule:
    id: str
    pattern: re.Pattern
    why: str


@dataclass(frozen=True)
class SpamRules:
    max_links: int
    rules: tuple[SpamRule, ...]


@lru_cache(maxsize=4)
def load_spam_rules(path: Path = PATTERNS_FILE) -> SpamRules:
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    rules = tuple(
        SpamRule(rule["id"], re.compile(rule["pattern"], re.IGNORECASE | re.DOTALL), rule["why"])
        for rule in data["rule"]
    )
    return SpamRules(max_links=int(data["max_links"]), rules=rules)


def find_links(text: str) -> list[str]:
    return LINK.findall(text or "")


def spam_matches(text: str, rules: SpamRules | None = None) -> list[str]:
    """Ids of the spam rules the text matches, plus "too_many_links"."""
    rules = rules or load_spam_rules()
    found = [rule.id for rule in rules.rules if rule.pattern.search(text or "")]
    if len(find_links(text)) > rules.max_links:
        found.append("too_many_links")
    return found


def is_trusted(*, account_age_days: float, published_replies: int, is_staff: bool = False) -> bool:
    return is_staff or (account_age_days >= TRUSTED_AFTER_DAYS and published_replies >= TRUSTED_AFTER_REPLIES)


# Why a reply is held, most important first: a crisis hold carries guidance for the moderator.
CRISIS, SPAM, LINK_FROM_NEW_ACCOUNT, REPORTED = "crisis", "spam", "new_account_link", "reported"


def hold_reasons(*, text: str, crisis: bool, trusted: bool, rules: SpamRules | None = None) -> list[str]:
    """Why this reply must wait for a moderator (empty: it can go public now)."""
    reasons = []
    if crisis:
        reasons.append(CRISIS)
    if spam_matches(text, rules):
        reasons.append(SPAM)
    if not trusted and find_links(text):
        reasons.append(LINK_FROM_NEW_ACCOUNT)
    return reasons
