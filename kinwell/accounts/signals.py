"""Keeping the index of who is signed in where (see models.SignedInSession)."""

from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver

from kinwell.accounts import services
from kinwell.accounts.models import SignedInSession


@receiver(user_logged_in, dispatch_uid="kinwell.accounts.remember_session")
def remember_session(sender, request, user, **kwargs):
    session = getattr(request, "session", None)
    if session is None:
        return
    if session.session_key is None:
        session.save()
    services.record_session(user=user, session_key=session.session_key)


@receiver(user_logged_out, dispatch_uid="kinwell.accounts.forget_session")
def forget_session(sender, request, user, **kwargs):
    session = getattr(request, "session", None)
    if session is not None and session.session_key:
        SignedInSession.objects.filter(session_key=session.session_key).delete()
