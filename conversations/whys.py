"""Why a person is handed something: a stable code and its parameters, with its English.

An escalation's reason is read by staff in their own language on the console, so the store
keeps the code and parameters beside the English (`Escalation.why_code`, `why_params`) and the
console words them through the Babel catalogs. A `Why` is the English string itself (a `str`),
so everything that reads the reason as text (alerts, exports, logs, tests) is unchanged; text
built without one (a reason from before codes, or one not given a code) has no code and is
shown as written.
"""

from __future__ import annotations

from typing import Any

# code -> the English, with the parameters as str.format fields. The console's words for each
# code are in bot/console/templates/_whys.html; a code is never reused for another meaning.
ENGLISH = {
    # The engine hands a conversation to a person (conversations/).
    "no_students": "reason from a contact with no students",
    "which_child_of_reason": "reason given but not which child",
    "which_child": "could not tell which child the reply is about",
    "edited_after_confirmed": "the family edited their message after a code was confirmed",
    "restricted": "a message from a contact restricted by a court order",
    "letter_reply": "a reply to an attendance letter",
    "media_only": "a photo or document sent with no words",
    "shown": "{what} sent with no words",  # `content`: photo, voice, sticker, ...
    "contact_said": "contact said: {intent}",
    "reads_as": "reply reads as {intent}",  # an urgent reading: a person at once
    "reason_for_person": "reason needs a person: {intent}",  # policy confirms no code alone
    # A reason, and a request for help or another matter beside it (beside_the_reason.py).
    "more_than_a_reason": "a reason, and more for a person to read: {intent}",
    "no_student_to_tell": "no student this contact may be told about",
    "question": "a question about the child",
    "too_long": "a long message the bot could not read",
    "after_reason": "message after the reason was recorded",
    "not_understood": "reply not understood",
    "after_certified": "message after the absence was certified",
    "after_person_took": "more from the student after a person took the report",
    "student_said": "student said: {intent}",
    "self_cert_not_understood": "self-certification reason not understood",
    "self_cert_not_confirmed": "the student did not confirm the days and reason",
    "self_cert_incomplete": "self-certification without a student, reason or days",
    "self_report_not_understood": "self-report reason not understood",
    # What puts a self-certification beyond the policy (selfcert.beyond_policy), and the
    # escalation that hands it to a person (`detail`: that reason's English, `detail_code`).
    "self_cert_beyond": "self-certification: {detail}",
    "self_cert_employer": "reported by the apprentice's employer",
    "self_cert_unverified": ("the sender could not be verified as the student (an email not "
                             "in reply to ours)"),
    "self_cert_term_limit": "{made} self-certifications this term already, the limit is {limit}",
    "self_cert_reason": "{intent} is not a reason a student may self-certify",
    "self_cert_days": "{days} days, more than the {max} a student may self-certify",
    "self_cert_days_evidence": ("{days} days, more than the {max} a student may self-certify "
                                "(evidence sent)"),
    "self_cert_no_evidence": "{intent} needs evidence and none was sent",
    "self_cert_ahead": "starts more than {days} school days ahead",
    "staff_coded": "a reply about a mark a member of staff has already coded",
    "staff_marked": "a self-certification covering events a member of staff has marked absent",
    # Tasks and escalations the store and the scheduler open.
    "referred": "Referred by {name}: {words}",
    "at_risk": "At risk: {rules}",  # `met`: the rules' ids, and their figures
    "visa_crossed": "Visa sponsor's engagement policy crossed: {rules}",
    "framework_review": ("{count} unauthorised sessions in {weeks} school weeks (the national "
                         "framework's threshold is {threshold}): review the case; nothing is "
                         "automatic"),
    "mis_refused": "the MIS refused the confirmed reason: {reason}",
    "mis_disagrees": ("rollcall and the school's MIS disagree on {count} session(s) of {day}: "
                      "see the MIS check (/console/mis-check?day={day})"),
    "no_reason_after_chase": "no reason after the chase",
    "media_not_kept": "a photo or document the family sent could not be kept",
    "unknown_sender": "a message from an unknown sender",
    "unplaced": "a reply from an address known at several schools: which child is not clear",
    "not_processed": "a message could not be processed",
    "channel_lost": "this contact's {channel} no longer reaches them: {detail}",
}


class Why(str):
    """The English of reason `code` with `params` (JSON values), carrying both."""

    code: str
    params: dict[str, Any]

    def __new__(cls, code: str, /, **params: Any) -> Why:
        made = super().__new__(cls, ENGLISH[code].format(**params))
        made.code, made.params = code, params
        return made


def code_of(why: str) -> tuple[str | None, dict[str, Any] | None]:
    """The code and parameters of a reason, or (None, None) for plain text."""
    if isinstance(why, Why):
        return why.code, why.params
    return None, None
