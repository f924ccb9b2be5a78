"""A contacts file's WhatsApp column: who may be messaged on WhatsApp, and in which order."""

from __future__ import annotations

import pytest
from sqlmodel import select

from store.clock import FakeClock
from store.contacts import address_for, channel_order
from store.database import Database
from store.models.people import Contact
from store.models.schools import School
from tests.store.test_importer import STUDENTS, run


@pytest.fixture
def school_id(db: Database) -> int:
    with db.transaction() as session:
        school = School(name="Kestrel Vale Academy")
        session.add(school)
        session.flush()
        assert school.id is not None
        return school.id


CONTACTS = """contact_id,student_id,forename,surname,mobile,WhatsApp Opt-In
C1,1001,Jane,Testerton,07700 900123,Yes
C2,1002,John,Testerton,07700 900124,No
C3,1003,Sam,Brightwater,07700 900125,
"""


def test_an_opted_in_contact_is_messaged_on_whatsapp_first_and_the_rest_never(
    db: Database, clock: FakeClock, school_id: int
) -> None:
    assert run(db, clock, "students", STUDENTS, school_id).errors == []
    assert run(db, clock, "contacts", CONTACTS, school_id).errors == []
    with db.transaction() as session:
        found = {c.external_id: c for c in session.exec(select(Contact))}
    jane, john, sam = found["C1"], found["C2"], found["C3"]
    assert (jane.whatsapp_opt_in, channel_order(jane)) == (True, ["whatsapp", "sms"])
    assert address_for(jane, "whatsapp") == "+447700900123"
    for other in (john, sam):
        assert not other.whatsapp_opt_in and channel_order(other) == ["sms"]
        assert address_for(other, "whatsapp") is None
    # Having opted out on WhatsApp, Jane is reached by SMS.
    jane.opted_out = ["whatsapp"]
    assert channel_order(jane) == ["sms"]


def test_a_bad_whatsapp_value_is_refused_by_line(
    db: Database, clock: FakeClock, school_id: int
) -> None:
    run(db, clock, "students", STUDENTS, school_id)
    report = run(db, clock, "contacts", CONTACTS.replace(",Yes\n", ",perhaps\n"), school_id)
    assert [e.line for e in report.errors] == [2]
