"""The import parsers on their own: plain Python, table-driven, every malformed case."""

import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from kinwell.checkins import importing
from kinwell.checkins.importing import ImportProblem, Limits, parse

SAMPLE = Path(__file__).parent / "data" / "daylio_sample.csv"
LIMITS = Limits(feelings=frozenset({"calm", "sad", "tired", "anxious"}))
DAYLIO_HEADER = "full_date,date,weekday,time,mood,activities,note_title,note\n"
OUR_HEADER = "day,recorded_at,mood,feelings,stress,sleep_hours,energy,tags,note,wants_support\n"


def daylio(*lines: str) -> bytes:
    return (DAYLIO_HEADER + "\n".join(lines) + "\n").encode()


def ours(*lines: str) -> bytes:
    return (OUR_HEADER + "\n".join(lines) + "\n").encode()


def test_the_daylio_sample_reads_with_moods_tags_notes_and_times():
    parsed = parse("daylio", SAMPLE.read_bytes(), limits=LIMITS)
    by_day = {row.day: row for row in parsed.rows}
    assert len(parsed.rows) == 6
    pizza = by_day[date(2025, 3, 14)]
    assert pizza.mood == 4 and pizza.line == 2
    assert pizza.tags == ("friends", "good meal", "movies")
    assert pizza.note.startswith("Pizza night\n\nLina came round")
    assert pizza.recorded_at == datetime(2025, 3, 14, 21, 40)
    assert by_day[date(2025, 3, 13)].recorded_at == datetime(2025, 3, 13, 7, 55)
    assert by_day[date(2025, 3, 13)].tags == ("work", "rest")
    # A quoted note over two lines: one row, and the next row's line number is right.
    assert by_day[date(2025, 3, 12)].note == "Long day\n\nDeadline moved again.\nToo tired to cook, toast for dinner."
    assert by_day[date(2025, 3, 11)].line == 6 and by_day[date(2025, 3, 11)].mood == 5
    assert by_day[date(2025, 3, 11)].tags == ("exercise", "outdoors", "family")
    assert by_day[date(2025, 3, 10)].mood == 1 and by_day[date(2025, 3, 10)].note == ""
    assert by_day[date(2025, 3, 8)].tags == ("partner", "gaming")
    # A renamed mood is skipped with its reason, not guessed.
    assert [(skip.line, skip.reason, skip.params) for skip in parsed.skipped] == [
        (8, "unknown_mood", {"value": "so-so"})
    ]


def test_the_person_can_name_their_own_daylio_moods():
    parsed = parse("daylio", SAMPLE.read_bytes(), limits=LIMITS, mood_names={"So-so": 3})
    assert not parsed.skipped and len(parsed.rows) == 7


def test_the_same_file_gives_the_same_keys_and_a_changed_row_a_new_one():
    first = parse("daylio", SAMPLE.read_bytes(), limits=LIMITS)
    again = parse("daylio", SAMPLE.read_bytes(), limits=LIMITS)
    assert [row.key for row in first.rows] == [row.key for row in again.rows]
    assert len({row.key for row in first.rows}) == len(first.rows)
    changed = parse("daylio", SAMPLE.read_bytes().replace(b"Pizza night", b"Pasta night"), limits=LIMITS)
    assert {row.key for row in changed.rows} ^ {row.key for row in first.rows} != set()
    assert len({row.key for row in changed.rows} & {row.key for row in first.rows}) == 5


def test_a_byte_order_mark_and_windows_line_endings_change_nothing():
    plain = parse("daylio", SAMPLE.read_bytes(), limits=LIMITS)
    windows = parse("daylio", b"\xef\xbb\xbf" + SAMPLE.read_bytes().replace(b"\n", b"\r\n"), limits=LIMITS)
    assert [(row.line, row.key, row.note) for row in windows.rows] == [(row.line, row.key, row.note) for row in plain.rows]


@pytest.mark.parametrize(
    "lines, expected",
    [
        (['2025-03-01,March 1,Saturday,9:05 pm,GOOD,Work|  Family  ,,"x"'], (4, ("work", "family"), datetime(2025, 3, 1, 21, 5))),
        (["2025-03-01,March 1,Saturday,12:00 am,awful,,,"], (1, (), datetime(2025, 3, 1, 0, 0))),
        (["2025-03-01,March 1,Saturday,,meh,Choir practice,,"], (3, ("choir practice",), None)),
        (["2025-03-01,March 1,Saturday,08:30:15,rad,gym | yoga,,"], (5, ("exercise",), datetime(2025, 3, 1, 8, 30, 15))),
    ],
)
def test_daylio_rows(lines, expected):
    (row,) = parse("daylio", daylio(*lines), limits=LIMITS).rows
    assert (row.mood, row.tags, row.recorded_at) == expected


def test_more_daylio_activities_than_tags_are_kept_in_the_note():
    names = " | ".join(f"thing {n}" for n in range(15))
    (row,) = parse("daylio", daylio(f"2025-03-01,March 1,Saturday,10:00,good,{names},,Busy"), limits=LIMITS).rows
    assert len(row.tags) == 12 and row.note == "Busy\n\nAlso: thing 12, thing 13, thing 14"


@pytest.mark.parametrize(
    "format, data, code, line, field",
    [
        ("daylio", b"", "empty", None, ""),
        ("daylio", b"   \r\n", "empty", None, ""),
        ("daylio", DAYLIO_HEADER.encode(), "empty", None, ""),
        ("daylio", b"full_date,time,mood\n2025-03-01,10:00,good\n", "missing_columns", 1, ""),
        ("daylio", daylio("01/03/2025,March 1,Saturday,10:00,good,,,"), "bad_date", 2, "full_date"),
        ("daylio", daylio("2025-02-30,Feb 30,Sunday,10:00,good,,,"), "bad_date", 2, "full_date"),
        ("daylio", daylio("2025-03-01,March 1,Saturday,25:00,good,,,"), "bad_time", 2, "time"),
        ("daylio", daylio("2025-03-01,March 1,Saturday,13:00 pm,good,,,"), "bad_time", 2, "time"),
        ("daylio", daylio("2025-03-01,March 1,Saturday,10:00,good,,"), "cell_count", 2, ""),
        ("daylio", daylio('2025-03-01,March 1,Saturday,10:00,good,,,"never closed'), "not_csv", 2, ""),
        ("daylio", b"full_date,date,weekday,time,mood,activities,note_title,note\n2025-03-01,a,b,10:00,good,,,\xff\n",
         "not_utf8", 2, ""),
        ("daylio", ours("2025-03-01,,3,,,,,,,"), "wrong_format", 1, ""),
        ("daylio", b'{"checkins": []}', "wrong_format", 1, ""),
        ("csv", SAMPLE.read_bytes(), "wrong_format", 1, ""),
        ("csv", b"day,mood\n2025-03-01,3\n", "missing_columns", 1, ""),
        ("csv", ours("2025-03-01,,6,,,,,,,"), "out_of_range", 2, "mood"),
        ("csv", ours("2025-03-01,,0,,,,,,,"), "out_of_range", 2, "mood"),
        ("csv", ours("2025-03-01,,great,,,,,,,"), "bad_number", 2, "mood"),
        ("csv", ours("2025-03-01,,,,,,,,,"), "missing_value", 2, "mood"),
        ("csv", ours(",,3,,,,,,,"), "missing_value", 2, "day"),
        ("csv", ours("2025-03-01,,3,,,,,,,", "yesterday,,3,,,,,,,"), "bad_date", 3, "day"),
        ("csv", ours("2025-03-01,noon,3,,,,,,,"), "bad_date", 2, "recorded_at"),
        ("csv", ours("2025-03-01,,3,joyful,,,,,,"), "unknown_feelings", 2, "feelings"),
        ("csv", ours("2025-03-01,,3,,11,,,,,"), "out_of_range", 2, "stress"),
        ("csv", ours("2025-03-01,,3,,,25,,,,"), "out_of_range", 2, "sleep_hours"),
        ("csv", ours("2025-03-01,,3,,,NaN,,,,"), "out_of_range", 2, "sleep_hours"),
        ("csv", ours("2025-03-01,,3,,,lots,,,,"), "bad_number", 2, "sleep_hours"),
        ("csv", ours("2025-03-01,,3,,,,9,,,"), "out_of_range", 2, "energy"),
        ("csv", ours("2025-03-01,,3,,,,,,,maybe"), "bad_yes_no", 2, "wants_support"),
        ("csv", ours("2025-03-01,,3,,,,," + "|".join(f"t{n}" for n in range(13)) + ",,"), "too_many_tags", 2, "tags"),
        ("json", b'{"checkins": [{"day": "2025-03-01", "mood": 3}', "not_json", 1, ""),
        ("json", b'[\n{"day": "2025-03-01", "mood": 3},\n{"day": "2025-03-02", "mood": 3\n', "not_json", 4, ""),
        ("json", b'{"checkins": {"day": "2025-03-01"}}', "json_shape", None, ""),
        ("json", b'"hello"', "json_shape", None, ""),
        ("json", b'[{"day": "2025-03-01", "mood": 3}, 7]', "json_entry", 2, ""),
        ("json", b'[{"day": "2025-03-01", "mood": true}]', "bad_number", 1, "mood"),
        ("json", b'[{"day": "2025-03-01", "mood": 3, "tags": [1, 2]}]', "bad_list", 1, "tags"),
        ("json", b'[{"day": "2025-03-01", "mood": 3, "note": 12}]', "bad_text", 1, "note"),
        ("json", b'[{"day": 20250301, "mood": 3}]', "bad_date", 1, "day"),
        ("json", b"[]", "empty", None, ""),
        ("json", ours("2025-03-01,,3,,,,,,,"), "wrong_format", 1, ""),
        ("json", SAMPLE.read_bytes(), "wrong_format", 1, ""),
        ("xml", b"<checkins/>", "unknown_format", None, ""),
    ],
)
def test_a_malformed_file_is_refused_naming_the_line_and_field(format, data, code, line, field):
    with pytest.raises(ImportProblem) as raised:
        parse(format, data, limits=LIMITS)
    assert (raised.value.code, raised.value.line, raised.value.field) == (code, line, field)


def test_too_big_and_too_many_rows_are_refused(monkeypatch):
    with pytest.raises(ImportProblem) as raised:
        parse("csv", b"x" * (importing.MAX_BYTES + 1), limits=LIMITS)
    assert raised.value.code == "too_big" and raised.value.params == {"megabytes": 5}
    monkeypatch.setattr(importing, "MAX_ROWS", 3)
    rows = [f"2025-03-0{n},,3,,,,,,note {n}," for n in range(1, 5)]
    with pytest.raises(ImportProblem) as raised:
        parse("csv", ours(*rows), limits=LIMITS)
    assert raised.value.code == "too_many_rows"


def test_our_csv_reads_every_field():
    (row,) = parse(
        "csv",
        ours('2025-03-01,2025-03-01T20:15:00+00:00,2,sad|tired,7,5.5,2,work|Choir ,"Hard day,\r\nbut ok",yes'),
        limits=LIMITS,
    ).rows
    assert (row.day, row.mood, row.feelings, row.stress, row.sleep_hours, row.energy) == (
        date(2025, 3, 1), 2, ("sad", "tired"), 7, Decimal("5.5"), 2,
    )
    assert row.tags == ("work", "choir") and row.note == "Hard day,\nbut ok" and row.wants_support is True
    assert row.recorded_at.isoformat() == "2025-03-01T20:15:00+00:00"


def test_the_same_check_in_gives_the_same_key_from_csv_and_json():
    (from_csv,) = parse("csv", ours("2025-03-01,2025-03-01T20:15:00+00:00,2,sad,7,5.5,2,work,Hard day,no"), limits=LIMITS).rows
    document = {"format": "kinwell-checkins", "checkins": [{
        "day": "2025-03-01", "recorded_at": "2025-03-01T20:15:00+00:00", "mood": 2, "feelings": ["sad"], "stress": 7,
        "sleep_hours": 5.5, "energy": 2, "tags": ["work"], "note": "Hard day", "wants_support": False,
    }]}
    (from_json,) = parse("json", json.dumps(document).encode(), limits=LIMITS).rows
    assert from_csv.line == 2 and from_json.line == 1
    assert from_csv.__dict__ | {"line": 0} == from_json.__dict__ | {"line": 0} and len(from_csv.key) == 64


def test_future_days_repeated_rows_and_long_notes_are_skipped_with_reasons():
    parsed = parse(
        "csv",
        ours("2025-03-01,,3,,,,,,,", "2025-03-09,,3,,,,,,,", "2025-03-01,,3,,,,,,,", "2025-03-02,,3,,,,,," + "a" * 2001 + ","),
        limits=LIMITS, today=date(2025, 3, 5),
    )
    assert len(parsed.rows) == 1
    assert [(skip.line, skip.reason) for skip in parsed.skipped] == [
        (3, "future_day"), (4, "repeated_row"), (5, "note_too_long"),
    ]
    assert parsed.skipped[1].params == {"first_line": 2}


def test_the_daylio_activity_map_only_names_our_tags():
    from kinwell.checkins.vocabulary import TAGS

    assert set(importing.daylio_activity_tags().values()) <= set(TAGS)


def test_the_parser_has_no_django_import():
    import ast

    tree = ast.parse(Path(importing.__file__).read_text())
    modules = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    modules |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    # Only other plain-Python modules of ours: the CSV quoting helper is shared with every exporter.
    assert not any(name.startswith(("django", "kinwell")) for name in modules - {"kinwell.core"})
    assert "csv_safety" in {alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                            and node.module == "kinwell.core" for alias in node.names}
