"""Tests for kinwell/talk/services.py (review_draft) and the screening on every talk path.

The crisis check on every talk path: the message coach (its page, "Check with the
coach first" in a conversation, the API) shows the crisis panel exactly as a saved text
would and saves nothing; words that put their reader at risk show the reader, and only
the reader, partner-violence help."""

import pytest
from django.apps import apps
from django.core import mail
from django.urls import reverse

from kinwell.safety import services as safety_services
from kinwell.talk import conflict_services, services
from kinwell.talk.models import ConflictEntry, Entry
from tests.api.test_api import Api
from tests.factories import CircleFactory, UserFactory

pytestmark = pytest.mark.django_db

DRAFTS = {
    "en": ("I don't want to be here anymore, I have the pills ready", "Nothing here is saved or sent."),
    "es": ("ya no quiero vivir", "Aquí no se guarda ni se envía nada."),
}
THREATS = {"en": "If you leave me I will kill you", "es": "Si me dejas te mato"}
# Tables that change on any request and say nothing about what the coach kept.
NOT_CONTENT = {
    "django_session", "accounts_signedinsession", "axes_accessattempt", "axes_accesslog", "accounts_apitoken",
    # Opening a conversation is logged for the others in it; that is not the draft kept.
    "circles_accesslogentry",
    # Having the page open is noted so no notice interrupts it; that is not the draft either.
    "notifications_threadview",
}


def row_counts() -> dict:
    return {m._meta.db_table: m.objects.count() for m in apps.get_models() if m._meta.db_table not in NOT_CONTENT}


@pytest.fixture
def pair():
    ana, ben = UserFactory(display_name="Ana"), UserFactory(display_name="Ben")
    circle = CircleFactory(owner=ana, members=[ben])
    # Ana arranged for Ben to be told of an urgent text without asking: a draft never does.
    safety_services.update_plan(owner=ana, crisis_contact_id=ben.pk, tell_without_asking=True)
    return ana, ben, circle


def speaking_to(person, language):
    person.language = language
    person.save(update_fields=["language"])
    return person


@pytest.mark.parametrize("language", sorted(DRAFTS))
def test_the_coach_page_shows_the_crisis_panel_and_keeps_nothing(client_for, pair, language, django_capture_on_commit_callbacks):
    ana = speaking_to(pair[0], language)
    draft, nothing_kept = DRAFTS[language]
    before = row_counts()
    with django_capture_on_commit_callbacks(execute=True):
        page = client_for(ana).post(reverse("talk:coach"), {"text": draft}).content.decode()
    assert 'id="crisis-panel-title"' in page and nothing_kept in page
    assert "What you wrote is saved" not in page and "Lo que escribiste quedó guardado" not in page
    assert row_counts() == before and mail.outbox == []


def test_an_ordinary_draft_shows_no_panel(client_for, pair):
    page = client_for(pair[0]).post(reverse("talk:coach"), {"text": "You never listen to me."}).content.decode()
    assert "crisis-panel" not in page and "What the coach noticed" in page


@pytest.mark.parametrize("language", sorted(DRAFTS))
def test_checking_with_the_coach_in_a_conversation_shows_the_panel_and_sends_nothing(client_for, pair, language):
    ana, ben, circle = pair
    speaking_to(ana, language)
    talk = services.start_conversation(starter=ana, circle=circle, partner=ben, topic="Evenings").value
    before = row_counts()
    url = reverse("talk:conversation", args=[circle.pk, talk.pk])
    page = client_for(ana).post(url, {"action": "check", "event": "speak", "text": DRAFTS[language][0]}).content.decode()
    assert 'id="crisis-panel-title"' in page and DRAFTS[language][1] in page
    assert row_counts() == before and not talk.entries.exclude(kind="topic").exists()


@pytest.mark.parametrize("language", sorted(DRAFTS))
def test_the_coach_api_answers_with_the_assessment_and_keeps_nothing(pair, language):
    api = Api(pair[0])
    before = row_counts()
    body = api.post("/talk/coach", {"text": DRAFTS[language][0], "language": language}).json()
    assert body["safety"]["level"] in ("concern", "urgent") and body["safety"]["help_url"] == "/help-now/"
    assert row_counts() == before and mail.outbox == []


# ---------------------------------------------------------------- help for the reader

def conversation_with(ana, ben, circle, text):
    talk = services.start_conversation(starter=ana, circle=circle, partner=ben, topic="Us").value
    services.act(actor=ana, conversation=talk, event="speak", text=text)
    return talk


def round_with(ana, ben, circle, text):
    conflict = conflict_services.open_conflict(opener=ana, circle=circle, people=[ben], issue="Us").value
    conflict_services.write_view(actor=ana, conflict=conflict, view=text, feelings="angry", needs="you to stay")
    conflict_services.write_view(actor=ben, conflict=conflict, view="I need space", feelings="scared", needs="time")
    return conflict


def pages(client_for, person, circle, talk, conflict):
    return (
        client_for(person).get(reverse("talk:conversation", args=[circle.pk, talk.pk])).content.decode(),
        client_for(person).get(reverse("talk:conflict", args=[circle.pk, conflict.pk])).content.decode(),
    )


READER_HELP = 'id="reader-help-title"'


def test_a_flagged_text_shows_help_to_its_reader_and_never_to_its_writer(client_for, pair):
    ana, ben, circle = pair
    talk = conversation_with(ana, ben, circle, "We need to talk about Sunday")
    conflict = round_with(ana, ben, circle, "Sunday again")
    Entry.objects.filter(author=ana).update(reader_needs_help=True)
    ConflictEntry.objects.filter(author=ana).update(reader_needs_help=True)
    for page in pages(client_for, ben, circle, talk, conflict):
        assert READER_HELP in page and "National Domestic Violence Hotline" in page
    for page in pages(client_for, ana, circle, talk, conflict):
        assert READER_HELP not in page
    assert Api(ben).get(f"/talk/circles/{circle.pk}/conversations/{talk.pk}").json()["help_for_you"] is True
    assert Api(ana).get(f"/talk/circles/{circle.pk}/conversations/{talk.pk}").json()["help_for_you"] is False
    assert Api(ben).get(f"/talk/circles/{circle.pk}/conflicts/{conflict.pk}").json()["help_for_you"] is True


def test_ordinary_words_show_no_reader_help(client_for, pair):
    ana, ben, circle = pair
    talk = conversation_with(ana, ben, circle, "I miss our Sunday walks")
    conflict = round_with(ana, ben, circle, "Sundays feel rushed")
    assert not any(READER_HELP in page for page in pages(client_for, ben, circle, talk, conflict))


@pytest.mark.parametrize("language", sorted(THREATS))
def test_a_threat_in_a_conversation_shows_its_reader_help_and_tells_the_writer_nothing(client_for, pair, language):
    ana, ben, circle = pair
    talk = services.start_conversation(starter=ana, circle=circle, partner=ben, topic="Us").value
    url = reverse("talk:conversation", args=[circle.pk, talk.pk])
    writer_page = client_for(ana).post(url, {"action": "speak", "text": THREATS[language]}, follow=True).content.decode()
    assert "crisis-panel" not in writer_page and READER_HELP not in writer_page
    assert READER_HELP in client_for(ben).get(url).content.decode()
    assert READER_HELP not in client_for(ana).get(url).content.decode()


@pytest.mark.parametrize("language", sorted(THREATS))
def test_a_threat_in_a_conflict_round_shows_its_reader_help(client_for, pair, language):
    ana, ben, circle = pair
    talk = conversation_with(ana, ben, circle, "We need to talk")
    conflict = round_with(ana, ben, circle, THREATS[language])
    reader_page = pages(client_for, ben, circle, talk, conflict)[1]
    writer_page = pages(client_for, ana, circle, talk, conflict)[1]
    assert READER_HELP in reader_page and READER_HELP not in writer_page


@pytest.mark.parametrize("language", sorted(THREATS))
def test_the_api_tells_the_reader_and_not_the_writer(pair, language):
    ana, ben, circle = pair
    talk = services.start_conversation(starter=ana, circle=circle, partner=ben, topic="Us").value
    path = f"/talk/circles/{circle.pk}/conversations/{talk.pk}"
    sent = Api(ana).post(f"{path}/actions", {"action": "speak", "text": THREATS[language]}).json()
    assert sent["safety"]["level"] == "none" and sent["help_for_you"] is False
    assert Api(ben).get(path).json()["help_for_you"] is True


def test_the_writers_export_does_not_say_a_text_was_flagged(pair):
    from kinwell.core.personal_data import export_for

    ana, ben, circle = pair
    conversation_with(ana, ben, circle, "We need to talk")
    Entry.objects.filter(author=ana).update(reader_needs_help=True)
    assert "reader" not in str(export_for(ana)["talk"])


def test_danger_from_someone_else_makes_the_coach_step_aside(pair):
    from kinwell.talk.coach import review

    text = "my ex keeps stalking me, you never care"
    assert review(text).afraid is False and review(text).findings  # the coach alone would coach it
    body = Api(pair[0]).post("/talk/coach", {"text": text}).json()
    assert body["safety"]["reasons"] == ["danger_from_others"]
    assert body["afraid"] is True and body["findings"] == [] and body["help"]
