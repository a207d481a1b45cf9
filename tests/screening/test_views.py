"""Taking a questionnaire on the web: both modes, pausing and resuming, the result page,
and the safety response to PHQ-9 item 9."""

import pytest
from django.core import mail
from django.urls import reverse

from kinwell.safety import services as safety_services
from kinwell.safety.models import SafetyPlan
from kinwell.safety.panel import SESSION_KEY
from kinwell.screening.models import Response
from tests.factories import CircleFactory, UserFactory, screening_result

pytestmark = pytest.mark.django_db

PHQ9_ITEMS = [f"phq9_{n}" for n in range(1, 10)]


def start(client, instrument="phq9", mode="all"):
    response = client.post(reverse("screening:start", args=[instrument]), {"mode": mode})
    assert response.status_code == 302
    return Response.objects.get(completed_at__isnull=True, instrument=instrument)


def test_the_index_lists_questionnaires_with_csi4_only_for_couples(client_for, user):
    page = client_for(user).get(reverse("screening:index")).content.decode()
    assert "PHQ-9" in page and "GAD-7" in page and "UCLA-3" in page and "CSI-4" not in page
    assert client_for(user).get(reverse("screening:start", args=["csi4"])).status_code == 404
    CircleFactory(kind="couple", owner=user, members=[UserFactory()])
    assert "CSI-4" in client_for(user).get(reverse("screening:index")).content.decode()
    assert client_for(user).get(reverse("screening:start", args=["csi4"])).status_code == 200


def test_the_start_page_shows_source_licence_and_pfizer_notice(client_for, user):
    page = client_for(user).get(reverse("screening:start", args=["phq9"])).content.decode()
    assert "Kroenke K, Spitzer RL, Williams JBW" in page
    assert "No permission required to reproduce" in page and "Pfizer" in page


def test_an_unknown_questionnaire_is_a_404(client_for, user):
    assert client_for(user).get(reverse("screening:start", args=["who5"])).status_code == 404


def test_all_on_one_page_gives_a_correct_result_with_plain_meaning(client_for, user):
    client = client_for(user)
    response = start(client, "gad7")
    answers = {f"gad7_{n}": 2 for n in range(1, 8)} | {"difficulty": 1, "action": "finish"}
    done = client.post(reverse("screening:take", args=[response.pk]), answers)
    assert done.status_code == 302 and done["Location"] == reverse("screening:result", args=[response.pk])
    response.refresh_from_db()
    assert (response.total, response.band) == (14, "moderate")
    page = client.get(done["Location"]).content.decode()
    assert "14 out of 21: Moderate" in page
    assert "This is not a diagnosis" in page
    assert "talk with a doctor, nurse or counsellor" in page
    assert reverse("safety:plan") in page and reverse("screening:fhir", args=[response.pk]) in page


def test_missing_answers_re_render_with_errors_and_status_400(client_for, user):
    client = client_for(user)
    response = start(client, "gad7")
    page = client.post(reverse("screening:take", args=[response.pk]), {"gad7_1": 1, "action": "finish"})
    assert page.status_code == 400
    assert "Please choose an answer to question 2." in page.content.decode()
    response.refresh_from_db()
    assert response.completed_at is None and response.answers == {"gad7_1": 1}


def test_an_answer_that_is_not_a_choice_is_a_400(client_for, user):
    client = client_for(user)
    response = start(client, "gad7")
    page = client.post(reverse("screening:take", args=[response.pk]), {"gad7_1": "7", "action": "pause"})
    assert page.status_code == 400
    assert Response.objects.get(pk=response.pk).answers == {}


def test_one_question_per_screen_can_be_paused_and_resumed(client_for, user):
    client = client_for(user)
    response = start(client, "phq2", mode="one")
    take = reverse("screening:take", args=[response.pk])
    assert "Question 1 of 2" in client.get(take).content.decode()
    moved = client.post(take, {"step": 1, "phq9_1": 3, "action": "next"})
    assert moved["Location"] == f"{take}?step=2"
    paused = client.post(take, {"step": 2, "action": "pause"})
    assert paused["Location"] == reverse("screening:index")
    assert "Continue the PHQ-2" in client.get(reverse("screening:index")).content.decode()
    # Coming back opens the first unanswered question, with the earlier answer kept.
    assert "Question 2 of 2" in client.get(take).content.decode()
    assert start(client, "phq2", mode="one").pk == response.pk
    done = client.post(take, {"step": 2, "phq9_2": 1, "action": "finish"})
    assert done["Location"] == reverse("screening:result", args=[response.pk])
    page = client.get(done["Location"]).content.decode()
    assert "4 out of 6" in page and "Take the PHQ-9" in page  # a positive quick check offers the full one


def test_a_result_is_only_its_owners(client_for, user, other_user):
    result = screening_result(user, "gad7", total=3)
    for name in ("screening:result", "screening:fhir", "screening:take"):
        assert client_for(other_user).get(reverse(name, args=[result.pk])).status_code == 404
    assert client_for(other_user).post(reverse("screening:delete", args=[result.pk])).status_code == 404
    assert Response.objects.filter(pk=result.pk).exists()


def test_the_owner_can_delete_a_result(client_for, user):
    result = screening_result(user, "gad7", total=3)
    client_for(user).post(reverse("screening:delete", args=[result.pk]))
    assert not Response.objects.filter(pk=result.pk).exists()


# --- Safety: PHQ-9 item 9 ---------------------------------------------------------


@pytest.fixture
def contact_arranged(user):
    contact = UserFactory(display_name="Sam", email="sam@example.org")
    CircleFactory(owner=user, members=[contact])
    safety_services.update_plan(owner=user, crisis_contact_id=contact.pk, tell_without_asking=True)
    return contact


@pytest.mark.parametrize("item9", [2, 3])
def test_item_9_from_more_than_half_the_days_shows_the_urgent_panel_whatever_the_total(client_for, user, item9):
    client = client_for(user)
    response = start(client)
    answers = {key: 0 for key in PHQ9_ITEMS} | {"phq9_9": item9, "action": "finish"}
    done = client.post(reverse("screening:take", args=[response.pk]), answers)
    page = client.get(done["Location"]).content.decode()
    assert 'id="crisis-panel-title"' in page and "You don’t have to go through this alone" in page  # the safety layer's urgent panel
    assert "About your answer to question 9" in page
    assert reverse("core:help_now") in page
    assert Response.objects.get(pk=response.pk).band == "minimal"


def test_item_9_at_zero_shows_no_panel_even_when_severe(client_for, user):
    client = client_for(user)
    response = start(client)
    answers = {key: 3 for key in PHQ9_ITEMS} | {"phq9_9": 0, "action": "finish"}
    page = client.get(client.post(reverse("screening:take", args=[response.pk]), answers)["Location"]).content.decode()
    assert "crisis-panel" not in page
    assert "as soon as you can" in page  # severe: the clearest push to professional help


def test_item_9_tells_the_contact_once_when_arranged(
    client_for, user, contact_arranged, django_capture_on_commit_callbacks
):
    client = client_for(user)
    response = start(client, mode="one")
    take = reverse("screening:take", args=[response.pk])
    with django_capture_on_commit_callbacks(execute=True):
        for step, key in enumerate(PHQ9_ITEMS, start=1):
            client.post(take, {"step": step, key: 2 if key == "phq9_9" else 0, "action": "next"})
    assert [message.to for message in mail.outbox] == [["sam@example.org"]]
    # The panel is on the page right after the answer, before the result.
    assert client.session.get(SESSION_KEY, {}).get("level") == "urgent"
    assert 'id="crisis-panel-title"' in client.get(f"{take}?step=10").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(take, {"step": 10, "action": "finish"})
    assert len(mail.outbox) == 1, "told once for the sitting, not again on finishing"
    assert Response.objects.get(pk=response.pk).is_complete


def test_item_9_does_not_tell_the_contact_unless_arranged(client_for, user, django_capture_on_commit_callbacks):
    contact = UserFactory(email="sam@example.org")
    CircleFactory(owner=user, members=[contact])
    safety_services.update_plan(owner=user, crisis_contact_id=contact.pk, tell_without_asking=False)
    client = client_for(user)
    response = start(client)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("screening:take", args=[response.pk]),
            {key: 0 for key in PHQ9_ITEMS} | {"phq9_9": 2, "action": "finish"},
        )
    assert mail.outbox == []
    assert client.session[SESSION_KEY]["level"] == "urgent"


def test_item_9_on_several_days_shows_help_as_a_concern_and_never_tells_anyone(
    client_for, user, contact_arranged, django_capture_on_commit_callbacks
):
    """ "Several days" is asked about and supported, not treated like an urgent text: the
    panel (as a concern) and the question-9 section, but no automatic message."""
    client = client_for(user)
    response = start(client, mode="one")
    take = reverse("screening:take", args=[response.pk])
    with django_capture_on_commit_callbacks(execute=True):
        for step, key in enumerate(PHQ9_ITEMS, start=1):
            client.post(take, {"step": step, key: 1 if key == "phq9_9" else 0, "action": "next"})
        assert client.session.get(SESSION_KEY, {}).get("level") == "concern"
        panel = client.get(f"{take}?step=10").content.decode()
        done = client.post(take, {"step": 10, "action": "finish"})
    assert mail.outbox == []
    assert 'id="crisis-panel-title"' in panel and "crisis-panel--urgent" not in panel
    # Help, and the person's own choice to reach out: the button, never "we are letting them know".
    assert "Let Sam know I could use some support" in panel and "we are letting" not in panel
    assert SESSION_KEY not in client.session, "shown once, not again on finishing"
    page = client.get(done["Location"]).content.decode()
    assert "About your answer to question 9" in page and reverse("core:help_now") in page
    assert SafetyPlan.objects.get(owner=user).contact_told_at is None


def test_history_points_out_a_big_phq9_change_and_has_a_chart_and_table(client_for, user):
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    screening_result(user, "phq9", total=16, when=now - timedelta(days=28))
    screening_result(user, "phq9", total=8, when=now)
    page = client_for(user).get(reverse("screening:history")).content.decode()
    assert "<svg" in page and "<title" in page and "<desc" in page and "<table>" in page
    assert "Down 8 points since last time" in page
    assert "Moved from “Moderately severe” to “Mild”" in page


def test_the_printable_summary_lists_results_and_says_not_a_diagnosis(client_for, user):
    screening_result(user, "gad7", total=11)
    page = client_for(user).get(reverse("screening:summary")).content.decode()
    assert "not a diagnosis" in page and "Moderate" in page and "Latest GAD-7 answers" in page


def test_discarding_an_unfinished_questionnaire(client_for, user):
    client = client_for(user)
    response = start(client, "gad2")
    client.post(reverse("screening:discard", args=[response.pk]))
    assert not Response.objects.filter(pk=response.pk).exists()


def test_item_9_starts_the_safety_response_even_when_other_answers_are_missing(client_for, user):
    client = client_for(user)
    response = start(client)
    page = client.post(reverse("screening:take", args=[response.pk]), {"phq9_9": 3, "action": "finish"})
    assert page.status_code == 400
    body = page.content.decode()
    assert 'id="crisis-panel-title"' in body and "Please choose an answer to question 1." in body
    assert Response.objects.get(pk=response.pk).safety_started_at is not None


def test_in_spanish_the_gad7_is_the_official_spanish_version_with_its_attribution(client_for):
    ana = UserFactory(language="es")
    client = client_for(ana)
    response = start(client, "gad7")
    page = client.get(reverse("screening:take", args=[response.pk])).content.decode()
    assert "Ver mi resultado" in page and "versión oficial en español" in page
    assert "¿qué tan seguido ha tenido molestias debido a los siguientes problemas?" in page
    assert '<span lang="es">Se ha sentido nervioso(a), ansioso(a) o con los nervios de punta</span>' in page
    assert '<span lang="es">Más de la mitad de los días</span>' in page
    assert "Feeling nervous" not in page and "Several days" not in page
    assert "No se necesita permiso para reproducirlo" in page and "phqscreeners.com" in page
    answers = {f"gad7_{n}": 1 for n in range(1, 8)} | {"action": "finish"}
    result = client.get(client.post(reverse("screening:take", args=[response.pk]), answers)["Location"]).content.decode()
    assert "7 de 21: Leve" in result and "Esto no es un diagnóstico" in result
    assert "Ha tenido miedo de que algo terrible fuera a pasar" in result and "Varios días" in result
    assert "Versión oficial en español para EE. UU." in result


def test_the_spanish_phq9_shows_the_official_item_9_and_difficulty_question(client_for):
    client = client_for(UserFactory(language="es"))
    response = start(client, "phq9")
    page = client.get(reverse("screening:take", args=[response.pk])).content.decode()
    assert "9. <span lang=\"es\">Pensamientos de que estaría mejor muerto(a) o de lastimarse de alguna manera</span>" in page
    assert ("Si marcó cualquiera de los problemas, ¿qué tanta dificultad le han dado estos problemas para hacer su "
            "trabajo, encargarse de las tareas del hogar, o llevarse bien con otras personas?") in page
    assert "No ha sido difícil" in page and "Extremadamente difícil" in page


def test_in_english_the_items_stay_in_their_published_english(client_for, user):
    client = client_for(user)
    response = start(client, "phq9")
    page = client.get(reverse("screening:take", args=[response.pk])).content.decode()
    assert '<span lang="en">Thoughts that you would be better off dead or of hurting yourself in some way</span>' in page
    assert "Pensamientos" not in page and "versión" not in page


@pytest.mark.parametrize("instrument", ["ucla3", "csi4"])
def test_a_questionnaire_without_a_validated_spanish_version_says_so_in_one_consistent_sentence(client_for, instrument):
    ana = UserFactory(language="es")
    CircleFactory(kind="couple", owner=ana, members=[UserFactory()])
    client = client_for(ana)
    note = "Para este cuestionario no usamos una versión en español validada; la traducción es nuestra."
    start_page = client.get(reverse("screening:start", args=[instrument])).content.decode()
    response = start(client, instrument)
    take_page = client.get(reverse("screening:take", args=[response.pk])).content.decode()
    for page in (start_page, take_page):
        assert page.count(note) == 1
        # One sentence, and nothing that claims an official Spanish version.
        assert "oficial" not in page and "inglés" not in page
    assert note.count(".") == 1
    assert "¿Con qué frecuencia sientes que te falta compañía?" in take_page or "Tengo una relación cálida" in take_page


def test_csi4_in_a_couple_circle_gives_its_total_and_plain_meaning(client_for, user):
    CircleFactory(kind="couple", owner=user, members=[UserFactory()])
    client = client_for(user)
    response = start(client, "csi4")
    answers = {"csi4_1": 2, "csi4_2": 3, "csi4_3": 3, "csi4_4": 3, "action": "finish"}
    page = client.get(client.post(reverse("screening:take", args=[response.pk]), answers)["Location"]).content.decode()
    assert "11 out of 21: Less satisfied" in page and "below 13.5" in page and "Funk JL, Rogge RD" in page


def test_ucla3_reports_the_total_without_a_clinical_label(client_for, user):
    client = client_for(user)
    response = start(client, "ucla3")
    answers = {"ucla_1": 3, "ucla_2": 2, "ucla_3": 1, "action": "finish"}
    page = client.get(client.post(reverse("screening:take", args=[response.pk]), answers)["Location"]).content.decode()
    assert "6 out of 9" in page and "There is no label for it" in page
    for label in ("Minimal", "Mild", "Moderate", "Severe"):
        assert label not in page


@pytest.mark.parametrize("total, noted", [(8, True), (13, True), (14, False), (20, False)])
def test_a_low_csi4_result_names_fear_and_control_and_links_the_partner_violence_article(
    client_for, user, total, noted
):
    result = screening_result(user, "csi4", total=total)
    page = client_for(user).get(reverse("screening:result", args=[result.pk])).content.decode()
    link = reverse("library:article", kwargs={"slug": "when-you-do-not-feel-safe-with-someone-close-to-you"})
    assert ("Low satisfaction can sometimes come from fear or control" in page) is noted
    assert (link in page) is noted


def test_no_other_questionnaire_speaks_of_fear_and_control(client_for, user):
    result = screening_result(user, "phq9", total=20)
    assert "fear or control" not in client_for(user).get(reverse("screening:result", args=[result.pk])).content.decode()
