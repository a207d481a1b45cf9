"""The rules a reply passes before others see it (plain Python)."""

import pytest

from kinwell.library import reply_rules
from kinwell.library.reply_markdown import render_reply
from kinwell.library.reply_rules import find_links, hold_reasons, is_trusted, load_spam_rules, spam_matches

# One example each rule in data/spam_patterns.toml must catch; a new rule needs one here.
SPAM_EXAMPLES = {
    "link_shortener": "Read this: bit.ly/3xYz",
    "message_me_off_site": "Contact me on WhatsApp +2348012345678 for help",
    "contact_doctor_spell": "Dr Okoro cast a love spell and brought my husband back in 3 days",
    "crypto_investment": "I started bitcoin trading and now earn profit every week",
    "easy_money": "I earn $500 a day working from my phone",
    "miracle_cure": "This tea cures depression permanently, guaranteed",
    "pharmacy_no_prescription": "Buy xanax online, no prescription needed",
    "loans_and_debt": "Guaranteed loan approval for everyone",
    "followers_and_seo": "Buy followers cheap",
    "adult_or_gambling": "Best online casino bonus",
}
FINE = [
    "My partner and I found the listening steps useful. Thank you.",
    "The doctor helped my husband a lot with his anxiety.",
    "We talked on Signal after the session and it felt easier.",
    "e.g. we tried the five-minute check-in. It worked!",
    "Therapy cost us $40 a week on a sliding scale.",
]


def test_every_spam_rule_has_an_example_and_catches_it():
    ids = {rule.id for rule in load_spam_rules().rules}
    assert ids == set(SPAM_EXAMPLES)
    for rule_id, text in SPAM_EXAMPLES.items():
        assert rule_id in spam_matches(text), (rule_id, text)


@pytest.mark.parametrize("text", FINE)
def test_ordinary_replies_match_no_spam_rule_and_have_no_link(text):
    assert spam_matches(text) == []
    assert find_links(text) == []


@pytest.mark.parametrize(
    "text", ["see https://example.org/a", "www.example.org", "go to example.com now", "[site](http://x.net/y)"]
)
def test_links_are_found_however_they_are_written(text):
    assert find_links(text)


def test_many_links_look_like_link_spam():
    text = " ".join(f"https://site{n}.org" for n in range(load_spam_rules().max_links + 1))
    assert "too_many_links" in spam_matches(text)


def test_trust_needs_both_account_age_and_public_replies():
    days, replies = reply_rules.TRUSTED_AFTER_DAYS, reply_rules.TRUSTED_AFTER_REPLIES
    assert is_trusted(account_age_days=days, published_replies=replies)
    assert not is_trusted(account_age_days=days - 0.5, published_replies=replies + 10)
    assert not is_trusted(account_age_days=365, published_replies=replies - 1)
    assert is_trusted(account_age_days=0, published_replies=0, is_staff=True)


def test_hold_reasons():
    assert hold_reasons(text="Thanks!", crisis=False, trusted=False) == []
    assert hold_reasons(text="see example.org", crisis=False, trusted=False) == ["new_account_link"]
    assert hold_reasons(text="see example.org", crisis=False, trusted=True) == []
    assert hold_reasons(text="bit.ly/x", crisis=True, trusted=True) == ["crisis", "spam"]


@pytest.mark.parametrize(
    "payload",
    [
        "<script>window.__xss=1</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "<a href='javascript:alert(1)'>x</a>",
        "<svg onload=alert(1)>",
        '"><iframe src=javascript:alert(1)>',
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    ],
)
def test_reply_markdown_never_produces_markup_that_runs(payload):
    html = render_reply(payload)
    lowered = html.lower()
    assert "<script" not in lowered and "<img" not in lowered and "<svg" not in lowered and "<iframe" not in lowered
    assert "javascript:" not in lowered.replace("&lt;", "<") or "<a" not in lowered
    assert "href=\"javascript" not in lowered and "href=\"data:" not in lowered


def test_reply_markdown_subset_and_link_rel():
    html = render_reply("**bold** *soft*\n\n- one\n- two\n\n[help](https://988lifeline.org)\n\n# not a heading")
    assert "<strong>bold</strong>" in html and "<em>soft</em>" in html and "<li>one</li>" in html
    assert '<a href="https://988lifeline.org" rel="nofollow ugc">help</a>' in html
    assert "<h1>" not in html


def test_no_spam_rule_fires_on_ordinary_writing():
    """Our own articles stand in for ordinary, caring writing about these topics: not one
    paragraph should look like spam (links alone are a different rule)."""
    from kinwell.library.articles import load_articles
    from tests.library.test_articles import REAL

    paragraphs = [p for a in load_articles(REAL).values() for p in a.body.split("\n\n")]
    assert len(paragraphs) > 200
    flagged = [(p[:80], spam_matches(p)) for p in paragraphs if set(spam_matches(p)) - {"too_many_links"}]
    assert not flagged, flagged
