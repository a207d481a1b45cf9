"""What check-in pages and home's cards show alike (shared by views.py and home.py, so
neither imports the other)."""

from django.urls import reverse


def nudge_links() -> dict:
    """Where the choices on a sign's note lead."""
    return {"help_options": reverse("directory:finder"), "screening": reverse("screening:index"),
            "support_plan": reverse("support:plan")}
