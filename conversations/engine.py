"""The guided reason conversation: one inbound message in, the new state and decisions out.

Pure: no I/O, no clock (`now` is given), nothing of ours but the engine's own modules. The shell
loads the state and facts, calls `step`, and applies the decisions in one transaction.

Order of concern, every time: opt-out and carrier keywords; urgent content (escalate at once,
one holding message, then silence); a person already in charge (say nothing); a sender a court
order restricts, or a reply to an attendance letter (a person, never a reason recorded); then
the dialogue: a reason ends in one acknowledgement, no reason gets one question, an unclear
reply a numbered menu, and a second unclear reply goes to a person. A long message the bot
cannot read goes to a person at once: someone who writes that much is saying something, and it
may be a disclosure. Never more than three bot turns, except a college or university student
certifying their own absence (`selfcert`), whose reason and days are read back for a yes before
they count.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from conversations import selfcert, selfreport
from conversations.dialogue import (
    DONE,
    HANDED_OFF,
    WHICH_CHILD,
    Step,
    Turn,
    absent_children,
    attach_evidence,
    escalate_urgent,
    hand_off,
    record_reasons,
    reply,
)
from conversations.edits import read_edit
from conversations.menu import MENU, menu_choice
from conversations.safety import LONG_UNREAD_WORDS
from conversations.text import tokens
from conversations.types import (
    ConversationKind,
    ConversationState,
    Decision,
    Facts,
    Inbound,
    Intent,
    Lexicons,
    Mode,
    OptIn,
    OptOut,
    Reply,
)
from conversations.understanding import answer_of, classify, command_of
from conversations.whys import Why

_CHAT_COMMANDS = {"/stop": "opt_out", "/start": "opt_in", "/help": "help"}
_COMMAND_REPLIES = {"opt_out": "optout.confirmed", "opt_in": "optin.confirmed", "help": "help"}
ASKED_REASON = "ask.reason"
# What staff read when a message carried no words we could read: "a voice note sent with no
# words". A channel's content name not listed here is shown as it is ("a dice sent ...").
SHOWN = {"photo": "a photo", "document": "a document", "voice": "a voice note",
         "audio": "an audio file", "video": "a video", "video_note": "a video message",
         "animation": "an animation", "sticker": "a sticker", "contact": "a shared contact",
         "location": "a location", "venue": "a place"}
MEDIA_ONLY = Why("media_only")
RESTRICTED = Why("restricted")


def step(state: ConversationState, inbound: Inbound, facts: Facts, now: datetime,
         lexicons: Lexicons) -> tuple[ConversationState, list[Decision]]:
    """Advance one conversation by one inbound message. Pure: no I/O, no clock."""
    del now  # the facts carry today; `now` is part of the contract for time-of-day rules
    command = _CHAT_COMMANDS.get(inbound.command or "") or command_of(
        inbound.text, lexicons=lexicons, language_hint=facts.language)
    if command:
        return _keyword(state, inbound, command)
    if state.mode is Mode.RESOLVED:
        state = ConversationState(kind=state.kind, holding_sent=state.holding_sent,
                                  about_student_ids=state.about_student_ids)
    reading = classify(inbound.text, lexicons=lexicons, language_hint=facts.language,
                       students=facts.students, today=facts.today,
                       self_report=_self_report(state, inbound, facts) and not _family(facts),
                       closed_days=facts.closed_days)
    answer = None
    if facts.policy.self_certification is not None:  # a read-back waits for yes or no
        answer = answer_of(inbound.button or inbound.text, lexicons=lexicons,
                           language_hint=reading.language)
    turn = Turn(state, inbound, facts, reading, answer=answer)
    new_state, decisions = _converse(turn)
    return new_state, _answered_in(reading.answer_language, attach_evidence(turn, decisions))


def _answered_in(language: str | None, decisions: list[Decision]) -> list[Decision]:
    """Every reply in the language the person wrote in ("wrong number" is answered in English
    whatever the contact's language on file)."""
    if language is None:
        return decisions
    return [replace(d, language=language) if isinstance(d, Reply) else d for d in decisions]


def _converse(turn: Turn) -> Step:
    state, inbound, facts, reading = turn.state, turn.inbound, turn.facts, turn.reading
    if reading.urgent:
        return escalate_urgent(turn)
    if state.mode is Mode.STAFF:
        return state, []  # a person is answering; the message is stored and shown to them
    handed_off = state.holding_sent or state.stage == HANDED_OFF
    if inbound.restricted_sender:
        # Nothing is ever sent to them and nothing they say sets a code: a person reads it.
        return hand_off(turn, why=RESTRICTED, quiet=True)
    if inbound.replies_to_letter:
        # About the pattern in the letter, not today's mark: a person, told once that one
        # will be in touch; every later message reaches the same person, quietly.
        return hand_off(turn, why=Why("letter_reply"), quiet=handed_off)
    if inbound.edited:
        return read_edit(turn, handed_off=handed_off)
    # At a college or university every reply is about timetabled events: the student's own,
    # or a parent's or carer's about their child (no AM/PM register to explain).
    certifies = facts.policy.self_certification is not None
    if handed_off:
        return selfcert.after_hand_off(turn) if certifies else _after_hand_off(turn)
    if certifies or _self_report(state, inbound, facts):
        if _shown_not_said(turn) and state.pending_intent is None:
            return hand_off(turn, why=_shown(inbound))  # not the asked-for note: a person
        return selfcert.step(turn) if certifies else selfreport.step(turn)
    return _guided(turn)


def _keyword(state: ConversationState, inbound: Inbound,
             command: str) -> Step:
    decisions: list[Decision] = []
    if command == "opt_out":
        decisions.append(OptOut(inbound.channel))
    elif command == "opt_in":
        decisions.append(OptIn(inbound.channel))
    if state.mode is not Mode.STAFF and not state.holding_sent and not inbound.provider_answered:
        decisions.append(Reply(_COMMAND_REPLIES[command]))
    return state, decisions


def _shown_not_said(turn: Turn) -> bool:
    """Something other than words (a photo, document, MMS, voice note, video, sticker, shared
    contact, location) with no words we can read beside it: no caption, or a caption or
    sticker emoji that reads as nothing (a 👍 sticker is an acknowledgement, read as one)."""
    inbound = turn.inbound
    if not (inbound.has_media or inbound.content) or inbound.button or inbound.command:
        return False
    if _sticker_said(inbound):
        return False  # its emoji is read, as if typed (`_guided`)
    return not inbound.text.strip() or turn.reading.intent is Intent.UNCLEAR


def _sticker_said(inbound: Inbound) -> bool:
    """A sticker with its emoji: it says what the emoji says (a 👋, a 😡, a 🌹), a weak word
    of no reason, never something shown that a person must look at."""
    return inbound.content == "sticker" and not inbound.has_media and bool(inbound.text.strip())


def _shown(inbound: Inbound) -> str:
    """Why a person is handed a message with no words: what it carried."""
    if inbound.content is None or inbound.content in ("photo", "document"):
        return MEDIA_ONLY
    return Why("shown", content=inbound.content,
               what=SHOWN.get(inbound.content, f"a {inbound.content}"))


def _self_report(state: ConversationState, inbound: Inbound, facts: Facts) -> bool:
    return (state.kind is ConversationKind.SELF_REPORT or facts.relationship == "self"
            or inbound.command == "/absent")


def _family(facts: Facts) -> bool:
    """A parent or carer (or an employer) writing about a college student: "I'm ill" is not
    the student's own illness."""
    return facts.policy.self_certification is not None and facts.relationship != "self"


def _after_hand_off(turn: Turn) -> Step:
    """A person has it: stay quiet, but make sure a new reason (or photo) reaches them."""
    reading = turn.reading
    if _shown_not_said(turn):
        return hand_off(turn, why=_shown(turn.inbound), quiet=True)
    if reading.intent in (Intent.ACKNOWLEDGEMENT, Intent.UNCLEAR):
        return turn.state, []
    if reading.intent is Intent.OPT_OUT:  # "stop texting me" is honoured, as STOP is
        return _keyword(turn.state, turn.inbound, "opt_out")
    if reading.intent in _NOT_A_REASON:
        # "please call me" to a person who already has it: they hear of it, and the mark stays
        # unexplained (a call request is no reason; "reported" would hide an unexplained child).
        return hand_off(turn, why=Why("contact_said", intent=reading.intent.value), quiet=True)
    return record_reasons(turn, quiet=True, person_decides=True)


# What a contact may ask of a person that is no reason for the absence.
_NOT_A_REASON = (Intent.CALL_REQUEST, Intent.WRONG_NUMBER)


def _guided(turn: Turn) -> Step:
    state, reading = turn.state, turn.reading
    if _shown_not_said(turn):
        # A photo of a note or a voice note is not a reply we failed to read: it is kept (as
        # evidence when it is media) and a person looks at it (never "we did not understand").
        return hand_off(turn, why=_shown(turn.inbound), quiet=state.stage == DONE)
    choice = menu_choice(turn) if state.stage == MENU or turn.inbound.button else None
    if choice is not None:
        turn = turn.with_intent(choice)
        reading = turn.reading
    if state.stage == WHICH_CHILD and state.pending_intent:
        return _answer_which_child(turn)
    intent = reading.intent
    if intent is Intent.OPT_OUT:
        return state, [OptOut(turn.inbound.channel), Reply("optout.confirmed")]
    if intent in _NOT_A_REASON:
        return hand_off(turn, why=Why("contact_said", intent=intent.value))
    if reading.asks_about_child:  # "is she ok??": a person answers a question, never a menu
        return hand_off(turn, why=Why("question"))
    if intent in (Intent.ACKNOWLEDGEMENT, Intent.UNCLEAR) and _long(turn.inbound.text):
        return hand_off(turn, why=Why("too_long"),
                        quiet=state.stage == DONE)
    if intent is Intent.ACKNOWLEDGEMENT or (intent is Intent.UNCLEAR
                                            and _sticker_said(turn.inbound)):
        # A sticker alone ("👋", "😡") is weak: the reason question once, as for "ok" — never
        # "we did not understand" for a picture, never a person for a wave.
        return _acknowledged(turn)
    if intent is Intent.UNCLEAR:
        return _unclear(turn)
    if intent is Intent.LATE_OTHER and state.kind is ConversationKind.LATE:
        return replace(state, stage=DONE, bot_turns=state.bot_turns + 1), [
            reply("reason.thanks", turn, _absent_names(turn))]
    return record_reasons(turn)


def _long(text: str) -> bool:
    return len(tokens(text)) >= LONG_UNREAD_WORDS


def _acknowledged(turn: Turn) -> Step:
    state = turn.state
    if state.stage == DONE:
        return state, []  # "thanks" after our thanks: nothing more to say
    if ASKED_REASON in state.questions_asked:
        # "ok" or a 👍 after we asked for the reason: they saw the question. Saying we did not
        # understand would be untrue; a child still unexplained goes on the call list.
        return state, []
    new_state = replace(state, questions_asked=(*state.questions_asked, ASKED_REASON),
                        bot_turns=state.bot_turns + 1)
    return new_state, [reply(ASKED_REASON, turn, _absent_names(turn))]


def _unclear(turn: Turn) -> Step:
    state = turn.state
    if state.stage == DONE:
        return hand_off(turn, why=Why("after_reason"), quiet=True)
    if state.unclear_replies >= 1 or state.bot_turns >= 2:
        return hand_off(turn, why=Why("not_understood"))
    new_state = replace(state, stage=MENU, unclear_replies=state.unclear_replies + 1,
                        bot_turns=state.bot_turns + 1)
    return new_state, [Reply("menu.intro", options=turn.menu_options())]


def _absent_names(turn: Turn) -> str:
    """Whom a question names: only the children still unexplained, never a sibling in school."""
    return turn.names_for(tuple(s.student_id for s in absent_children(turn)))


def _answer_which_child(turn: Turn) -> Step:
    """The contact named the child (or "both") after we asked: apply the remembered reason."""
    state, reading = turn.state, turn.reading
    named = [c.student_id for c in reading.children] or (
        [s.student_id for s in absent_children(turn)] if reading.all_children else [])
    if not named:
        if reading.intent not in (Intent.ACKNOWLEDGEMENT, Intent.UNCLEAR):
            return record_reasons(turn)
        return hand_off(turn, why=Why("which_child"))
    pending = state.pending_intent or Intent.UNCLEAR
    remembered = turn.remembered(pending, tuple(named))
    return record_reasons(remembered)
