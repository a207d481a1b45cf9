"""Every email leaves through the notification service: no module outside
kinwell/notifications/ calls send_mail or builds an EmailMessage (an AST walk, like
tests/test_screening_paths.py). Django's password-reset form is ours too: its
send_mail method hands the notice to the service."""

import ast
from pathlib import Path

KINWELL = Path(__file__).resolve().parents[2] / "kinwell"
MAIL_NAMES = {"send_mail", "send_mass_mail", "mail_admins", "mail_managers", "EmailMessage",
              "EmailMultiAlternatives", "get_connection"}


def mail_uses(path: Path) -> list[str]:
    found = []
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("django.core.mail"):
            found += [f"imports {alias.name}" for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module == "django.core":
            found += [f"imports {alias.name}" for alias in node.names if alias.name == "mail"]
        elif isinstance(node, ast.Import):
            found += [f"imports {alias.name}" for alias in node.names if alias.name.startswith("django.core.mail")]
        elif isinstance(node, ast.Call):
            called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
            # A method called send_mail on our own form subclass is a definition, not a call.
            if called in MAIL_NAMES:
                found.append(f"calls {called}")
    return found


def test_no_module_outside_notifications_sends_mail():
    offenders = {}
    for path in KINWELL.rglob("*.py"):
        if "notifications" in path.relative_to(KINWELL).parts[:1] or "migrations" in path.parts:
            continue
        uses = mail_uses(path)
        if uses:
            offenders[str(path.relative_to(KINWELL))] = uses
    assert offenders == {}


def test_the_walk_finds_a_mail_call_when_there_is_one(tmp_path):
    sample = tmp_path / "tasks.py"
    sample.write_text("from django.core import mail\nmail.send_mail('s', 'b', None, ['a@b.c'])\n"
                      "from django.core.mail import EmailMessage\nEmailMessage().send()\n")
    assert sorted(mail_uses(sample)) == ["calls EmailMessage", "calls send_mail", "imports EmailMessage",
                                         "imports mail"]


def test_the_email_channel_is_the_one_place():
    assert mail_uses(KINWELL / "notifications" / "email.py")
