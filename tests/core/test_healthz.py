"""Tests for kinwell/core/views.py (healthz)."""

from unittest import mock

from django.db.utils import OperationalError


def test_healthz_answers_ok_when_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_healthz_answers_503_when_the_database_does_not(client, db):
    # The database driver is third-party; making its cursor fail is the honest way to
    # stand in for a database that went away.
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("gone")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"


def test_the_error_page_is_drawn_even_when_the_database_is_what_failed(rf, db):
    """A database restart: the session and the account cannot be read, and the 500 page
    must still come out whole, with its way to help now, not a bare server error."""
    from django.contrib.sessions.backends.base import SessionBase
    from django.db.utils import OperationalError

    from kinwell.core.views import server_error

    class UnreachableSession(SessionBase):
        def load(self):
            raise OperationalError("the database system is starting up")

    class UnreachableUser:
        def __getattr__(self, name):
            raise OperationalError("the database system is starting up")

    from django.conf import settings
    from django.contrib.sessions.middleware import SessionMiddleware

    request = rf.get("/check-ins/", HTTP_COOKIE=f"{settings.SESSION_COOKIE_NAME}=some-key")
    request.session, request.user = UnreachableSession("some-key"), UnreachableUser()
    response = server_error(request)
    assert response.status_code == 500
    assert b"/help-now/" in response.content
    # Nobody is signed out by a database blip: the session cookie is left as it was.
    response = SessionMiddleware(lambda request: response).process_response(request, response)
    assert settings.SESSION_COOKIE_NAME not in response.cookies
