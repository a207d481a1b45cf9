"""Tests for kinwell/accounts/services.forget_unconfirmed_sign_ups and its job: a sign-up
nobody confirms is forgotten after a week; confirmed or used accounts never are."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from kinwell.accounts import services
from kinwell.core.schedule import run_due_jobs
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_sign_up_nobody_confirms_is_forgotten_after_a_week_and_not_before():
    services.sign_up(email="typo@example.org", password="a long pass phrase", display_name="Someone")
    User = get_user_model()
    pending = User.objects.get(email="typo@example.org")
    assert not pending.is_active
    now = timezone.now()
    assert services.forget_unconfirmed_sign_ups(now=now + timedelta(days=6)) == 0
    assert services.forget_unconfirmed_sign_ups(now=now + timedelta(days=8)) == 1
    assert not User.objects.filter(email="typo@example.org").exists()


def test_signing_up_again_restarts_the_week():
    User = get_user_model()
    services.sign_up(email="late@example.org", password="a long pass phrase", display_name="Late")
    User.objects.filter(email="late@example.org").update(date_joined=timezone.now() - timedelta(days=10))
    services.sign_up(email="late@example.org", password="another long phrase", display_name="Late")
    assert services.forget_unconfirmed_sign_ups(now=timezone.now()) == 0
    assert User.objects.filter(email="late@example.org").exists()


def test_confirmed_and_used_accounts_are_never_forgotten():
    long_ago = timezone.now() - timedelta(days=400)
    active = UserFactory(date_joined=long_ago)
    switched_off_after_use = UserFactory(date_joined=long_ago, is_active=False, last_login=long_ago)
    run_due_jobs(now=timezone.now())
    assert get_user_model().objects.filter(pk__in=[active.pk, switched_off_after_use.pk]).count() == 2
