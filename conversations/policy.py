"""What each intent means for the register, and what the bot may decide without a person."""

from __future__ import annotations

from conversations.types import URGENT_INTENTS, Intent, Policy, StudentFact
from conversations.whys import Why

SUGGESTED_CODE: dict[Intent, str] = {
    Intent.ILLNESS: "I",
    Intent.MEDICAL_APPOINTMENT: "M",
    Intent.RELIGIOUS_OBSERVANCE: "R",
    Intent.HOLIDAY: "G",
    Intent.BEREAVEMENT: "C",
    Intent.EXCLUSION: "E",
}

# Intents that give a reason for an absence (and so are recorded against marks).
REASON_INTENTS: frozenset[Intent] = frozenset({
    Intent.ILLNESS, Intent.MEDICAL_APPOINTMENT, Intent.RELIGIOUS_OBSERVANCE, Intent.HOLIDAY,
    Intent.BEREAVEMENT, Intent.FAMILY_CIRCUMSTANCES, Intent.TRANSPORT, Intent.SCHOOL_ACTIVITY,
    Intent.EXCLUSION, Intent.SCHOOL_REFUSAL, Intent.MOVED_AWAY, Intent.LATE_OTHER,
})

# The only codes the bot may ever set by itself: I and M, and R only where the school allows it.
# This is their one home: the store's last check before writing a code reads them too.
BOT_CODES = frozenset({"I", "M"})
RELIGIOUS_CODE = "R"
BOT_CONFIRMABLE = BOT_CODES | {RELIGIOUS_CODE}  # whatever a school's policy, never more
MIN_CONFIDENCE_TO_CONFIRM = 0.75


def may_auto_confirm(intent: Intent, policy: Policy) -> bool:
    """Whether policy lets the bot confirm this intent's code without a person."""
    code = SUGGESTED_CODE.get(intent)
    if intent not in policy.auto_confirm or code is None:
        return False
    return code in BOT_CODES or (code == RELIGIOUS_CODE and policy.allow_religious_auto_confirm)


STAFF_CODED_WHY = Why("staff_coded")


def staff_coded(student: StudentFact) -> bool:
    """Whether a person already coded one of this child's marks: then a reply about the child
    goes to a person. The bot never overrides staff, and the family's words must not sit
    unseen in a thread."""
    return any(mark.set_by_staff for mark in student.marks)


def needs_staff(intent: Intent, policy: Policy, *, mixed: bool, confidence: float) -> bool:
    """Whether a person must look at a reply with this reading."""
    if intent in URGENT_INTENTS or mixed or confidence < MIN_CONFIDENCE_TO_CONFIRM:
        return True
    if intent in (Intent.ACKNOWLEDGEMENT, Intent.LATE_OTHER, Intent.UNCLEAR, Intent.OPT_OUT):
        return False
    return not may_auto_confirm(intent, policy)
