"""Once a person has the conversation (after an urgent reply's holding message, or a hand-off),
what the family then asks of the school is no reason for the absence: "please call me" or
"wrong number" reaches the person quietly and leaves the mark unexplained (recording it as a
reported reason would take the child off the list of the unexplained), and "stop texting me"
is honoured as STOP is (quietly after an urgent reply's holding message, as STOP is). A real
reason told then still goes to the person as a reason.

Every reply here is written for these tests."""

from __future__ import annotations

from dataclasses import replace

import pytest

from conversations.dialogue import HANDED_OFF
from conversations.types import Escalate, Intent, OptOut, Reply, Urgency
from tests.conversations.helpers import absent, awaiting, facts, records, say, student

CALL_ME = [
    ("en", "can someone ring me back please"),
    ("cy", "allwch chi fy ffonio i plis"),
    ("pl", "proszę do mnie zadzwonić"),
    ("pt", "por favor liguem-me"),
    ("ro", "vă rog sunați-mă urgent"),
    ("ar", "ارجو ان تتصلوا بي"),
    ("ur", "please mujhe call karein"),
    ("bn", "amake ekta phone korben please"),
    ("pa", "mainu phone karo please"),
    ("so", "fadlan ii soo wac"),
    ("lt", "prašau man paskambinti"),
    ("es", "por favor llámenme"),
]

STOP_SENDING = [
    ("en", "please stop texting me"),
    ("es", "no me mandeis mas mensajes por favor"),
    ("pl", "nie wysyłajcie mi więcej wiadomości"),
]


@pytest.mark.parametrize(("lang", "text"), CALL_ME)
def test_a_call_request_to_a_person_who_has_it_records_no_reason(lang: str, text: str) -> None:
    family = facts(student("S1", "Darius", absent()), language=lang)
    state = replace(awaiting("S1"), holding_sent=True)
    _, decisions = say(state, text, family)
    assert records(decisions) == []
    assert not any(isinstance(d, Reply) for d in decisions)  # the bot stays silent
    [escalation] = [d for d in decisions if isinstance(d, Escalate)]
    assert escalation.urgency is Urgency.NORMAL and escalation.intent is Intent.CALL_REQUEST


def test_wrong_number_to_a_person_who_has_it_records_no_reason() -> None:
    family = facts(student("S1", "Darius", absent()))
    _, decisions = say(replace(awaiting("S1"), holding_sent=True),
                       "wrong number, no kids at that school", family)
    assert records(decisions) == []
    assert [d.intent for d in decisions if isinstance(d, Escalate)] == [Intent.WRONG_NUMBER]


@pytest.mark.parametrize(("lang", "text"), STOP_SENDING)
def test_stop_sending_is_honoured_whoever_has_it(lang: str, text: str) -> None:
    family = facts(student("S1", "Darius", absent()), language=lang)
    # After an urgent reply's holding message the bot says nothing more, as after STOP.
    _, decisions = say(replace(awaiting("S1"), holding_sent=True), text, family)
    assert [type(d) for d in decisions] == [OptOut]
    _, decisions = say(replace(awaiting("S1"), stage=HANDED_OFF), text, family)
    assert [type(d) for d in decisions] == [OptOut, Reply]


def test_a_reason_told_then_still_reaches_the_person_as_a_reason() -> None:
    family = facts(student("S1", "Darius", absent()), language="ro")
    _, decisions = say(replace(awaiting("S1"), holding_sent=True),
                       "de fapt e bolnav, are febră", family)
    [record] = records(decisions)
    assert record.intent is Intent.ILLNESS and record.code is None  # a person decides
