"""CSV that a spreadsheet cannot turn against the person who opens it.

A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is read by Excel,
LibreOffice and Google Sheets as a formula, so text someone typed (a check-in tag, a
directory description) could run a formula or a DDE command on the reader's machine.
OWASP's advice ("CSV Injection") is to prefix such cells with a single quote, which
spreadsheets show as text. Plain numbers ("-87.62", "+5") are left alone: a
spreadsheet reads them as numbers, never as formulas, and data files keep their
coordinates. Every CSV Kinwell writes goes through `writer` or `dict_writer`; our
importers call `restore` so an export reads back as itself.

No Django here.
"""

import csv
import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def neutralise(value) -> str:
    """The cell as text, with a leading quote when a spreadsheet would take it for a formula."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def restore(text: str) -> str:
    """Undo `neutralise` when reading back a file we wrote."""
    if len(text) > 1 and text[0] == "'" and text[1] in FORMULA_STARTS:
        return text[1:]
    return text


class _SafeWriter:
    def __init__(self, writer):
        self._writer = writer

    def writerow(self, row):
        return self._writer.writerow([neutralise(cell) for cell in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


class _SafeDictWriter:
    def __init__(self, writer: csv.DictWriter):
        self._writer = writer
        self.fieldnames = writer.fieldnames

    def writeheader(self):
        return self._writer.writeheader()

    def writerow(self, row: dict):
        return self._writer.writerow({key: neutralise(value) for key, value in row.items()})

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def writer(file, **kwargs) -> _SafeWriter:
    """`csv.writer` whose every cell is neutralised."""
    return _SafeWriter(csv.writer(file, **kwargs))


def dict_writer(file, fieldnames, **kwargs) -> _SafeDictWriter:
    """`csv.DictWriter` whose every value is neutralised (the header is ours, so left as it is)."""
    return _SafeDictWriter(csv.DictWriter(file, fieldnames=fieldnames, **kwargs))
