"""Every path that takes free text from a person reaches the safety check.

Like tests/test_urls.py, nothing here is a hand-kept list of what to check: the forms
are found by importing every app's forms modules and walking the subclasses of Django's
forms, the API fields by walking the OpenAPI document. A free-text field that is not
screened fails until its form names the screened service it feeds (`screened_by`) or it
is put, with its reason, in one of the exemption sets below. Views and api.py modules may
not reach the detector themselves (an AST check), and every screened service is called
with a crisis text in English and Spanish to prove it answers with the assessment.
"""

import ast
import importlib
import pkgutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from django import forms
from django.utils import timezone

import kinwell
from kinwell.safety.models import SafetyPlan
from kinwell.safety.screened import SCREENED, screening_of

KINWELL = Path(kinwell.__file__).resolve().parent

CRISIS_TEXTS = {
    "en": "I don't want to be here anymore, I have the pills ready",
    "es": "ya no quiero vivir",
}


# --------------------------------------------------------------------------- forms

# Form fields that take typed text but are deliberately not screened, by reason.
NAMES_AND_LABELS = {
    # What people call themselves or a circle or a token: a short label others see beside
    # their words, not a place to say how they are (limited to 60-80 characters).
    "accounts.SignUpForm.display_name", "accounts.ProfileForm.display_name", "accounts.ApiTokenForm.name",
    "circles.CircleForm.name", "library.ReplyForm.display_name",
    # Whom a clinician link is for ("Dr. Rivera"), seen only by its owner.
    "summary.LinkForm.label",
}
IDENTIFIERS = {
    # Keys the page or registry gives, checked against their list by the service.
    "moderation.ModerationForm.target_type",
}
SEARCH_QUERIES = {"directory.FinderForm.q", "library.SearchForm.q"}
ZIP_CODES = {"directory.FinderForm.zip"}
# The safety plan is the one place whose purpose is to name warning signs and reasons to
# live; its page always shows the resources, so screening it would only add noise.
SAFETY_PLAN = {f"safety.SafetyPlanForm.{name}" for name in (*SafetyPlan.SECTIONS, "crisis_message")}
# A moderator's note records a decision about someone else's words, at work; the queue
# already shows crisis guidance for held replies.
STAFF_NOTES = {"moderation.ModerationForm.note"}
EXEMPT_FORM_FIELDS = NAMES_AND_LABELS | IDENTIFIERS | SEARCH_QUERIES | ZIP_CODES | SAFETY_PLAN | STAFF_NOTES

# Field types that never hold a person's own words.
NOT_WORDS = (forms.EmailField, forms.URLField, forms.SlugField, forms.UUIDField, forms.GenericIPAddressField)
NOT_WORDS_WIDGETS = (
    forms.PasswordInput,  # passwords
    forms.HiddenInput,  # keys the page itself put there (an activity idea, a tag to filter by)
)


def _import_forms_modules() -> None:
    for module in pkgutil.walk_packages(kinwell.__path__, "kinwell."):
        leaf = module.name.rsplit(".", 1)[-1]
        if leaf == "forms" or leaf.endswith("_forms"):
            importlib.import_module(module.name)


def _import_services_modules() -> None:
    for module in pkgutil.walk_packages(kinwell.__path__, "kinwell."):
        leaf = module.name.rsplit(".", 1)[-1]
        if leaf == "services" or leaf.endswith("_services"):
            importlib.import_module(module.name)


def _our_forms() -> list[type]:
    _import_forms_modules()
    found, todo = set(), [forms.BaseForm]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("kinwell."):
                found.add(sub)
    return sorted(found, key=lambda cls: (cls.__module__, cls.__name__))


def _fields_of(form_class) -> dict:
    """The form's fields, as built (fields added in __init__ too, when it needs no arguments)."""
    try:
        return form_class().fields
    except TypeError:
        return form_class.base_fields


def _key(form_class, name: str) -> str:
    return f"{form_class.__module__.split('.')[1]}.{form_class.__name__}.{name}"


def _free_text_form_fields() -> dict[str, tuple[type, str]]:
    found = {}
    for form_class in _our_forms():
        for name, field in _fields_of(form_class).items():
            if not isinstance(field, forms.CharField) or isinstance(field, NOT_WORDS):
                continue
            if isinstance(field.widget, NOT_WORDS_WIDGETS):
                continue
            found[_key(form_class, name)] = (form_class, name)
    return found


def test_every_free_text_form_field_feeds_a_screened_service():
    _import_services_modules()
    unscreened = []
    for key, (form_class, name) in _free_text_form_fields().items():
        if key in EXEMPT_FORM_FIELDS:
            continue
        services = getattr(form_class, "screened_by", ())
        parameter = getattr(form_class, "screened_as", {}).get(name, name)
        if not services:
            unscreened.append(f"{key}: the form names no screened service (screened_by)")
        for service in services:
            screening = screening_of(service)
            if screening is None or parameter not in screening.fields:
                unscreened.append(f"{key}: {getattr(service, '__qualname__', service)} does not screen {parameter!r}")
    assert unscreened == [], "Screen these fields with @screens (kinwell/safety/screened.py) or exempt them here"


def test_the_form_exemptions_name_real_fields():
    assert EXEMPT_FORM_FIELDS - set(_free_text_form_fields()) == set(), "Remove exemptions for fields that are gone"


def test_free_text_is_found_in_the_forms_people_write_in():
    """The walk itself works: a few fields we know take words are found."""
    found = set(_free_text_form_fields())
    assert {"talk.CoachForm.text", "journal.EntryForm.text", "checkins.CheckInForm.note",
            "checkins.CheckInForm.new_tags", "talk.ViewForm.needs"} <= found


# ----------------------------------------------------------------------------- API

# Request fields that are strings but not a person's words, by operation and field.
API_NOT_WORDS = {
    # Names and labels (see NAMES_AND_LABELS above).
    "accounts.update_me.display_name", "circles.create_circle.name", "library.post_reply.display_name",
    # Settings from fixed lists, checked by the service: time zones, languages, codes.
    "accounts.update_me.time_zone", "accounts.update_me.language",
    "connect.propose_plan.time_zone", "connect.suggest_time.time_zone", "connect.propose_plan.activity",
    "checkins.create_checkin.feelings", "checkins.update_checkin.feelings",
    "screening.submit.instrument", "screening.start.instrument",
    # Identifiers, addresses and tokens.
    "circles.create_invitation.email", "circles.accept_invitation.token", "circles.decline_invitation.token",
    "library.report.target_type", "library.report.target_id",
}
WRITES = ("post", "put", "patch")
NOT_WORDS_FORMATS = {"email", "date", "date-time", "time", "uri", "uuid", "binary", "password"}


@pytest.fixture(scope="module")
def openapi(django_db_setup, django_db_blocker):
    from django.test import Client

    with django_db_blocker.unblock():
        response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def _resolve(doc, schema: dict) -> dict:
    while "$ref" in schema:
        schema = doc["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _properties(doc, schema: dict) -> dict:
    schema = _resolve(doc, schema)
    found = {}
    for part in schema.get("allOf", []):
        found.update(_properties(doc, part))
    found.update(schema.get("properties", {}))
    return found


def _takes_words(doc, schema: dict) -> bool:
    schema = _resolve(doc, schema)
    if "anyOf" in schema:
        return any(_takes_words(doc, part) for part in schema["anyOf"])
    if schema.get("type") == "array":
        return _takes_words(doc, schema.get("items", {}))
    return (
        schema.get("type") == "string"
        and not {"enum", "const", "pattern"} & set(schema)
        and schema.get("format") not in NOT_WORDS_FORMATS
    )


def _operation_key(operation: dict) -> str:
    # "kinwell_talk_api_coach" -> "talk.coach"
    _kinwell, app, rest = operation["operationId"].split("_", 2)
    return f"{app}.{rest.split('api_', 1)[1]}"


def _free_text_api_fields(doc) -> dict[str, dict]:
    found = {}
    for operations in doc["paths"].values():
        for method, operation in operations.items():
            if method not in WRITES or "requestBody" not in operation:
                continue
            for media in operation["requestBody"]["content"].values():
                for name, schema in _properties(doc, media["schema"]).items():
                    if _takes_words(doc, schema):
                        found[f"{_operation_key(operation)}.{name}"] = operation
    return found


def _answers_with_safety(doc, operation: dict) -> bool:
    answers = [
        response for status, response in operation["responses"].items() if status.startswith("2")
    ]
    return bool(answers) and all(
        "safety" in _properties(doc, media["schema"])
        for response in answers for media in response.get("content", {}).values()
    )


def test_every_api_field_that_takes_words_answers_with_safety(openapi):
    missing = sorted(
        key for key, operation in _free_text_api_fields(openapi).items()
        if key not in API_NOT_WORDS and not _answers_with_safety(openapi, operation)
    )
    assert missing == [], "These operations take free text but do not answer with `safety` from a screened service"


def test_the_api_exemptions_name_real_fields(openapi):
    assert API_NOT_WORDS - set(_free_text_api_fields(openapi)) == set(), "Remove exemptions for fields that are gone"


def test_the_coach_endpoint_is_found_and_answers_with_safety(openapi):
    fields = _free_text_api_fields(openapi)
    assert "talk.coach.text" in fields and _answers_with_safety(openapi, fields["talk.coach.text"])


# ----------------------------------------------------- views and the API only present

# What assesses text (or shortcuts the screened coach service) and so belongs in services.
FORBIDDEN_MODULES = {"kinwell.safety.detector", "kinwell.talk.coach"}
FORBIDDEN_NAMES = {
    "assess", "assess_free_text", "safety_report", "offer_help", "respond_to_assessment", "respond_to_urgent_answer",
    "review",
}


def _presenting_modules() -> list[Path]:
    return sorted(
        path for path in KINWELL.rglob("*.py")
        if path.name in ("views.py", "api.py") or path.name.endswith("_views.py")
    )


def _reaches_the_detector(path: Path) -> list[str]:
    problems = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module in FORBIDDEN_MODULES:
                problems.append(f"imports from {node.module}")
            if node.module == "kinwell.safety" and any(a.name == "detector" for a in node.names):
                problems.append("imports kinwell.safety.detector")
            problems += [f"imports {a.name}" for a in node.names if a.name in FORBIDDEN_NAMES]
        elif isinstance(node, ast.Import):
            problems += [f"imports {a.name}" for a in node.names if a.name in FORBIDDEN_MODULES]
        elif isinstance(node, ast.Call):
            called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
            if called in FORBIDDEN_NAMES:
                problems.append(f"calls {called}() on line {node.lineno}")
    return problems


def test_no_view_or_api_module_reaches_the_detector():
    modules = _presenting_modules()
    assert len(modules) > 20  # the walk found the apps' views and APIs
    found = {str(path.relative_to(KINWELL)): _reaches_the_detector(path) for path in modules}
    assert {path: problems for path, problems in found.items() if problems} == {}


def test_the_ast_check_catches_a_view_that_assesses(tmp_path):
    view = tmp_path / "views.py"
    view.write_text(
        "from kinwell.safety.detector import assess\n"
        "from kinwell.safety import services\n"
        "def page(request):\n    services.assess_free_text(author=request.user, text='x')\n"
    )
    assert _reaches_the_detector(view) == ["imports from kinwell.safety.detector", "imports assess",
                                           "calls assess_free_text() on line 4"]


# --------------------------------------------- every screened service, with a crisis text

def _conflict_at(stage: str, world):
    """A round between Ana and Ben moved on to `stage` with ordinary words."""
    from kinwell.talk import conflict_services as talk

    ana, ben, circle = world["ana"], world["ben"], world["circle"]
    conflict = talk.open_conflict(opener=ana, circle=circle, people=[ben], issue="Dishes").value
    if stage == "views":
        return conflict
    talk.write_view(actor=ana, conflict=conflict, view="They pile up", feelings="tired", needs="help")
    talk.write_view(actor=ben, conflict=conflict, view="I do them later", feelings="rushed", needs="time")
    if stage == "reflecting":
        return conflict
    talk.write_reflection(actor=ana, conflict=conflict, text="You do them later")
    talk.write_reflection(actor=ben, conflict=conflict, text="You are tired")
    if stage == "brainstorming":
        return conflict
    talk.add_option(actor=ben, conflict=conflict, text="Take turns")
    talk.finish_brainstorm(actor=ana, conflict=conflict)
    if stage == "agreeing":
        return conflict
    talk.propose_agreement(actor=ana, conflict=conflict, text="Turns", check_back_on=timezone.localdate() + timedelta(days=3))
    talk.accept_agreement(actor=ben, conflict=conflict)
    return conflict


def _conversation(world):
    from kinwell.talk import services as talk

    return talk.start_conversation(starter=world["ana"], circle=world["circle"], partner=world["ben"], topic="Evenings").value


def _calls(world, text: str) -> dict:
    """How a person reaches each screened service, with `text` in a screened field."""
    from kinwell.checkins import services as checkins
    from kinwell.circles import services as circles
    from kinwell.connect import services as connect
    from kinwell.journal import services as journal
    from kinwell.library import services as library
    from kinwell.moderation import services as moderation
    from kinwell.support import services as support
    from kinwell.support.rules import Signals
    from kinwell.talk import conflict_services, services as talk
    from tests.factories import post_reply

    ana, ben, circle = world["ana"], world["ben"], world["circle"]
    later = datetime.now() + timedelta(days=3)
    return {
        "kinwell.circles.services.add_boundary": lambda: circles.add_boundary(user=ana, circle=circle, text=text),
        "kinwell.checkins.services.record_checkin": lambda: checkins.record_checkin(owner=ana, mood=1, note=text),
        "kinwell.checkins.services.update_checkin": lambda: checkins.update_checkin(
            owner=ana, checkin_id=checkins.record_checkin(owner=ana, mood=3).value.pk, note=text),
        "kinwell.checkins.services.respond_to_checkin": lambda: checkins.respond_to_checkin(
            author=ben, checkin_id=world["shared_checkin"].pk, reaction="message", message=text),
        "kinwell.journal.services.add_entry": lambda: journal.add_entry(owner=ana, text=text),
        "kinwell.journal.services.update_entry": lambda: journal.update_entry(
            owner=ana, entry_id=journal.add_entry(owner=ana, text="A walk").value.pk, text=text),
        "kinwell.journal.services.add_goal": lambda: journal.add_goal(owner=ana, area="rest", title="Sleep", note=text),
        "kinwell.connect.services.send_appreciation": lambda: connect.send_appreciation(
            sender=ana, circle=circle, recipient_id=ben.pk, text=text),
        "kinwell.connect.services.celebrate_win": lambda: connect.celebrate_win(author=ana, circle=circle, text=text),
        "kinwell.connect.services.add_gratitude": lambda: connect.add_gratitude(owner=ana, text=text),
        "kinwell.connect.services.propose_plan": lambda: connect.propose_plan(
            proposer=ana, circle=circle, invitee_id=ben.pk, title="A walk", starts_local=later, minutes=60,
            time_zone="UTC", message=text),
        "kinwell.connect.services.suggest_time": lambda: connect.suggest_time(
            actor=ben, plan_id=connect.propose_plan(
                proposer=ana, circle=circle, invitee_id=ben.pk, title="A walk", starts_local=later, minutes=60,
                time_zone="UTC").value.pk,
            starts_local=later + timedelta(days=1), minutes=60, time_zone="UTC", message=text),
        "kinwell.library.services.post_reply": lambda: library.post_reply(
            author=ana, article_slug="first-steps-together", text=text),
        "kinwell.moderation.services.report": lambda: moderation.report(
            reporter=ana, target_type="reply", target_id=post_reply(ben).pk, reason="other", note=text),
        "kinwell.support.services.make_plan": lambda: support.make_plan(
            plan=support.start_or_resume(owner=ana), actor=ana, signals=Signals(), use_what_kinwell_knows=False,
            in_own_words=text),
        "kinwell.support.services.add_own_step": lambda: support.add_own_step(
            plan=support.start_or_resume(owner=ana), actor=ana, text=text),
        "kinwell.support.services.send_to_trusted_person": lambda: support.send_to_trusted_person(
            sender=ana, recipient_id=ben.pk, text=text),
        "kinwell.talk.services.review_draft": lambda: talk.review_draft(author=ana, text=text, language="en"),
        "kinwell.talk.services.start_conversation": lambda: talk.start_conversation(
            starter=ana, circle=circle, partner=ben, topic=text),
        "kinwell.talk.services.act": lambda: talk.act(
            actor=ana, conversation=_conversation(world), event="speak", text=text),
        "kinwell.talk.conflict_services.open_conflict": lambda: conflict_services.open_conflict(
            opener=ana, circle=circle, people=[ben], issue=text),
        "kinwell.talk.conflict_services.write_view": lambda: conflict_services.write_view(
            actor=ana, conflict=_conflict_at("views", world), view="They pile up", feelings=text, needs="help"),
        "kinwell.talk.conflict_services.write_reflection": lambda: conflict_services.write_reflection(
            actor=ana, conflict=_conflict_at("reflecting", world), text=text),
        "kinwell.talk.conflict_services.add_option": lambda: conflict_services.add_option(
            actor=ana, conflict=_conflict_at("brainstorming", world), text=text),
        "kinwell.talk.conflict_services.propose_agreement": lambda: conflict_services.propose_agreement(
            actor=ana, conflict=_conflict_at("agreeing", world), text=text,
            check_back_on=timezone.localdate() + timedelta(days=3)),
        "kinwell.talk.conflict_services.revisit": lambda: conflict_services.revisit(
            actor=ana, conflict=_conflict_at("agreed", world), text=text, keep=True),
        "kinwell.daily.services.answer_question": lambda: _daily_answer(world, text),
        "kinwell.daily.services.reply_to_answer": lambda: _daily_reply(world, text),
    }


def _daily_day(world):
    from kinwell.daily import services as daily

    return daily.open_today(viewer=world["ana"], circle=world["circle"])


def _daily_answer(world, text):
    from kinwell.daily import services as daily

    return daily.answer_question(author=world["ana"], circle=world["circle"], day_id=_daily_day(world).pk, text=text)


def _daily_reply(world, text):
    from kinwell.daily import services as daily

    day, circle = _daily_day(world), world["circle"]
    if not day.revealed:
        daily.answer_question(author=world["ana"], circle=circle, day_id=day.pk, text="A walk")
    theirs = daily.answer_question(author=world["ben"], circle=circle, day_id=day.pk, text="A swim").value
    return daily.reply_to_answer(author=world["ana"], circle=circle, day_id=day.pk, answer_id=theirs.pk, text=text)


@pytest.fixture
def world(db, settings):
    from tests.library import FIXTURE_ARTICLES

    settings.LIBRARY_ARTICLES_DIR = FIXTURE_ARTICLES
    from tests.daily import FIXTURE_BANK

    settings.DAILY_QUESTIONS_DIR = FIXTURE_BANK
    from kinwell.checkins import services as checkins
    from kinwell.circles.models import DataKind
    from tests.factories import CircleFactory, UserFactory, share

    ana, ben = UserFactory(display_name="Ana"), UserFactory(display_name="Ben")
    circle = CircleFactory(owner=ana, members=[ben])
    share(ana, circle, DataKind.CHECKIN_MOOD)
    return {"ana": ana, "ben": ben, "circle": circle,
            "shared_checkin": checkins.record_checkin(owner=ana, mood=2).value}


def _our_screened_services() -> set[str]:
    _import_services_modules()
    return {name for name in SCREENED if name.startswith("kinwell.")}


def test_every_screened_service_has_a_crisis_call_here(world):
    assert set(_calls(world, "")) == _our_screened_services(), "Add a call for the new screened service to _calls"


@pytest.mark.parametrize("language", sorted(CRISIS_TEXTS))
def test_every_screened_service_answers_a_crisis_text_with_its_assessment(world, language):
    calls = _calls(world, CRISIS_TEXTS[language])
    missed = {}
    for name in sorted(_our_screened_services()):
        result = calls[name]()
        if result.safety.level == "none":
            missed[name] = result.safety
    assert missed == {}
