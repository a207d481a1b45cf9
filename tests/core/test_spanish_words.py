"""The Spanish stays Latin American and consistent: no Spain-isms, no retired names for
things that have one name (the glossary in docs/architecture.md, "Accessibility and
language"), one style of quotation marks, and no "o/a" endings, in every compiled
catalogue and in the Spanish of the TOML data."""

import gettext
import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "kinwell"

# Spain-isms and their US Spanish words: costo, agregar, configuración, extrañar,
# felicidades, carro, enojo, computadora, video.
SPAIN = [
    r"\bcostes?\b", r"\bañad\w*", r"\bañád\w*", r"\bajustes\b", r"\bech\w+ de menos\b", r"\benhorabuena\b",
    r"\bcoches?\b", r"\benfad\w*", r"\bordenador\w*", r"\bvídeo\w*", r"\bvosotr\w*", r"\bvuestr\w*",
    r"\bmóvil(es)?\b", r"\bzumo\b", r"(?:^|[.!?]\s+)¡?vale\b(?! la pena)",
]
# Names retired for one name per thing: «Obtén ayuda ahora» for the help-now page,
# «eliminar» for delete, «reconocimiento» for appreciation, «sugerencia» for a nudge,
# «momento difícil» for a hard moment.
RETIRED = [
    r"\bpedir ayuda ahora\b", r"\bbuscar ayuda ahora\b", r"\bayuda inmediata\b", r"\bborr(ar|a|ó|amos|aron)\b",
    r"\bmal momento\b", r"\bmomentos? duros?\b",
    r"\b(?:un|una|el|la|tu|su) (?:aprecio|agradecimiento)\b(?! de)", r"\bempujoncito\b", r"\bdiario de gratitud de %\(name\)s\b.*metas",
]
GRAMMAR = [r"\bSi podría\b", r"\bPase lo que pase, valió\b", r"\bllegó o superó\b", r"\benviaste una\.",
           r"\bLos %\(weekday\)s\b", r"\b\d+,\d\b"]
STYLE = [r"[“”]", r"\b\w+[oe]/a\b", r"\b\w+os/as\b"]
BANNED = [re.compile(p, re.IGNORECASE) for p in SPAIN + RETIRED + GRAMMAR] + [re.compile(p) for p in STYLE]


def catalogues() -> list[Path]:
    return sorted(ROOT.glob("**/locale/es/LC_MESSAGES/django.mo"))


def spanish_toml_strings():
    """Every Spanish prose value in kinwell/*/data (keys "es", "es_*", "*.es"); the
    crisis and coach patterns are left out: they must read whatever Spanish people write."""
    for path in sorted(ROOT.glob("*/data/**/*.toml")):
        if path.name in {"crisis_patterns.toml", "coach_patterns.toml"}:
            yield from _coach_prose(path)
            continue

        def walk(node, key=""):
            if isinstance(node, dict):
                for k, v in node.items():
                    yield from walk(v, k)
            elif isinstance(node, list):
                for v in node:
                    yield from walk(v, key)
            elif isinstance(node, str) and (key == "es" or key.startswith("es_")):
                yield path, node

        yield from walk(tomllib.loads(path.read_text(encoding="utf-8")))


def _coach_prose(path):
    if path.name != "coach_patterns.toml":
        return
    for name, pattern in tomllib.loads(path.read_text(encoding="utf-8")).get("patterns", {}).items():
        for field in ("explanation", "suggestion"):
            text = pattern.get(field, {}).get("es") if isinstance(pattern.get(field), dict) else None
            if text:
                yield path, text


def offences(text: str) -> list[str]:
    return [pattern.pattern for pattern in BANNED if pattern.search(text)]


def test_there_are_catalogues_to_check():
    assert len(catalogues()) >= 10


@pytest.mark.parametrize("path", catalogues(), ids=lambda p: str(p.relative_to(ROOT).parts[0]))
def test_no_banned_words_in_a_compiled_catalogue(path):
    with path.open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    found = []
    for msgid, msgstr in catalogue._catalog.items():
        if not msgid:
            continue
        if hits := offences(msgstr):
            found.append(f"{msgstr[:80]!r}: {hits}")
    assert found == []


def test_no_banned_words_in_the_spanish_of_the_data():
    found = [f"{path.relative_to(ROOT)}: {text[:80]!r}: {hits}" for path, text in spanish_toml_strings()
             if (hits := offences(text))]
    assert found == []


@pytest.mark.parametrize("text", ["Añadir meta", "Coste", "en tus ajustes", "Pedir ayuda ahora", "“hola”",
                                  "preocupado/a", "13,5", "Si podría estar en peligro"])
def test_the_check_catches_what_it_is_meant_to(text):
    assert offences(text)


@pytest.mark.parametrize("text", ["Agregar meta", "Costo", "en tu configuración", "Obtén ayuda ahora", "«hola»",
                                  "vale la pena", "cualquier idea vale.", "una carta de agradecimiento", "13.5", "Si crees que puede estar en peligro"])
def test_the_check_leaves_good_spanish_alone(text):
    assert offences(text) == []
