"""Every notice kind renders in English and Spanish: the plain text carries names
exactly as typed (never an HTML entity), the HTML body escapes them, and the push
lines never carry more than names."""

import html
import re

import pytest
from django.core import mail

from kinwell.notifications.notices import NOTICES
from kinwell.notifications.rendering import render
from kinwell.notifications.services import notify
from tests.factories import UserFactory
from tests.notifications.samples import CIRCLE, NAME, SAMPLES

pytestmark = pytest.mark.django_db
ENTITY = re.compile(r"&(#\d+|#x[0-9a-f]+|[a-z]+);", re.IGNORECASE)


def test_every_kind_has_a_sample():
    assert set(SAMPLES) == set(NOTICES)


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("kind", sorted(NOTICES))
def test_every_notice_renders_with_plain_text_plain_and_html_escaped(kind, language):
    person = UserFactory(display_name=NAME, language=language)
    message = render(kind=kind, recipient=person, context=SAMPLES[kind], url="/somewhere/?a=1&b=2")
    assert not ENTITY.search(message.text), message.text
    assert not ENTITY.search(message.subject) and not ENTITY.search(message.headline)
    assert NAME in message.text  # the greeting, or the other person, exactly as typed
    assert html.escape(NAME) in message.html or html.escape(NAME, quote=False) in message.html
    assert NAME not in message.html
    if kind != "digest":  # a digest links each of its notices instead
        assert "/somewhere/?a=1&b=2" in message.text and "/somewhere/?a=1&amp;b=2" in message.html
    assert message.subject and message.headline and message.glance
    assert "\n" not in message.subject + message.headline + message.glance
    if CIRCLE in str(SAMPLES[kind].values()):
        assert CIRCLE in message.text + message.glance and "Maya &amp; Jordan" not in message.text


def test_spanish_is_spanish():
    person = UserFactory(language="es", display_name="Ana")
    message = render(kind="conversation_your_turn", recipient=person, context=SAMPLES["conversation_your_turn"],
                     url="/x/")
    assert message.subject == "Te toca en una conversación de Kinwell"
    assert message.text.startswith("Hola, Ana:") and "<html lang=\"es\">" in message.html


def test_push_lines_carry_no_ones_words():
    # The only free text a caller passes is the trusted message and the crisis message:
    # neither kind has it in a push line.
    for kind in ("trusted_message", "safety_check_on_me"):
        person = UserFactory()
        message = render(kind=kind, recipient=person, context=SAMPLES[kind], url="/x/")
        for words in ("Can we talk", "Please call me"):
            assert words not in message.headline + message.glance + message.subject


def test_a_circle_called_maya_and_jordan_arrives_as_typed(django_capture_on_commit_callbacks):
    person = UserFactory(display_name=NAME)
    notify(recipient=person, notice="appreciation", url="/c/", context={"sender": NAME, "circle": CIRCLE})
    email = mail.outbox[0]
    assert "Maya & Jordan" in email.body and "&amp;" not in email.body and "&lt;" not in email.body
    assert NAME in email.body and email.subject == f"{NAME} sent you an appreciation"
    body_html, mime = email.alternatives[0]
    assert mime == "text/html" and "Maya &amp; Jordan" in body_html and "&lt;&quot;Jojo&quot;&gt;" in body_html
