"""Self-certification at a college or university: a student reports their own absence for a range
of days, confirms it when it is read back, sends evidence when the policy asks, and anything
beyond the policy goes to a person. Plain calls of the engine."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from conversations.types import (
    AttachEvidence,
    ConversationKind,
    ConversationState,
    DayRange,
    Decision,
    Escalate,
    Facts,
    Intent,
    KeepNotice,
    Label,
    Policy,
    ReasonStatus,
    RecordReason,
    Reply,
    SelfCertification,
    SelfCertify,
    Urgency,
)
from conversations.understanding import answer_of
from tests.conversations.helpers import LEXICONS, TODAY, facts, say, student

WEDNESDAY, THURSDAY, FRIDAY = TODAY, TODAY + timedelta(days=1), TODAY + timedelta(days=2)


def me(language: str = "en", rules: SelfCertification | None = None) -> Facts:
    return facts(student("S9", "Priya"), relationship="self", language=language,
                 policy=Policy(self_certification=rules or SelfCertification()))


def fresh() -> ConversationState:
    return ConversationState(kind=ConversationKind.UNSOLICITED)


def keys(decisions: list[Decision]) -> list[str]:
    return [d.key for d in decisions if isinstance(d, Reply)]


def certified(decisions: list[Decision]) -> list[SelfCertify]:
    return [d for d in decisions if isinstance(d, SelfCertify)]


def conversation(*replies: str, language: str = "en", rules: SelfCertification | None = None,
                 media_at: int | None = None
                 ) -> tuple[ConversationState, list[list[Decision]]]:
    state, said = fresh(), []
    for position, text in enumerate(replies):
        state, decisions = say(state, text, me(language, rules),
                               has_media=position == media_at)
        said.append(decisions)
    return state, said


def test_illness_for_three_days_is_read_back_then_certified() -> None:
    state, (first, second) = conversation("I've got flu, off all week", "yes")
    [read_back] = first
    assert read_back == Reply("selfcert.confirm", params=(
        ("reason", Label("selfcert.reason.illness")),
        ("dates", DayRange(WEDNESDAY, FRIDAY))), options=read_back.options)
    assert [o.key for o in read_back.options] == ["selfcert.yes", "selfcert.no"]
    [certificate] = certified(second)
    assert (certificate.intent, certificate.start, certificate.end, certificate.status) == (
        Intent.ILLNESS, WEDNESDAY, FRIDAY, ReasonStatus.CONFIRMED)
    assert "flu" in certificate.reason_text
    assert keys(second) == ["selfcert.recorded"]
    assert not any(isinstance(d, Escalate | RecordReason | KeepNotice) for d in second)
    assert state.stage == "done"


def test_nothing_is_recorded_before_the_student_says_yes() -> None:
    _, (first,) = conversation("sick today")
    assert certified(first) == [] and keys(first) == ["selfcert.confirm"]


def test_reason_then_days_are_asked_for_when_not_said() -> None:
    _, (first, second, third, fourth) = conversation("/absent", "migraine", "just today", "1")
    assert keys(first) == ["self.ask_reason"]
    assert keys(second) == ["ask.duration"]
    assert keys(third) == ["selfcert.confirm"]
    [certificate] = certified(fourth)
    assert (certificate.start, certificate.end) == (TODAY, TODAY)


def test_no_then_new_days_are_read_back_again() -> None:
    _, (_, second, third, fourth) = conversation("ill today", "no", "ill all week", "yes")
    assert keys(second) == ["selfcert.ask_again"]
    assert keys(third) == ["selfcert.confirm"]
    [certificate] = certified(fourth)
    assert certificate.end == FRIDAY


def test_a_correction_in_the_answer_is_read_back() -> None:
    # "until Friday": back on Friday, as the engine reads it for schools too.
    _, (_, second, third) = conversation("ill today", "no, until Friday", "yes")
    assert keys(second) == ["selfcert.confirm"]
    assert dict(second[0].params)["dates"] == DayRange(WEDNESDAY, THURSDAY)  # type: ignore[union-attr]
    assert certified(third)[0].end == THURSDAY


def test_no_twice_goes_to_a_person() -> None:
    _, said = conversation("ill today", "no", "ill today", "no")
    assert [type(d) for d in said[-1]] == [Escalate, Reply]
    assert certified(said[-1]) == []


def test_beyond_the_limit_asks_for_evidence_and_goes_to_a_person_with_it() -> None:
    _, said = conversation("I have glandular fever, off for 10 days", "yes", "",
                           media_at=2)
    assert keys(said[1]) == ["selfcert.ask_evidence"]
    [certificate] = certified(said[2])
    assert certificate.status is ReasonStatus.REPORTED and certificate.evidence
    assert certificate.end - certificate.start == timedelta(days=13)  # ten school days
    [escalation] = [d for d in said[2] if isinstance(d, Escalate)]
    assert escalation.urgency is Urgency.NORMAL and "more than the 7" in escalation.why
    assert any(isinstance(d, AttachEvidence) for d in said[2])
    assert keys(said[2]) == ["reason.passed_on"]


def test_an_appointment_needs_evidence_and_is_certified_with_it() -> None:
    _, said = conversation("hospital appointment tomorrow", "yes", "here is the letter",
                           media_at=2)
    assert keys(said[1]) == ["selfcert.ask_evidence"]
    [certificate] = certified(said[2])
    assert certificate.status is ReasonStatus.CONFIRMED and certificate.evidence
    assert (certificate.start, certificate.end) == (THURSDAY, THURSDAY)


def test_no_evidence_for_an_appointment_goes_to_a_person() -> None:
    _, said = conversation("hospital appointment tomorrow", "yes", "no")
    [certificate] = certified(said[2])
    assert certificate.status is ReasonStatus.REPORTED
    assert "needs evidence" in certificate.why


def test_evidence_sent_with_the_report_is_not_asked_for_again() -> None:
    _, said = conversation("dentist appointment today, letter attached", "yes", media_at=0)
    assert certified(said[1])[0].status is ReasonStatus.CONFIRMED
    assert "selfcert.ask_evidence" not in keys(said[1])


def test_a_reason_the_student_may_not_certify_goes_to_a_person() -> None:
    _, said = conversation("going on holiday to Spain all week", "yes")
    [certificate] = certified(said[1])
    assert certificate.status is ReasonStatus.REPORTED
    assert [d.intent for d in said[1] if isinstance(d, Escalate)] == [Intent.HOLIDAY]


def test_the_institution_sets_the_limit() -> None:
    strict = SelfCertification(max_days=2)
    _, said = conversation("ill all week", "yes", "no", rules=strict)
    assert keys(said[1]) == ["selfcert.ask_evidence"]
    assert certified(said[2])[0].status is ReasonStatus.REPORTED


def test_beyond_the_terms_limit_goes_to_a_person() -> None:
    within = SelfCertification(max_per_term=3, made_this_term=2)
    _, said = conversation("I've got flu, off all week", "yes", rules=within)
    assert certified(said[1])[0].status is ReasonStatus.CONFIRMED
    used_up = SelfCertification(max_per_term=3, made_this_term=3)
    _, said = conversation("I've got flu, off all week", "yes", rules=used_up)
    [certificate] = certified(said[1])
    assert certificate.status is ReasonStatus.REPORTED
    assert certificate.why == "3 self-certifications this term already, the limit is 3"
    assert keys(said[1]) == ["reason.passed_on"]
    assert [d.why for d in said[1] if isinstance(d, Escalate)] == [
        "self-certification: 3 self-certifications this term already, the limit is 3"]


def test_self_harm_escalates_at_once_as_for_schools() -> None:
    state, said = conversation("ill today", "honestly I want to kill myself")
    [escalation] = [d for d in said[1] if isinstance(d, Escalate)]
    assert escalation.urgency is Urgency.URGENT
    assert keys(said[1]) == ["urgent.holding"] and certified(said[1]) == []
    _, after = say(state, "yes", me())
    assert certified(after) == [] and keys(after) == []


def test_polish_and_arabic_yes() -> None:
    _, said = conversation("jestem chora do piątku", "tak", language="pl")
    assert certified(said[1])[0].end == THURSDAY
    _, said = conversation("أنا مريض اليوم", "نعم", language="ar")
    assert certified(said[1])[0].intent is Intent.ILLNESS


def test_a_school_student_still_reports_by_the_register() -> None:
    school_student = facts(student("S9", "Priya"), relationship="self")
    _, decisions = say(fresh(), "I'm ill today", school_student)
    assert keys(decisions) == ["self.recorded"] and certified(decisions) == []


def test_yes_and_no_in_every_language() -> None:
    for language, yes, no in (("en", "yes", "no"), ("pl", "tak", "nie"), ("cy", "ie", "na"),
                              ("ro", "da", "nu"), ("ur", "جی ہاں", "نہیں"), ("ar", "نعم", "لا"),
                              ("bn", "হ্যাঁ", "না"), ("pa", "ਹਾਂ", "ਨਹੀਂ"), ("so", "haa", "maya"),
                              ("pt", "sim", "não"), ("es", "sí", "no"), ("lt", "taip", "ne")):
        assert answer_of(yes, lexicons=LEXICONS, language_hint=language) is True, language
        assert answer_of(no, lexicons=LEXICONS, language_hint=language) is False, language
    assert answer_of("1", lexicons=LEXICONS) is True
    assert answer_of("I have a cold", lexicons=LEXICONS) is None


def test_days_past_are_certified_too() -> None:
    monday = TODAY - timedelta(days=2)
    _, said = conversation("I was ill on Monday and Tuesday", "yes")
    [certificate] = certified(said[1])
    assert certificate.start == monday and certificate.end == TODAY - timedelta(days=1)
    assert date(2026, 11, 23) == monday


def test_a_reply_to_the_digest_is_about_its_day() -> None:
    monday = TODAY - timedelta(days=2)
    after_digest = replace(me(), digest_day=monday)
    _, decisions = say(fresh(), "sorry, I was ill", after_digest)
    assert keys(decisions) == ["selfcert.confirm"]  # no "how long?": the digest's day
    assert dict(decisions[0].params)["dates"] == DayRange(monday, monday)  # type: ignore[union-attr]
    _, decisions = say(fresh(), "/absent", after_digest, command="/absent")
    assert keys(decisions) == ["self.ask_reason"]
    _, decisions = say(fresh(), "I'm ill today", after_digest)  # its own days win
    assert dict(decisions[0].params)["dates"] == DayRange(TODAY, TODAY)  # type: ignore[union-attr]
