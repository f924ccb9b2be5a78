"""The guided conversation, end to end through `step`, as plain function calls."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from conversations.edits import EDITED_AFTER_CONFIRMED
from conversations.engine import step
from conversations.types import (
    AttachEvidence,
    ConversationKind,
    ConversationState,
    Escalate,
    Inbound,
    Intent,
    Mode,
    OptIn,
    OptOut,
    Policy,
    ReasonStatus,
    RecordReason,
    Reply,
    Session,
    SessionRef,
    Urgency,
)
from tests.conversations.helpers import (
    AM,
    LEXICONS,
    NOW,
    PM,
    TODAY,
    absent,
    amy,
    awaiting,
    ben,
    facts,
    inbound,
    reasons,
    records,
    say,
    student,
)


def replies(decisions: list) -> list[Reply]:
    return [d for d in decisions if isinstance(d, Reply)]


def escalations(decisions: list) -> list[Escalate]:
    return [d for d in decisions if isinstance(d, Escalate)]


def test_temperature_confirms_illness_for_the_only_child() -> None:
    state, decisions = say(awaiting("S1"), "she has a temperature", facts(amy()))
    assert decisions == [
        RecordReason("S1", Intent.ILLNESS, (AM,), ReasonStatus.CONFIRMED, "I", "I",
                     "she has a temperature"),
        Reply("reason.thanks", (("names", "Amy"),)),
    ]
    assert state.stage == "done"


def test_two_children_two_reasons_in_one_reply() -> None:
    family = facts(amy(), ben())
    _, decisions = say(awaiting("S1", "S2"),
                       "Amy has a temperature and Ben is at the dentist", family)
    by_child = {r.student_id: (r.intent, r.status, r.code) for r in records(decisions)}
    assert by_child == {"S1": (Intent.ILLNESS, ReasonStatus.CONFIRMED, "I"),
                        "S2": (Intent.MEDICAL_APPOINTMENT, ReasonStatus.CONFIRMED, "M")}
    assert escalations(decisions) == []


def test_holiday_is_reported_with_its_code_and_goes_to_a_person() -> None:
    _, decisions = say(awaiting("S1"), "sorry we are on a family holiday in spain", facts(amy()))
    [record] = records(decisions)
    assert (record.status, record.code, record.suggested_code) == (
        ReasonStatus.REPORTED, None, "G")
    assert escalations(decisions) == [Escalate(Urgency.NORMAL, Intent.HOLIDAY,
                                               "reason needs a person: holiday", ("S1",))]
    assert replies(decisions) == [Reply("reason.passed_on", (("names", "Amy"),))]


def test_urgent_reply_escalates_once_holds_once_then_stays_silent() -> None:
    family = facts(amy())
    state, decisions = say(awaiting("S1"), "But I dropped her at the school gate at 8.30??",
                           family)
    assert decisions == [Escalate(Urgency.URGENT, Intent.IN_SCHOOL_DISPUTE,
                                  "reply reads as in_school_dispute", ("S1",)),
                         Reply("urgent.holding")]
    assert state.holding_sent
    state, decisions = say(state, "hello?? is anyone there", family)
    assert replies(decisions) == []
    state, decisions = say(state, "I still don't know where she is", family)
    assert [e.urgency for e in escalations(decisions)] == [Urgency.URGENT]
    assert replies(decisions) == []


def test_urgent_wins_over_a_reason_in_the_same_reply() -> None:
    _, decisions = say(awaiting("S1"), "she's sick, and her dad hit her last night",
                       facts(amy()))
    assert records(decisions) == []
    assert escalations(decisions)[0].urgency is Urgency.URGENT


def test_staff_mode_says_nothing_but_still_escalates_urgent_content() -> None:
    state = ConversationState(mode=Mode.STAFF, about_student_ids=("S1",))
    _, decisions = say(state, "she's got a cold", facts(amy()))
    assert decisions == []
    _, decisions = say(state, "he said he'll kill himself", facts(amy()))
    assert [type(d) for d in decisions] == [Escalate]


def test_acknowledgement_gets_one_question_then_the_menu_then_a_person() -> None:
    family = facts(amy())
    state, decisions = say(awaiting("S1"), "ok thanks", family)
    assert decisions == [Reply("ask.reason", (("names", "Amy"),))]
    # A 👍 (or ✅, 🆗, "ok") after our question: they saw it. Never "we did not understand".
    for thumbs_up in ("👍", "👍🏽", "✅", "🆗", "ok"):
        assert say(state, thumbs_up, family) == (state, [])
    state, decisions = say(state, "hmm", family)
    assert replies(decisions)[0].key == "menu.intro"
    assert [o.value for o in replies(decisions)[0].options] == ["1", "2", "3", "4"]
    state, decisions = say(state, "hmm", family)
    assert [type(d) for d in decisions] == [Escalate, Reply]
    assert replies(decisions)[0].key == "handoff.staff"
    assert state.bot_turns == 3


def test_menu_number_and_button_choose_the_reason() -> None:
    family = facts(amy())
    state, _ = say(awaiting("S1"), "asdfgh", family)
    _, decisions = say(state, "2", family)
    assert records(decisions)[0].intent is Intent.MEDICAL_APPOINTMENT
    _, decisions = say(state, "", family, button="1")
    assert records(decisions)[0].code == "I"
    _, decisions = say(state, "\u0661", family)  # an Arabic-Indic one
    assert records(decisions)[0].intent is Intent.ILLNESS


def test_which_child_is_asked_then_the_reason_applied_to_the_named_one() -> None:
    family = facts(amy(), ben())
    state, decisions = say(awaiting("S1", "S2"), "sick", family)
    assert decisions == [Reply("ask.which_child", (("names", "Amy, Ben"),))]
    assert state.pending_intent is Intent.ILLNESS
    state, decisions = say(state, "bne", family)  # a typo of Ben
    assert [(r.student_id, r.intent) for r in records(decisions)] == [("S2", Intent.ILLNESS)]


def test_both_applies_to_every_child() -> None:
    _, decisions = say(awaiting("S1", "S2"), "both poorly with a bug", facts(amy(), ben()))
    assert sorted(r.student_id for r in records(decisions)) == ["S1", "S2"]


def test_off_all_week_covers_the_rest_of_the_school_week() -> None:
    _, decisions = say(awaiting("S1"), "she's got flu, off all week", facts(amy()))
    [record] = reasons(decisions)
    days = sorted({s.day for s in record.sessions})
    assert days == [TODAY, TODAY + timedelta(days=1), TODAY + timedelta(days=2)]
    assert PM in record.sessions


def test_back_on_monday_stops_the_day_before() -> None:
    _, decisions = say(awaiting("S1"), "d&v, back on monday", facts(amy()))
    [record] = reasons(decisions)
    assert max(s.day for s in record.sessions) == TODAY + timedelta(days=2)  # Friday


def test_long_illness_is_reported_not_confirmed() -> None:
    earlier = [absent(TODAY - timedelta(days=d), code="I", status=ReasonStatus.CONFIRMED)
               for d in (1, 2, 5)]
    _, decisions = say(awaiting("S1"), "still poorly", facts(amy(absent(), *earlier)))
    [record] = records(decisions)
    assert record.status is ReasonStatus.REPORTED
    assert escalations(decisions)


def test_late_reply_attaches_to_yesterdays_marks() -> None:
    yesterday = TODAY - timedelta(days=1)
    family = facts(amy(absent(yesterday), absent(yesterday, Session.PM)))
    _, decisions = say(awaiting("S1"), "sorry she was ill yesterday", family)
    assert records(decisions)[0].sessions == (SessionRef(yesterday, Session.AM),
                                              SessionRef(yesterday, Session.PM))


def test_religious_observance_is_not_confirmed_unless_the_school_allows_it() -> None:
    _, decisions = say(awaiting("S1"), "Eid mubarak, celebrating eid today", facts(amy()))
    assert records(decisions)[0].status is ReasonStatus.REPORTED
    policy = Policy(auto_confirm=frozenset({Intent.RELIGIOUS_OBSERVANCE}),
                    allow_religious_auto_confirm=True)
    _, decisions = say(awaiting("S1"), "celebrating eid today", facts(amy(), policy=policy))
    assert records(decisions)[0].code == "R"


def test_stop_opts_out_in_any_state_and_start_opts_back_in() -> None:
    for state in (awaiting("S1"), ConversationState(stage="menu"),
                  ConversationState(stage="handed_off")):
        _, decisions = say(state, "STOP", facts(amy()))
        assert decisions == [OptOut("sms"), Reply("optout.confirmed")]
    _, decisions = say(awaiting("S1"), "Start", facts(amy()))
    assert decisions == [OptIn("sms"), Reply("optin.confirmed")]
    _, decisions = say(ConversationState(mode=Mode.STAFF), "stop", facts(amy()))
    assert decisions == [OptOut("sms")]
    _, decisions = say(awaiting("S1"), "HELP", facts(amy()))
    assert decisions == [Reply("help")]


def test_a_keyword_the_provider_already_answered_is_recorded_without_a_reply() -> None:
    # Twilio's Advanced Opt-Out: the channel says which keyword, whatever the words were.
    for command, expected in (("/stop", [OptOut("sms")]), ("/start", [OptIn("sms")]),
                              ("/help", [])):
        answered = replace(inbound("Stop", command=command), provider_answered=True)
        _, decisions = step(awaiting("S1"), answered, facts(amy()), NOW, LEXICONS)
        assert decisions == expected


def test_a_photo_with_no_words_is_kept_and_goes_to_a_person_never_a_menu() -> None:
    expected = Escalate(Urgency.NORMAL, None, "a photo or document sent with no words", ("S1",))
    for state, reply_keys in ((awaiting("S1"), ["handoff.staff"]),
                              (ConversationState(stage="menu", about_student_ids=("S1",)),
                               ["handoff.staff"]),
                              (ConversationState(stage="done", about_student_ids=("S1",)), []),
                              (ConversationState(stage="handed_off",
                                                 about_student_ids=("S1",)), [])):
        new_state, decisions = say(state, " ", facts(amy()), has_media=True)
        assert expected in decisions and AttachEvidence(("S1",)) in decisions
        assert [r.key for r in replies(decisions)] == reply_keys
        assert new_state.stage == "handed_off"
    _, decisions = say(awaiting("S1"), "Amy is ill, note attached", facts(amy()), has_media=True)
    assert records(decisions) and AttachEvidence(("S1",)) in decisions  # words still read


@pytest.mark.parametrize(("content", "text", "why"), [
    ("voice", "", "a voice note sent with no words"),
    ("video_note", "", "a video message sent with no words"),
    ("sticker", "", "a sticker sent with no words"),  # no emoji to read
    ("contact", "", "a shared contact sent with no words"),
    ("location", "", "a location sent with no words"),
    ("dice", "", "a dice sent with no words"),
])
def test_what_is_shown_not_said_goes_to_a_person_never_a_menu(content, text, why) -> None:
    shown = replace(inbound(text, channel="telegram"), content=content,
                    has_media=content in ("voice", "video_note"))
    for state, reply_keys in ((awaiting("S1"), ["handoff.staff"]),
                              (ConversationState(stage="done", about_student_ids=("S1",)), []),
                              (ConversationState(stage="handed_off",
                                                 about_student_ids=("S1",)), [])):
        new_state, decisions = step(state, shown, facts(amy()), NOW, LEXICONS)
        assert Escalate(Urgency.NORMAL, None, why, ("S1",)) in decisions
        assert [r.key for r in replies(decisions)] == reply_keys
        assert new_state.stage == "handed_off"
    # A self-report's student sending a voice note first: a person, not a question.
    _, decisions = step(ConversationState(kind=ConversationKind.SELF_REPORT), shown,
                        facts(student("S9", "Priya"), relationship="self"), NOW, LEXICONS)
    assert escalations(decisions) and [r.key for r in replies(decisions)] == ["handoff.staff"]


def test_a_thumbs_up_sticker_is_an_acknowledgement() -> None:
    sticker = replace(inbound("👍", channel="telegram"), content="sticker")
    _, decisions = step(awaiting("S1"), sticker, facts(amy()), NOW, LEXICONS)
    assert decisions == [Reply("ask.reason", (("names", "Amy"),))]


def edit(text: str) -> Inbound:
    return replace(inbound(text, channel="telegram"), edited=True)


def test_an_edited_reason_wins_while_no_code_is_confirmed() -> None:
    # A holiday is for a person to decide (reported, not confirmed); the family edits it to
    # illness: the edit replaces the reported reason, for that person, and the bot says nothing.
    state, decisions = say(awaiting("S1"), "We are on holiday in Spain", facts(amy()),
                           channel="telegram")
    assert records(decisions)[0].status is ReasonStatus.REPORTED
    reported = absent(status=ReasonStatus.REPORTED)
    _, decisions = step(state, edit("Amy has a temperature"), facts(amy(reported)), NOW,
                        LEXICONS)
    assert [(r.intent, r.sessions) for r in records(decisions)] == [(Intent.ILLNESS, (AM,))]
    assert replies(decisions) == [] and escalations(decisions)
    # An edit before anything was recorded is the reply itself: recorded and thanked.
    _, decisions = step(awaiting("S1"), edit("Amy has a temperature"), facts(amy()), NOW,
                        LEXICONS)
    assert records(decisions)[0].status is ReasonStatus.CONFIRMED
    assert [r.key for r in replies(decisions)] == ["reason.thanks"]


def test_an_edit_after_a_code_is_confirmed_goes_to_a_person() -> None:
    confirmed = absent(code="I", status=ReasonStatus.CONFIRMED)
    state = ConversationState(stage="done", about_student_ids=("S1",))
    _, decisions = step(state, edit("Amy is at the dentist actually"), facts(amy(confirmed)),
                        NOW, LEXICONS)
    assert records(decisions) == [] and replies(decisions) == []
    [escalation] = escalations(decisions)
    assert escalation.why == EDITED_AFTER_CONFIRMED


def test_an_edit_with_no_reason_changes_nothing_and_urgent_edits_still_escalate() -> None:
    assert step(awaiting("S1"), edit("ok thanks!"), facts(amy()), NOW, LEXICONS) == (
        awaiting("S1"), [])
    _, decisions = step(awaiting("S1"), edit("I dropped her at the gate at 8.30"),
                        facts(amy()), NOW, LEXICONS)
    assert escalations(decisions)[0].urgency is Urgency.URGENT


def test_stop_inside_a_sentence_is_not_an_opt_out() -> None:
    _, decisions = say(awaiting("S1"), "she won't stop being sick", facts(amy()))
    assert records(decisions)[0].intent is Intent.ILLNESS
    assert not any(isinstance(d, OptOut) for d in decisions)


def test_self_report_asks_reason_then_duration_then_records() -> None:
    me = facts(student("S9", "Priya"), relationship="self")
    state, decisions = say(ConversationState(kind=ConversationKind.SELF_REPORT), "",
                           me, command="/absent")
    assert decisions == [Reply("self.ask_reason")]
    state, decisions = say(state, "got a migraine", me)
    assert decisions == [Reply("ask.duration")]
    state, decisions = say(state, "2 days", me)
    [record] = reasons(decisions)
    assert record.status is ReasonStatus.CONFIRMED
    assert {s.day for s in record.sessions} == {TODAY, TODAY + timedelta(days=1)}
    assert replies(decisions)[0].key == "self.recorded"
    assert state.bot_turns <= 3


def test_self_report_appointment_asks_for_an_optional_note_and_keeps_a_photo() -> None:
    me = facts(student("S9", "Priya"), relationship="self")
    state, decisions = say(ConversationState(), "I have a hospital appointment today", me)
    assert decisions == [Reply("ask.evidence")]
    state, decisions = say(state, "", me, has_media=True)
    assert reasons(decisions)[0].intent is Intent.MEDICAL_APPOINTMENT
    assert AttachEvidence(("S9",)) in decisions


def test_staff_coded_marks_are_never_touched() -> None:
    staff_mark = absent(status=ReasonStatus.CONFIRMED, code="C")
    family = facts(student("S1", "Amy", staff_mark))
    _, decisions = say(awaiting("S1"), "she is ill", family)
    assert records(decisions) == []
    assert escalations(decisions)


def test_state_round_trips_through_json() -> None:
    state, _ = say(awaiting("S1", "S2"), "off sick till friday", facts(amy(), ben()))
    assert ConversationState.from_json(state.to_json()) == state


def test_a_reply_to_a_letter_goes_to_a_person_told_once_and_records_nothing() -> None:
    letter = replace(inbound("Amy has been ill a lot, she has asthma"), replies_to_letter=True)
    state, decisions = step(awaiting("S1"), letter, facts(amy()), NOW, LEXICONS)
    assert records(decisions) == [] and [r.key for r in replies(decisions)] == ["handoff.staff"]
    [escalation] = escalations(decisions)
    assert (escalation.urgency, escalation.why) == (Urgency.NORMAL,
                                                    "a reply to an attendance letter")
    again = replace(inbound("and she has a temperature today"), replies_to_letter=True)
    _, later = step(state, again, facts(amy()), NOW, LEXICONS)
    assert records(later) == [] and replies(later) == [] and len(escalations(later)) == 1


def test_an_urgent_reply_to_a_letter_is_urgent() -> None:
    letter = replace(inbound("I dropped her at the gate and she is not there"),
                     replies_to_letter=True)
    _, decisions = step(awaiting("S1"), letter, facts(amy()), NOW, LEXICONS)
    assert [e.urgency for e in escalations(decisions)] == [Urgency.URGENT]


def test_a_restricted_sender_goes_to_a_person_quietly_and_sets_no_code() -> None:
    message = replace(inbound("she has a temperature"), restricted_sender=True)
    _, decisions = step(awaiting("S1"), message, facts(amy()), NOW, LEXICONS)
    assert records(decisions) == [] and replies(decisions) == []
    assert "court order" in escalations(decisions)[0].why
