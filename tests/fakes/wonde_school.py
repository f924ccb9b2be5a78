"""Filling the fake Wonde with a school: the fixtures' families (tests/fixtures/mis/wonde),
or a whole invented school of any size (tests and bench/mis_bench.py)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from tests.fakes.wonde_server import FakeWonde

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "mis" / "wonde"
CODES = ("/", "\\", "L", "N", "I", "M", "O", "R", "G", "C", "E", "U")
_FIRST = ("Amelia", "Ben", "Cara", "Dylan", "Efa", "Finn", "Gwen", "Harri", "Iris", "Jac",
          "Kian", "Lowri", "Macsen", "Nia", "Osian", "Priya", "Rhys", "Seren", "Tomos", "Zara")
_LAST = ("Pryce", "Hughes", "Khan", "Nowak", "Evans", "Okafor", "Lewis", "Ionescu", "Patel",
         "Morgan", "Silva", "Roberts")


def fixture(name: str) -> dict[str, Any]:
    return dict(json.loads((FIXTURES / name).read_text(encoding="utf-8")))


def seed_from_fixtures(fake: FakeWonde) -> None:
    """The fixtures' codes, students with their contacts, and register, with their own ids and
    timestamps."""
    for code in fixture("attendance-codes.json")["data"]:
        fake.codes[code["id"]] = dict(code)
    for item in fixture("students.json")["data"]:
        student = {k: v for k, v in item.items() if k != "contacts"}
        for name in ("extended_details", "year", "groups"):
            student[name] = item[name]["data"]
        fake.students[student["id"]] = student
        fake.links[student["id"]] = []
        for contact in item["contacts"]["data"]:
            record = {k: v for k, v in contact.items() if k != "relationship"}
            record["contact_details"] = contact["contact_details"]["data"]
            fake.contacts[record["id"]] = record
            fake.links[student["id"]].append((record["id"], contact["relationship"]))
    for row in fixture("attendance-session.json")["data"]:
        fake.register[(row["student"], row["date"]["date"][:10], row["session"])] = dict(row)


def seed_school(fake: FakeWonde, *, students: int, day: date, absent_every: int = 10) -> None:
    """An invented school: `students` students in year groups 7-11, two contacts each (every
    fifth student a sibling of the one before, sharing their contacts), today's morning
    register with one in `absent_every` marked N and the rest present."""
    for code in CODES:
        fake.add_code(code)
    previous: list[str] = []
    for n in range(students):
        student_id = fake.add_student({
            "id": f"S{n:09d}", "mis_id": str(10000 + n), "upi": f"u{n:031d}",
            "forename": _FIRST[n % len(_FIRST)], "surname": _LAST[n % len(_LAST)],
            "legal_forename": _FIRST[n % len(_FIRST)], "legal_surname": _LAST[n % len(_LAST)],
            "extended_details": {"upn": f"A{n:012d}"},
            "year": {"id": f"Y{7 + n % 5}", "code": str(7 + n % 5), "name": f"Year {7 + n % 5}"},
            "groups": [{"id": f"G{n % 50}", "name": f"{7 + n % 5}{'ABCDEFGHIJ'[n % 10]}",
                        "type": "REGISTRATION"}]})
        if n % 5 == 4 and previous:
            contacts = previous
        else:
            contacts = [fake.add_contact({
                "id": f"P{n:08d}{k}", "mis_id": str(50000 + 2 * n + k), "title": "Ms",
                "forename": _FIRST[(n + 7 * k) % len(_FIRST)], "surname": _LAST[n % len(_LAST)],
                "contact_details": {
                    "phones": {"mobile": f"07700 900{(2 * n + k) % 1000:03d}", "home": None},
                    "emails": {"primary": f"family{n}.{k}@example.org"}}})
                for k in range(2)]
        for k, contact_id in enumerate(contacts):
            fake.link(student_id, contact_id, {"relationship": ("Mother", "Father")[k],
                                               "parental_responsibility": True,
                                               "priority": k + 1})
        previous = contacts
        fake.set_mark(student_id, day, "AM", "N" if n % absent_every == 0 else "/")
