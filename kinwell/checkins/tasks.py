from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse
from django_tasks import task

from kinwell.checkins.reminders import REMINDER_SALT
from kinwell.notifications.services import notify


@task()
def send_checkin_reminder(*, user_id: int) -> None:
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        return
    token = signing.dumps(user.pk, salt=REMINDER_SALT)
    # Both links open a page with one button: opening them changes nothing.
    context = {
        "snooze_url": settings.SITE_URL + reverse("checkins:reminder_link", kwargs={"action": "snooze", "token": token}),
        "stop_url": settings.SITE_URL + reverse("checkins:reminder_link", kwargs={"action": "stop", "token": token}),
    }
    notify(recipient=user, notice="checkin_reminder", url=reverse("checkins:new"), context=context)


@task()
def send_supporter_check_on_me(*, owner_id: int, supporter_ids: list[int]) -> None:
    """To the supporters the person picked in advance: a nudge to check in, never the check-ins."""
    people = get_user_model().objects.filter(pk__in=[owner_id, *supporter_ids])
    owner = next((person for person in people if person.pk == owner_id), None)
    if owner is None:
        return
    for supporter in people:
        if supporter.pk == owner_id:
            continue
        notify(recipient=supporter, notice="sign_check_on_me", url=reverse("safety:supporting"),
               context={"owner": owner.display_name}, automatic_about=owner)


@task()
def find_signs(*, owner_id: int) -> int:
    """Look for signs after a check-in was saved or changed (queued by the services)."""
    from kinwell.checkins.services import look_for_signs

    owner = get_user_model().objects.filter(pk=owner_id).first()
    if owner is None:
        return 0
    return len(look_for_signs(owner=owner))


@task()
def import_checkin_file(*, import_id: int) -> None:
    """A person's uploaded file of check-ins (queued by `import_jobs.queue_import`)."""
    from kinwell.checkins.import_jobs import run_import

    run_import(import_id=import_id)
