"""Reading import files without letting a file decide how much memory we use.

A 630 KB zip can expand to 600 MB (a "zip bomb"), and one CSV value can be as long as
the file. So every import reads through a byte budget (`Limits.max_bytes`, counted on
the expanded data as it is read, after the zip's declared sizes are checked), CSV is
read row by row from the stream, and a value over `Limits.max_field_chars` (Python's
CSV field limit) is refused naming its row and column. Plain Python, no Django.
"""

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from kinwell.directory.records import ImportFormatError

MIB = 1024 * 1024
# About four times our own export of the whole SAMHSA directory (HSDS CSV: 62 MB expanded, 16 MB zipped).
DEFAULT_MAX_BYTES = 256 * MIB
# A physical line longer than this is refused before the CSV reader sees it, so one
# endless line cannot fill memory either.
MAX_LINE_CHARS = 8 * MIB


@dataclass(frozen=True)
class Limits:
    max_bytes: int = DEFAULT_MAX_BYTES
    max_field_chars: int = csv.field_size_limit()


def _megabytes(size: int) -> str:
    return f"{size / MIB:,.1f} MB" if size >= MIB // 10 else f"{size / 1024:,.1f} KB"


class _Budget:
    """Bytes left to read across every file of one import."""

    def __init__(self, limits: Limits):
        self.limits = limits
        self.left = limits.max_bytes

    def spend(self, size: int, *, name: str) -> None:
        self.left -= size
        if self.left < 0:
            raise ImportFormatError(
                f"reading {name} went past the limit of {_megabytes(self.limits.max_bytes)} of data for one import"
                " (a file, or a zip once expanded, this large is refused)")


class _CountingStream(io.RawIOBase):
    """A binary stream that charges every byte read to the budget."""

    def __init__(self, raw, budget: _Budget, name: str):
        self._raw, self._budget, self._name = raw, budget, name

    def readable(self):
        return True

    def readinto(self, buffer):
        data = self._raw.read(len(buffer))
        self._budget.spend(len(data), name=self._name)
        buffer[: len(data)] = data
        return len(data)

    def close(self):
        self._raw.close()
        super().close()


def check_zip(archive: zipfile.ZipFile, names, *, limits: Limits, label: str = "the zip file") -> None:
    """Refuse an archive whose declared sizes already add up past the limit."""
    declared = sum(archive.getinfo(name).file_size for name in names)
    if declared > limits.max_bytes:
        raise ImportFormatError(
            f"{label} would expand to {_megabytes(declared)}, past the limit of "
            f"{_megabytes(limits.max_bytes)} for one import")


def check_whole_zip(path, *, limits: Limits, label: str = "zip file") -> None:
    """For formats read by a library that opens the zip itself (.xlsx): check the declared
    sizes, then expand every member once, counting, before the library is given the file."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            check_zip(archive, names, limits=limits, label=f"the {label}")
            budget = _Budget(limits)
            for name in names:
                with archive.open(name) as member:
                    while chunk := member.read(MIB):
                        budget.spend(len(chunk), name=f"the {label}")
    except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError) as error:
        raise ImportFormatError(f"this is not a readable {label} ({error})") from None


def check_file_size(path, *, limits: Limits, label: str = "the file") -> None:
    """For formats that must be read whole (JSON): refuse a file past the limit before reading it."""
    size = Path(path).stat().st_size
    if size > limits.max_bytes:
        raise ImportFormatError(
            f"{label} is {_megabytes(size)}, past the limit of {_megabytes(limits.max_bytes)} for one import")


class Budgeted:
    """Opens the files of one import as counted streams that share one budget."""

    def __init__(self, limits: Limits):
        self.limits = limits
        self._budget = _Budget(limits)

    def text(self, raw, name: str) -> io.TextIOWrapper:
        stream = io.BufferedReader(_CountingStream(raw, self._budget, name))
        return io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")


class _RecordLines:
    """Feeds the CSV reader one physical line at a time and remembers the lines of the
    record being read, so a value over the limit can be traced to its column."""

    def __init__(self, text, *, name: str):
        self._text, self._name = text, name
        self.record: list[str] = []
        self.line = 0

    def __iter__(self):
        return self

    def __next__(self) -> str:
        chunk = self._text.readline(MAX_LINE_CHARS)
        if not chunk:
            raise StopIteration
        self.line += 1
        self.record.append(chunk)
        if len(chunk) >= MAX_LINE_CHARS and not chunk.endswith("\n"):
            raise _LineTooLong()
        return chunk


class _LineTooLong(Exception):
    pass


def column_over_limit(text: str, limit: int) -> int | None:
    """The 0-based column of the first value in this CSV record text longer than `limit`."""
    column, length, quoted, i = 0, 0, False, 0
    while i < len(text):
        char = text[i]
        if quoted:
            if char == '"':
                if text[i + 1: i + 2] == '"':
                    length += 1
                    i += 1
                else:
                    quoted = False
            else:
                length += 1
        elif char == '"':
            quoted = True
        elif char == ",":
            column, length = column + 1, 0
        elif char not in "\r\n":
            length += 1
        if length > limit:
            return column
        i += 1
    return None


def csv_rows(text, *, name: str, limits: Limits):
    """Yield (row number, cells) for each record of a CSV text stream, the header first.

    A value longer than the field limit raises ImportFormatError naming the row and column
    (the column by its header name); so do lines that are not CSV."""
    lines = _RecordLines(text, name=name)
    reader = csv.reader(lines, strict=True)
    header: list[str] = []
    row = 1
    try:
        for cells in reader:
            for column, cell in enumerate(cells):
                if len(cell) > limits.max_field_chars:
                    _too_long(name, row, header, column, limits)
            header = header or cells
            yield row, cells
            row = reader.line_num + 1
            lines.record = []
    except UnicodeDecodeError:
        raise ImportFormatError(f"{name} is not UTF-8 text", row=f"{row} of {name}") from None
    except (csv.Error, _LineTooLong) as error:
        column = column_over_limit("".join(lines.record), limits.max_field_chars)
        if column is not None:
            _too_long(name, row, header, column, limits)
        if isinstance(error, _LineTooLong):
            raise ImportFormatError(f"a line is longer than {MAX_LINE_CHARS:,} characters (is it a CSV file?)",
                                    row=f"{row} of {name}") from None
        raise ImportFormatError(f"this cannot be read as CSV ({error})", row=f"{row} of {name}") from None


def _too_long(name, row, header, column, limits):
    field = header[column] if column < len(header) else f"column {column + 1}"
    raise ImportFormatError(f"the value is longer than the limit of {limits.max_field_chars:,} characters",
                            row=f"{row} of {name}", field=field)
