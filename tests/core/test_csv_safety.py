"""Cells a spreadsheet would run as formulas are quoted, in every CSV we write."""

import csv
import io

import pytest

from kinwell.core import csv_safety


@pytest.mark.parametrize("cell", ["=1+1", "+SUM(A1)", "-2+3", "@SUM(1)", "\tx", "\rx", "=HYPERLINK(\"http://x\")"])
def test_formula_starts_get_a_leading_quote_and_read_back(cell):
    assert csv_safety.neutralise(cell) == "'" + cell
    assert csv_safety.restore(csv_safety.neutralise(cell)) == cell


@pytest.mark.parametrize("cell", ["plain", "", "-87.62", "+5", "1e3", "'already quoted", "a=b"])
def test_ordinary_text_and_plain_numbers_are_left_alone(cell):
    assert csv_safety.neutralise(cell) == cell
    assert csv_safety.restore(cell) == cell


def test_the_writers_neutralise_every_cell_but_not_the_header():
    out = io.StringIO()
    writer = csv_safety.writer(out)
    writer.writerow(["=cmd|' /C calc'!A0", None, 3])
    dict_out = io.StringIO()
    dict_writer = csv_safety.dict_writer(dict_out, ["name", "phone"])
    dict_writer.writeheader()
    dict_writer.writerow({"name": "@evil", "phone": "+1 555-0100"})
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [["'=cmd|' /C calc'!A0", "", "3"]]
    assert list(csv.reader(io.StringIO(dict_out.getvalue()))) == [["name", "phone"], ["'@evil", "'+1 555-0100"]]
