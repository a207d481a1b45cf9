"""The question bank: loaded, checked, and the real one big enough."""

import pytest

from kinwell.circles.models import CircleKind
from kinwell.daily import bank
from tests.daily import FIXTURE_BANK

GOOD = """
kind = "light"
[[question]]
key = "one"
circles = ["couple"]
child_friendly = true
en = "One?"
es = "¿Uno?"
"""


def write(tmp_path, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_the_fixture_bank_loads_immutable_questions():
    loaded = bank.load(FIXTURE_BANK)
    assert len(loaded) == 12
    question = loaded.get("test-light-sandwich")
    assert question.kind == "light" and question.child_friendly
    assert question.text("es-419").startswith("Si pudieras")
    assert question.text("en") == question.text(None) == question.text("fr")
    with pytest.raises(Exception):
        question.key = "changed"
    with pytest.raises(TypeError):
        question.texts["en"] = "changed"
    assert "test-couples-trip" in loaded.suited_keys("couple")
    assert "test-couples-trip" not in loaded.suited_keys("family")


def test_circle_kinds_match_the_model():
    assert set(bank.CIRCLE_KINDS) == set(CircleKind.values)


def test_loading_is_cached_until_a_file_changes(tmp_path):
    write(tmp_path, "a.toml", GOOD)
    first = bank.load(tmp_path)
    assert bank.load(tmp_path) is first
    write(tmp_path, "a.toml", GOOD.replace('"One?"', '"One more?"'))
    assert bank.load(tmp_path).get("one").text("en") == "One more?"


def test_a_missing_directory_is_an_empty_bank(tmp_path):
    assert len(bank.load(tmp_path / "nowhere")) == 0


@pytest.mark.parametrize("change, message", [
    (('kind = "light"', 'kind = "silly"'), "unknown kind 'silly'"),
    (('circles = ["couple"]', 'circles = ["couple", "club"]'), "question 'one': unknown circle kind(s) club"),
    (('circles = ["couple"]', 'circles = []'), "question 'one': circles must be"),
    (('es = "¿Uno?"', 'es = "  "'), "question 'one': the 'es' text is missing or empty"),
    (('es = "¿Uno?"', ''), "question 'one': the 'es' text is missing or empty"),
    (('child_friendly = true', 'child_friendly = "yes"'), "question 'one': child_friendly must be true or false"),
    (('key = "one"', 'key = 1'), "question 1 has no key"),
    (('en = "One?"', 'en = "One?"\nfr = "Un ?"'), "question 'one': unknown field(s) fr"),
    (('en = "One?"', 'en = ["One?"]'), "question 'one': the 'en' text is missing or empty"),
    (('kind = "light"', 'kind = "light'), "not valid TOML"),
])
def test_a_bad_file_is_refused_naming_the_file_and_the_key(tmp_path, change, message):
    write(tmp_path, "bad.toml", GOOD.replace(*change))
    with pytest.raises(bank.BankError) as error:
        bank.load(tmp_path)
    assert str(error.value).startswith("bad.toml")
    assert message in str(error.value)


def test_a_duplicate_key_names_both_files(tmp_path):
    write(tmp_path, "a.toml", GOOD)
    write(tmp_path, "b.toml", GOOD)
    with pytest.raises(bank.BankError, match=r"b.toml, question 'one': duplicate key \(also in a.toml\)"):
        bank.load(tmp_path)


def test_the_real_bank_is_big_enough_for_every_kind_of_circle():
    if not any(bank.DEFAULT_DIRECTORY.glob("*.toml")):
        pytest.skip("the question bank is not in this tree yet")
    loaded = bank.load(bank.DEFAULT_DIRECTORY)
    assert len(loaded) >= 400
    for kind in bank.CIRCLE_KINDS:
        assert len(loaded.suited_keys(kind)) >= 150, kind
    assert {question.kind for question in loaded.questions} == set(bank.KINDS)
    assert sum(1 for question in loaded.questions if question.child_friendly and question.suits("family")) >= 50
