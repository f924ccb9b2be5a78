"""More of the guided conversation: kinds of conversation, stages, hand-offs, languages."""

from __future__ import annotations

from datetime import timedelta

from conversations.types import (
    AttachEvidence,
    ConversationKind,
    ConversationState,
    Escalate,
    Intent,
    KeepNotice,
    Mode,
    OptOut,
    ReasonStatus,
    Reply,
    Session,
    SessionRef,
    Urgency,
)
from tests.conversations.helpers import (
    AM,
    PM,
    TODAY,
    absent,
    amy,
    awaiting,
    ben,
    facts,
    reasons,
    records,
    say,
    student,
)


def keys(decisions: list) -> list[str]:
    return [d.key for d in decisions if isinstance(d, Reply)]


def test_a_reason_sent_before_the_register_is_kept_as_a_notice_for_todays_sessions() -> None:
    family = facts(student("S1", "Amy"))
    _, decisions = say(ConversationState(kind=ConversationKind.UNSOLICITED),
                       "Amy won't be in today, she's got a temperature", family)
    assert records(decisions) == []
    [notice] = [d for d in decisions if isinstance(d, KeepNotice)]
    assert notice.sessions == (AM, PM) and notice.status is ReasonStatus.CONFIRMED


def test_a_reason_for_tomorrow_is_remembered_for_tomorrows_run() -> None:
    _, decisions = say(awaiting("S1"), "she has a temp, off today and tomorrow", facts(amy()))
    [record] = reasons(decisions)
    assert SessionRef(TODAY + timedelta(days=1), Session.PM) in record.sessions


def test_overslept_after_a_late_message_is_thanked_and_not_recorded() -> None:
    state = awaiting("S1", kind=ConversationKind.LATE)
    late = facts(student("S1", "Amy", absent(code="L")))
    _, decisions = say(state, "sorry she overslept", late)
    assert decisions == [Reply("reason.thanks", (("names", "Amy"),))]


def test_a_reason_for_a_late_mark_goes_to_a_person_and_never_changes_the_code() -> None:
    state = awaiting("S1", kind=ConversationKind.LATE)
    late = facts(student("S1", "Amy", absent(code="L")))
    _, decisions = say(state, "she had a dentist appointment first thing", late)
    [record] = records(decisions)
    assert record.status is ReasonStatus.REPORTED and record.code is None


def test_thanks_after_our_thanks_gets_no_reply() -> None:
    state, _ = say(awaiting("S1"), "sick", facts(amy()))
    state, decisions = say(state, "thank you!", facts(amy()))
    assert decisions == []


def test_a_mixed_reply_is_never_confirmed() -> None:
    _, decisions = say(awaiting("S1"), "she's a bit poorly but we're flying to Spain today",
                       facts(amy()))
    [record] = records(decisions)
    assert record.status is ReasonStatus.REPORTED
    assert any(isinstance(d, Escalate) for d in decisions)


def test_please_call_me_hands_over_at_once() -> None:
    state, decisions = say(awaiting("S1"), "can someone ring me please", facts(amy()))
    assert [type(d) for d in decisions] == [Escalate, Reply]
    assert keys(decisions) == ["handoff.staff"] and state.stage == "handed_off"


def test_after_a_hand_off_the_bot_is_quiet_but_a_new_reason_still_reaches_a_person() -> None:
    state, _ = say(awaiting("S1"), "call me", facts(amy()))
    state, decisions = say(state, "ok", facts(amy()))
    assert decisions == []
    state, decisions = say(state, "she's got flu btw", facts(amy()))
    assert keys(decisions) == []
    assert records(decisions) and any(isinstance(d, Escalate) for d in decisions)


def test_both_answers_the_which_child_question() -> None:
    family = facts(amy(), ben())
    state, _ = say(awaiting("S1", "S2"), "sick bug", family)
    _, decisions = say(state, "both of them", family)
    assert sorted(r.student_id for r in records(decisions)) == ["S1", "S2"]
    assert all(r.reason_text == "sick bug / both of them" for r in records(decisions))


def test_urgent_content_while_asking_which_child_still_escalates() -> None:
    family = facts(amy(), ben())
    state, _ = say(awaiting("S1", "S2"), "poorly", family)
    _, decisions = say(state, "Ben didn't come home last night", family)
    [escalation] = [d for d in decisions if isinstance(d, Escalate)]
    assert escalation.urgency is Urgency.URGENT and escalation.student_ids == ("S2",)


def test_a_photo_in_staff_mode_is_kept_as_evidence() -> None:
    state = ConversationState(mode=Mode.STAFF, about_student_ids=("S1",))
    _, decisions = say(state, "here is the note", facts(amy()), has_media=True)
    assert decisions == [AttachEvidence(("S1",))]


def test_opt_out_words_work_in_every_language() -> None:
    for word in ("STOP", "stopiwch", "Wypisz", "BAJA", "parar", "توقف", "band karo"):
        _, decisions = say(awaiting("S1"), word, facts(amy(), language="en"))
        assert decisions[0] == OptOut("sms"), word


def test_a_reply_in_another_language_than_the_contacts_is_understood() -> None:
    _, decisions = say(awaiting("S1"), "Amy está enferma con fiebre", facts(amy(), language="pl"))
    assert records(decisions)[0].intent is Intent.ILLNESS


def test_polish_dates_and_a_polish_name_typo() -> None:
    kasia = student("S1", "Katarzyna", absent(), preferred="Kasia")
    family = facts(kasia, student("S2", "Tomasz", absent()))
    _, decisions = say(awaiting("S1", "S2"), "Kasia jest chora do piątku", family)
    [record] = reasons(decisions)
    assert record.student_id == "S1"
    assert max(s.day for s in record.sessions) == TODAY + timedelta(days=1)  # Thursday


def test_a_student_saying_im_ill_is_a_self_report() -> None:
    me = facts(student("S9", "Priya"), relationship="self")
    _, decisions = say(ConversationState(kind=ConversationKind.UNSOLICITED), "I'm ill today", me)
    [record] = reasons(decisions)
    assert record.intent is Intent.ILLNESS and record.sessions == (AM, PM)
    assert keys(decisions) == ["self.recorded"]


def test_resolved_conversation_starts_again_on_a_new_message() -> None:
    state = ConversationState(mode=Mode.RESOLVED, stage="handed_off", bot_turns=3,
                              about_student_ids=("S1",))
    new_state, decisions = say(state, "ok", facts(amy()))
    assert keys(decisions) == ["ask.reason"] and new_state.mode is Mode.BOT


def test_a_reason_from_a_contact_with_no_students_goes_to_a_person() -> None:
    _, decisions = say(ConversationState(kind=ConversationKind.UNSOLICITED), "she's sick",
                       facts())
    assert [type(d) for d in decisions] == [Escalate, Reply]
    assert records(decisions) == []


def test_every_key_the_engine_can_say_is_a_message() -> None:
    import re
    from pathlib import Path

    from channels.texts import MESSAGES

    engine = Path(__file__).resolve().parents[2] / "conversations"
    source = "".join(p.read_text(encoding="utf-8") for p in engine.glob("*.py"))
    # Every dotted string literal in the engine is a message key ("reason.thanks").
    said = set(re.findall(r'"([a-z_]+\.[a-z_]+(?:\.[a-z_]+)?)"', source)) | {"help"}
    assert said, "found no keys: the pattern is stale"
    known = set(MESSAGES) | {k.rsplit(".", 1)[0] for k in MESSAGES}
    assert said - known == set()
