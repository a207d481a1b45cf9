"""The bank of daily questions, read from `data/questions/*.toml`. Plain Python: no Django.

Each file names its `kind` and holds `[[question]]` tables:

    kind = "light"
    [[question]]
    key = "light-dream-sandwich"          # unique across the whole bank
    circles = ["couple", "family", "friends", "other"]
    child_friendly = true
    en = "If you could invent a new sandwich, what would go in it?"
    es = "Si pudieras inventar un sándwich nuevo, ¿qué llevaría?"

The questions are ours (written for Kinwell, in both languages side by side), so they
are safe to show anywhere, home included. Everything is checked when the bank loads: a
mistake in a file stops the load with `BankError` naming the file and the key, rather
than showing a half-empty question on somebody's day.
"""

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType

DEFAULT_DIRECTORY = Path(__file__).parent / "data" / "questions"
KINDS = ("light", "memories", "dreams", "appreciation", "deeper", "couples", "family", "friends")
# The values of circles.models.CircleKind, repeated here so this module needs no Django
# (tests/daily/test_bank.py keeps the two the same).
CIRCLE_KINDS = ("couple", "family", "friends", "other")
LANGUAGES = ("en", "es")
QUESTION_FIELDS = {"key", "circles", "child_friendly", *LANGUAGES}
LONGEST_QUESTION = 300  # characters: a question is read on a phone, over coffee


class BankError(ValueError):
    """A question file that cannot be used, with the file and key it is about."""


@dataclass(frozen=True)
class Question:
    key: str
    kind: str
    circles: tuple[str, ...]
    child_friendly: bool
    texts: MappingProxyType  # language -> text

    def text(self, language: str | None = "en") -> str:
        """In the reader's language: Spanish for any "es…" language, English otherwise."""
        return self.texts["es"] if (language or "").lower().startswith("es") else self.texts["en"]

    def suits(self, circle_kind: str) -> bool:
        return circle_kind in self.circles


@dataclass(frozen=True)
class Bank:
    questions: tuple[Question, ...]

    @cached_property
    def by_key(self) -> MappingProxyType:
        return MappingProxyType({question.key: question for question in self.questions})

    def get(self, key: str) -> Question | None:
        return self.by_key.get(key)

    def suited_keys(self, circle_kind: str) -> tuple[str, ...]:
        """The keys of every question for this kind of circle, in a stable order."""
        return tuple(sorted(question.key for question in self.questions if question.suits(circle_kind)))

    def __len__(self) -> int:
        return len(self.questions)


def _fail(path: Path, key: str | None, problem: str) -> BankError:
    where = f"{path.name}, question {key!r}" if key else path.name
    return BankError(f"{where}: {problem}")


def _question(path: Path, kind: str, raw, index: int) -> Question:
    if not isinstance(raw, dict):
        raise _fail(path, None, f"question {index + 1} is not a table")
    key = raw.get("key")
    if not isinstance(key, str) or not key.strip():
        raise _fail(path, None, f"question {index + 1} has no key")
    unknown = set(raw) - QUESTION_FIELDS
    if unknown:
        raise _fail(path, key, f"unknown field(s) {', '.join(sorted(unknown))}")
    circles = raw.get("circles")
    if not isinstance(circles, list) or not circles or not all(isinstance(c, str) for c in circles):
        raise _fail(path, key, "circles must be a non-empty list of circle kinds")
    wrong = [c for c in circles if c not in CIRCLE_KINDS]
    if wrong:
        raise _fail(path, key, f"unknown circle kind(s) {', '.join(wrong)}; use {', '.join(CIRCLE_KINDS)}")
    child_friendly = raw.get("child_friendly")
    if not isinstance(child_friendly, bool):
        raise _fail(path, key, "child_friendly must be true or false")
    texts = {}
    for language in LANGUAGES:
        text = raw.get(language)
        if not isinstance(text, str) or not text.strip():
            raise _fail(path, key, f"the {language!r} text is missing or empty")
        if len(text) > LONGEST_QUESTION:
            raise _fail(path, key, f"the {language!r} text is longer than {LONGEST_QUESTION} characters")
        texts[language] = " ".join(text.split())
    return Question(
        key=key.strip(), kind=kind, circles=tuple(dict.fromkeys(circles)), child_friendly=child_friendly,
        texts=MappingProxyType(texts),
    )


def _read_file(path: Path) -> list[Question]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise _fail(path, None, f"not valid TOML ({error})") from error
    kind = data.get("kind")
    if kind not in KINDS:
        raise _fail(path, None, f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    extra = set(data) - {"kind", "question"}
    if extra:
        raise _fail(path, None, f"unknown top-level field(s) {', '.join(sorted(extra))}")
    raw_questions = data.get("question", [])
    if not isinstance(raw_questions, list):
        raise _fail(path, None, "questions must be written as [[question]] tables")
    return [_question(path, kind, raw, index) for index, raw in enumerate(raw_questions)]


def check_unique(found: Iterable[tuple[Path, Question]]) -> tuple[Question, ...]:
    seen: dict[str, Path] = {}
    questions = []
    for path, question in found:
        if question.key in seen:
            raise _fail(path, question.key, f"duplicate key (also in {seen[question.key].name})")
        seen[question.key] = path
        questions.append(question)
    return tuple(questions)


def _files(directory: Path) -> tuple[Path, ...]:
    return tuple(sorted(directory.glob("*.toml"))) if directory.is_dir() else ()


@lru_cache(maxsize=8)
def _load(directory: str, signature: tuple) -> Bank:
    files = _files(Path(directory))
    return Bank(questions=check_unique((path, question) for path in files for question in _read_file(path)))


def load(directory: Path | str = DEFAULT_DIRECTORY) -> Bank:
    """Every question in the directory, checked. A missing directory is an empty bank.
    Kept in memory until a file in it changes (its name, size or modification time)."""
    directory = Path(directory).resolve()
    signature = tuple((path.name, path.stat().st_mtime_ns, path.stat().st_size) for path in _files(directory))
    return _load(str(directory), signature)
