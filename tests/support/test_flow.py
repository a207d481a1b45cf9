"""Tests for kinwell/support/views.py and services.py (the needs flow).

From "I don't know what I need" to a saved plan, on the pages, without JavaScript."""

import pytest
from django.urls import reverse

from kinwell.support.models import PlanStep, SupportPlan
from tests.factories import UserFactory, screening_result

pytestmark = pytest.mark.django_db


def walk_the_flow(client, *, situation, details, preferences, signals=None):
    for step, data in (("situation", situation), ("details", details), ("preferences", preferences)):
        response = client.post(reverse("support:needs", kwargs={"step": step}), data)
        assert response.status_code == 302, response.content.decode()[:2000]
    return client.post(reverse("support:needs", kwargs={"step": "signals"}),
                       signals or {"use_what_kinwell_knows": "on"}, follow=True)


def test_the_flow_saves_as_you_go_and_ends_in_a_plan_with_reasons_and_steps(client_for, user):
    client = client_for(user)
    start = client.get(reverse("support:plan"))
    assert "What do I need?" in start.content.decode()
    client.post(reverse("support:needs", kwargs={"step": "situation"}), {"concerns": ["partner_conflict"]})
    plan = SupportPlan.objects.get(owner=user)
    assert plan.answers == {"concerns": ["partner_conflict"]} and plan.step == "details"
    assert "Continue where you left off" in client.get(reverse("support:plan")).content.decode()

    page = walk_the_flow(
        client, situation={"concerns": ["partner_conflict"]},
        details={"involves": ["partner"], "duration": "long", "impact": "a_lot", "tried": ["nothing"]},
        preferences={"format": "in_person", "payment": "medicaid", "language": "spanish", "zip": "10001",
                     "times": ["evenings", "weekends"]})
    html = page.content.decode()
    assert page.status_code == 200
    assert "Couples therapy" in html
    assert ("You told us about arguments or distance with your partner: it has gone on for more than three "
            "months and gets in the way of daily life a lot.") in html
    finder = reverse("directory:finder")
    assert (f'{finder}?zip=10001&amp;radius=25&amp;therapy=therapy%3Acouples_family&amp;'
            f'payment=payment%3Amedicaid&amp;language=language%3Aspanish') in html
    assert reverse("library:article", kwargs={"slug": "what-to-expect-from-couples-therapy"}) in html
    assert "ask for appointments that suit you: evenings or weekends" in html
    plan.refresh_from_db()
    assert plan.is_made and plan.follow_up_on is not None
    assert PlanStep.objects.filter(plan=plan, pathway="couples_therapy", kind="finder").exists()
    assert "First: your safety" not in html


def test_a_step_is_ticked_off_and_back(client_for, user):
    client = client_for(user)
    walk_the_flow(client, situation={"concerns": ["loneliness"]}, details={}, preferences={})
    step = PlanStep.objects.filter(plan__owner=user).first()
    url = reverse("support:step_done", kwargs={"plan_id": step.plan_id, "step_id": step.pk})
    client.post(url, {"done": "1"})
    step.refresh_from_db()
    assert step.done_at is not None and step.done_by == user
    client.post(url, {"done": "0"})
    step.refresh_from_db()
    assert step.done_at is None


def test_danger_puts_the_safety_step_first(client_for, user):
    client = client_for(user)
    page = walk_the_flow(client, situation={"concerns": ["unsafe", "partner_conflict"]},
                         details={"involves": ["partner"]}, preferences={})
    html = page.content.decode()
    assert html.index("First: your safety") < html.index("Then, suggested for you")
    assert "1-800-799-7233" in html
    assert "couples therapy is not advised while someone is afraid of their partner" in html


def test_phq9_item_nine_puts_safety_first_when_the_person_lets_us_use_it(client_for, user):
    screening_result(user, "phq9", answers={f"phq9_{n}": 1 for n in range(1, 10)})
    client = client_for(user)
    html = walk_the_flow(client, situation={"concerns": ["low_mood"]}, details={}, preferences={}).content.decode()
    assert "First: your safety" in html and "On your last PHQ-9" in html


def test_crisis_words_in_own_words_show_the_panel_and_put_safety_first(client_for, user):
    client = client_for(user)
    page = walk_the_flow(client, situation={"concerns": ["low_mood"]}, details={}, preferences={},
                         signals={"in_own_words": "I want to end my life"})
    html = page.content.decode()
    assert "First: your safety" in html
    assert SupportPlan.objects.get(owner=user).in_own_words == "I want to end my life"


@pytest.mark.parametrize("step, data, message", [
    ("situation", {"concerns": ["made_up"]}, "is not one of the available choices"),
    ("details", {"duration": "forever"}, "is not one of the available choices"),
    ("preferences", {"zip": "1234567890"}, "Enter a five-digit US ZIP code"),
])
def test_bad_answers_get_a_clear_message_and_a_400(client_for, user, step, data, message):
    response = client_for(user).post(reverse("support:needs", kwargs={"step": step}), data)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_an_unknown_step_is_not_found(client_for, user):
    assert client_for(user).get(reverse("support:needs", kwargs={"step": "nope"})).status_code == 404


def test_own_steps_and_follow_up_day(client_for, user):
    client = client_for(user)
    walk_the_flow(client, situation={"concerns": ["stress"]}, details={}, preferences={})
    plan = SupportPlan.objects.get(owner=user)
    client.post(reverse("support:own_step", kwargs={"plan_id": plan.pk}), {"text": "Go for a walk with Sam"})
    assert plan.steps.filter(kind="own").get().own_text == "Go for a walk with Sam"
    bad = client.post(reverse("support:follow_up", kwargs={"plan_id": plan.pk}), {"on": "2001-01-01"})
    assert bad.status_code == 400 and "Choose a day after today." in bad.content.decode()


def test_someone_else_cannot_touch_my_plan(client_for, user):
    walk_the_flow(client_for(user), situation={"concerns": ["stress"]}, details={}, preferences={})
    plan = SupportPlan.objects.get(owner=user)
    step = plan.steps.first()
    other = client_for(UserFactory())
    assert other.get(reverse("support:joint", kwargs={"plan_id": plan.pk})).status_code == 404
    response = other.post(reverse("support:step_done", kwargs={"plan_id": plan.pk, "step_id": step.pk}), {"done": "1"})
    assert response.status_code == 404
    step.refresh_from_db()
    assert step.done_at is None


def test_revising_keeps_ticked_steps(client_for, user):
    client = client_for(user)
    walk_the_flow(client, situation={"concerns": ["loneliness"]}, details={}, preferences={})
    step = PlanStep.objects.filter(plan__owner=user, pathway="trusted_people", key="message").get()
    client.post(reverse("support:step_done", kwargs={"plan_id": step.plan_id, "step_id": step.pk}), {"done": "1"})
    walk_the_flow(client, situation={"concerns": ["loneliness", "grief"]}, details={}, preferences={})
    step.refresh_from_db()
    assert step.done_at is not None


def test_the_plan_reads_in_spanish_with_the_persons_answers_quoted(client_for):
    person = UserFactory(language="es")
    client = client_for(person)
    client.cookies["django_language"] = "es"
    page = walk_the_flow(client, situation={"concerns": ["partner_conflict"]},
                         details={"involves": ["partner"], "duration": "long", "impact": "a_lot"}, preferences={})
    html = page.content.decode()
    assert "Terapia de pareja" in html
    assert "las discusiones o la distancia con tu pareja" in html and "más de tres meses" in html


def test_starting_over_deletes_the_plan_and_its_steps(client_for, user):
    client = client_for(user)
    walk_the_flow(client, situation={"concerns": ["stress"]}, details={}, preferences={})
    assert "Yes, delete my plan" in client.get(reverse("support:plan")).content.decode()
    client.post(reverse("support:start_over"))
    assert not SupportPlan.objects.filter(owner=user).exists() and not PlanStep.objects.exists()
    assert "What do I need?" in client.get(reverse("support:plan")).content.decode()
