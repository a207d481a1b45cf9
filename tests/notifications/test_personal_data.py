import pytest

from kinwell.accounts.services import delete_account
from kinwell.core.personal_data import export_for
from kinwell.notifications.models import PendingNotice, Preferences, ThreadView
from kinwell.notifications.services import note_viewing, notify, update_preferences
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_preferences_and_notices_are_in_the_export_and_go_with_the_account():
    person = UserFactory()
    update_preferences(user=person, channels={"reminders": "none"}, digest=False)
    notify(recipient=person, notice="appreciation", url="/x/", context={"sender": "Jordan", "circle": "Home"})
    note_viewing(user=person, thread="conflict:3")
    section = export_for(person)["notifications"]
    assert section["preferences"]["channels"] == {"reminders": "none"} and section["preferences"]["digest"] is False
    assert section["notices"][0]["line"] == "Jordan sent you an appreciation"
    delete_account(user=person)
    assert not Preferences.objects.exists() and not PendingNotice.objects.exists() and not ThreadView.objects.exists()
