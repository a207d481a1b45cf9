"""The screening mechanism itself: @screens, Screened and the reader's share of an assessment."""

import pytest
from django.core import mail

from kinwell.safety import services as safety_services
from kinwell.safety.detector import assess, Assessment
from kinwell.safety.readers import as_seen_by_writer, endangers_reader
from kinwell.safety.screened import SCREENED, Screened, screening_of, screens
from tests.factories import CircleFactory, UserFactory

URGENT_TEXT = "I don't want to be here anymore, I have the pills ready"


def test_screens_needs_keyword_only_parameters_that_exist():
    with pytest.raises(TypeError):
        @screens("text", author="owner")
        def positional(owner, text):
            return text

    with pytest.raises(TypeError):
        @screens("words", author="owner")
        def misnamed(*, owner, text):
            return text


def test_a_screened_service_is_registered_and_gets_the_one_assessment():
    seen = []

    @screens("title", "note", author="owner")
    def save(*, owner, title: str, note: str = "", safety: Assessment) -> str:
        seen.append(safety)
        return title

    result = save(owner=None, title="Plans", note=URGENT_TEXT)
    assert isinstance(result, Screened) and result.value == "Plans"
    assert result.safety == seen[0] and result.safety.level == "urgent"
    assert screening_of(save).fields == ("title", "note")
    assert SCREENED[screening_of(save).name].author == "owner"
    with pytest.raises(TypeError):
        save(owner=None, title="x", safety=result.safety)  # the assessment is never passed in


@pytest.mark.django_db
def test_a_saved_urgent_text_tells_the_arranged_contact_and_a_review_does_not(django_capture_on_commit_callbacks):
    ana, ben = UserFactory(), UserFactory()
    CircleFactory(owner=ana, members=[ben])
    safety_services.update_plan(owner=ana, crisis_contact_id=ben.pk, tell_without_asking=True)

    @screens("text", author="author", review=True)
    def look(*, author, text):
        return None

    @screens("text", author="author")
    def keep(*, author, text):
        return None

    with django_capture_on_commit_callbacks(execute=True):
        assert look(author=ana, text=URGENT_TEXT).safety.level == "urgent"
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        keep(author=ana, text=URGENT_TEXT)
    assert [message.to for message in mail.outbox] == [[ben.email]]


@pytest.mark.django_db
def test_a_service_that_refuses_tells_nobody(django_capture_on_commit_callbacks):
    from kinwell.core.errors import ServiceError

    ana, ben = UserFactory(), UserFactory()
    CircleFactory(owner=ana, members=[ben])
    safety_services.update_plan(owner=ana, crisis_contact_id=ben.pk, tell_without_asking=True)

    @screens("text", author="author")
    def refuse(*, author, text):
        raise ServiceError("no")

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ServiceError):
        refuse(author=ana, text=URGENT_TEXT)
    assert mail.outbox == []


def test_a_threat_to_the_reader_is_the_readers_alone():
    threat = Assessment(level="urgent", reasons=("threat_to_reader",))
    assert endangers_reader(threat)
    assert as_seen_by_writer(threat).level == "none"
    both = Assessment(level="urgent", reasons=("active_ideation", "threat_to_reader"))
    assert as_seen_by_writer(both) == Assessment(level="urgent", reasons=("active_ideation",))


def test_only_a_threat_reaches_the_reader_never_a_frightened_writers_words():
    # "You hit me", written by the person who was hit to the one who hit them: that reader
    # is the danger, and must not be shown help for victims (it tells them how it was read).
    for text in ("you hit me. you can call it a push but you hit me", "me pegaste anoche"):
        assert not endangers_reader(assess(text))
    assert not endangers_reader(Assessment(level="urgent", reasons=("active_ideation",)))
    for text in ("If you leave me I will kill you", "si te vas con los niños te mato"):
        assert endangers_reader(assess(text))
