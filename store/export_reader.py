"""Reading an MIS export, under its profile, into the rows the importers read.

A plain CSV is read as it is, its columns matched by the names in `store/columns.py`. A file
of a known MIS (named with `--profile`, or recognised by its header) is read by that profile's
layout (`store/profiles.py`): JSON records and the lists nested in them, the numbered column
groups of a wide file, a weekly grid of sessions, other files joined by id. Each row keeps the
line it came from (for JSON, the record's position in its list), so a refused row is reported
where a person can find it.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from store.columns import ALIASES, parse_date, squash
from store.errors import InvalidInput
from store.import_rows import Row
from store.profiles import PROFILES, Columns, Join, Layout, Profile


@dataclass(frozen=True, slots=True)
class Table:
    """Rows to import, the header they are read by, and which header names each field."""

    headers: list[str]
    rows: list[Row]
    columns: Columns
    profile: str | None = None


@dataclass(frozen=True, slots=True)
class _Csv:
    headers: list[str]
    rows: list[Row]


def read_export(files: Sequence[bytes], *, kind: str, profile: str | None = None) -> Table:
    """The rows of `kind` in one export (Xporter's contacts come in up to three files).

    Raises InvalidInput for a file that cannot be read, an unknown profile, a profile without
    that kind of file, or a header that fits two profiles."""
    if profile is not None and profile not in PROFILES:
        raise InvalidInput(f"unknown profile {profile!r} (one of: {', '.join(PROFILES)})",
                           problem="unknown_profile", profile=profile)
    parsed = [_parse(data) for data in files]
    chosen = PROFILES[profile] if profile else _detect(parsed)
    if chosen is None:
        if not isinstance(parsed[0], _Csv):
            raise InvalidInput(
                "a JSON export needs its profile: --profile xporter or --profile wonde-json",
                problem="json_needs_profile",
            )
        if len(parsed) != 1:
            raise InvalidInput(
                "several files are read together only by a profile (--profile xporter)",
                problem="files_need_profile",
            )
        return Table(parsed[0].headers, parsed[0].rows, ALIASES)
    layout = chosen.layouts.get(kind)
    if layout is None:
        raise InvalidInput(f"the {chosen.name} profile has no {kind} file",
                           problem="profile_lacks_kind", profile=chosen.name)
    if chosen.json:
        docs = [_as_doc(doc, layout) if isinstance(doc, _Csv) else doc for doc in parsed]
        headers = _paths(layout)
        return Table(headers, list(_json_rows(docs, layout, headers)), layout.columns, chosen.name)
    if len(parsed) != 1 or not isinstance(parsed[0], _Csv):
        raise InvalidInput(f"the {chosen.name} profile reads one CSV file",
                           problem="profile_one_csv", profile=chosen.name)
    return _csv_table(parsed[0], layout, chosen.name)


def _parse(data: bytes) -> _Csv | Any:
    text = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text[:1] in (b"{", b"["):
        try:
            return json.loads(text)
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise InvalidInput(f"the JSON cannot be read: {error}",
                               problem="json_unreadable") from None
    headers, rows = read_csv(data)
    return _Csv(headers, rows)


def _detect(parsed: list[_Csv | Any]) -> Profile | None:
    """The one profile whose signature the files carry; None when none does."""
    is_json = not isinstance(parsed[0], _Csv)
    names: set[str] = set()
    for doc in parsed:
        if isinstance(doc, _Csv):
            names.update(squash(h) for h in doc.headers)
        elif isinstance(doc, dict):
            names.update(squash(str(k)) for k in doc)
    found = [
        p
        for p in PROFILES.values()
        if p.json == is_json
        and any(all(squash(n) in names for n in group) for group in p.signatures)
    ]
    if len(found) > 1:
        raise InvalidInput(
            f"the header fits several profiles ({', '.join(p.name for p in found)})"
            ": name one with --profile",
            problem="several_profiles", profiles=", ".join(p.name for p in found),
        )
    return found[0] if found else None


def _paths(layout: Layout) -> list[str]:
    return list(dict.fromkeys(path for paths in layout.columns.values() for path in paths))


def read_csv(data: bytes) -> tuple[list[str], list[Row]]:
    """The header and the non-blank rows, each with the line it starts on."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InvalidInput(f"line {line}: the file is not UTF-8 (save it as CSV UTF-8)",
                           problem="not_utf8", line=str(line)) from None
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[Row] = []
    start = 1
    try:
        for cells in reader:
            if "".join(cells).strip():  # any cell not blank, in one C call
                records.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as error:
        raise InvalidInput(f"line {reader.line_num}: {error}", problem="csv_unreadable",
                           line=str(reader.line_num)) from None
    if not records:
        raise InvalidInput("the file is empty: it needs a header row", problem="empty_file")
    (_, headers), *rows = records
    return headers, rows


# --- JSON ----------------------------------------------------------------------------------


def _json_rows(docs: list[Any], layout: Layout, headers: list[str]) -> Iterator[Row]:
    mains = [records for doc in docs if (records := _records(doc, layout.records)) is not None]
    if len(mains) != 1:
        raise InvalidInput(
            f"expected one file with its records under {' or '.join(map(repr, layout.records))}",
            problem="json_records", keys=", ".join(layout.records),
        )
    joins = {join.name: _index(docs, join) for join in layout.joins}
    for number, record in enumerate(mains[0], 1):
        if not isinstance(record, dict):
            raise InvalidInput(f"record {number} is not an object", problem="record_not_object",
                               record=str(number))
        number = record.get(_LINE, number)
        for item, names in _items(record, layout):
            context = dict(record) if names is None else {names[0]: record, names[1]: item}
            for join in layout.joins:
                found = joins[join.name].get(_text(record.get(join.on)), [])
                context[join.name] = found if join.many else (found[0] if found else None)
            yield number, [_text(value_at(context, path)) for path in headers]


_LINE = "\x00line"  # a record read from a CSV keeps its line, for reporting


def _as_doc(file: _Csv, layout: Layout) -> dict[str, list[dict[str, Any]]]:
    """A CSV of an export that is otherwise JSON (Xporter's files saved as CSV), as the JSON
    would hold it: under the key of the list its header shows it to be. The main list has the
    layout's student id column; a joined one its id (the most specific id name first)."""
    names = {squash(h) for h in file.headers}
    student = layout.columns.get("student_id", ("",))[0]
    if squash(student) in names:
        key = layout.records[0]
    else:
        joins = sorted(layout.joins, key=lambda join: -len(join.key))
        found = next((join for join in joins if squash(join.key) in names), None)
        if found is None:
            raise InvalidInput(
                f"a CSV of this export needs a {student!r} column, or the id "
                "column of a file joined to it",
                problem="csv_needs_id", id_column=student,
            )
        key = found.records[0]
    records = [
        {_LINE: line, **dict(zip(file.headers, cells, strict=False))} for line, cells in file.rows
    ]
    return {key: records}


def _items(record: dict[str, Any], layout: Layout) -> list[tuple[Any, tuple[str, str] | None]]:
    """The items of the first nested list the record has, each with what paths call the record
    and the item; the record alone when the layout nests nothing."""
    if not layout.each:
        return [(None, None)]
    for path, names in layout.each:
        items = value_at(record, path)
        if isinstance(items, list):
            return [(item, names) for item in items]
    return []


def _records(doc: Any, keys: tuple[str, ...]) -> list[Any] | None:
    if isinstance(doc, dict):
        for key in keys:
            if isinstance(doc.get(key), list):
                return list(doc[key])
    return None


def _index(docs: list[Any], join: Join) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    for doc in docs:
        for record in _records(doc, join.records) or []:
            if isinstance(record, dict):
                found.setdefault(_text(record.get(join.key)), []).append(record)
    return found


_SEGMENT = re.compile(r"([^\[\]]*)((?:\[[^\]]*\])*)")
_FILTER = re.compile(r"\[([^\]]*)\]")


def value_at(obj: Any, path: str) -> Any:
    """The value at a profile's path (see store/profiles.py), or None when it is not there."""
    for segment in path.split("."):
        found = _SEGMENT.fullmatch(segment)
        assert found is not None
        name, filters = found.group(1), _FILTER.findall(found.group(2))
        if name:
            obj = obj.get(name) if isinstance(obj, dict) else None
        if filters:
            obj = _pick(obj, filters)
        if obj is None:
            return None
    return obj


def _pick(items: Any, filters: list[str]) -> Any:
    if not isinstance(items, list):
        return None
    wanted = [f.split("=", 1) for f in filters if "=" in f]
    matching = [
        item
        for item in items
        if isinstance(item, dict)
        and all(_text(item.get(key)).lower() in value.lower().split("|") for key, value in wanted)
    ]
    index = next((int(f) for f in filters if f.isdigit()), 0)
    return matching[index] if index < len(matching) else None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# --- CSV -----------------------------------------------------------------------------------


def _csv_table(file: _Csv, layout: Layout, name: str) -> Table:
    if layout.slots:
        headers = _paths(layout)
        return Table(headers, list(_slot_rows(file, layout, headers)), layout.columns, name)
    if layout.sessions:
        headers = _paths(layout)
        return Table(headers, list(_grid_rows(file, layout, headers)), layout.columns, name)
    return Table(file.headers, file.rows, layout.columns, name)


def _slot_rows(file: _Csv, layout: Layout, headers: list[str]) -> Iterator[Row]:
    """A wide row (`Contact1…`, `Contact2…`) becomes one row per numbered group it fills."""
    position = {squash(h): i for i, h in enumerate(file.headers)}
    for line, cells in file.rows:
        for slot in layout.slots:
            row = [_cell(cells, position.get(squash(h.replace("{n}", slot)))) for h in headers]
            if any(value for h, value in zip(headers, row, strict=True) if "{n}" in h):
                yield line, row


def _grid_rows(file: _Csv, layout: Layout, headers: list[str]) -> Iterator[Row]:
    """A weekly grid (`MonAM … FriPM`, one row per student and week) becomes one row per
    session, dated from the week's first day."""
    position = {squash(h): i for i, h in enumerate(file.headers)}
    week_at = next((position[squash(w)] for w in layout.week if squash(w) in position), None)
    if week_at is None:
        raise InvalidInput(f"no week column (accepted names: {', '.join(layout.week)})",
                           problem="no_week_column", names=", ".join(layout.week))
    for line, cells in file.rows:
        try:
            start = parse_date(cells[week_at] if week_at < len(cells) else "")
        except InvalidInput as error:
            raise InvalidInput(f"line {line}: the week's first day: {error}",
                               problem="week_not_a_date", line=str(line),
                               value=cells[week_at] if week_at < len(cells) else "") from None
        monday = start - timedelta(days=start.weekday())
        for column, (weekday, session) in layout.sessions.items():
            at = position.get(squash(column))
            if at is None:
                continue
            mark = cells[at].strip() if at < len(cells) else ""
            fixed = {
                "{date}": (monday + timedelta(days=weekday)).isoformat(),
                "{session}": session,
                "{mark}": mark,
            }
            yield (
                line,
                [
                    fixed[h] if h in fixed else _cell(cells, position.get(squash(h)))
                    for h in headers
                ],
            )


def _cell(cells: list[str], at: int | None) -> str:
    return cells[at].strip() if at is not None and at < len(cells) else ""
