import re
from pathlib import Path

import pytest
from django.urls import reverse

import kinwell.daily
from kinwell.circles.models import CircleKind
from tests.daily.helpers import answer, today
from tests.factories import CircleFactory, UserFactory

PO = Path(kinwell.daily.__file__).parent / "locale" / "es" / "LC_MESSAGES" / "django.po"


def test_every_string_of_the_daily_question_is_in_spanish():
    entries = PO.read_text(encoding="utf-8").split("\n\n")[1:]
    untranslated = [entry for entry in entries
                    if re.search(r'^msgstr(\[\d\])? ""$(?!\n")', entry, re.M) or "#, fuzzy" in entry]
    assert untranslated == []


@pytest.mark.django_db
def test_the_page_is_in_spanish_for_a_spanish_speaker(client_for):
    maya = UserFactory(display_name="Maya")
    jordan = UserFactory(display_name="Jordan", language="es")
    circle = CircleFactory(owner=maya, members=[jordan], kind=CircleKind.COUPLE)
    day = today(maya, circle)
    answer(maya, circle, day)
    page = client_for(jordan).get(reverse("daily:today", args=[circle.pk])).content.decode()
    assert "La pregunta de hoy" in page and "Maya respondió." in page and "Enviar mi respuesta" in page
