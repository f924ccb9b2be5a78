"""Rendering message keys into the words a contact reads, in the contact's language.

The engine and the runs speak in message keys ("reason.thanks"); `render()` turns a key and its
parameters into text through the Babel catalogs in `locales/` (see channels/catalogs.py).
MESSAGES is the English source: `pybabel extract` reads it (README, "Translations"), each key
becoming a catalog entry whose context is the key, ".one"/".other" pairs one plural entry.
A key added here needs its translation in every supported language (tests/locales).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import date, datetime

from jinja2 import Environment

from channels.catalogs import catalog_language, translations
from channels.formats import format_day, format_names
from conversations.types import DayRange, Label, Option

log = logging.getLogger(__name__)

# key -> English text. Placeholders: {school}, {names} (first names joined), {name}, {date},
# {count}, {url}, {phone}. Keys ending in ".one"/".other" are the plural pair of one message.
MESSAGES: dict[str, str] = {
    "absence.first.one": "{school}: {names} was marked absent this morning ({date}) and we "
                         "have no reason yet. Please reply with the reason.",
    "absence.first.other": "{school}: {names} were marked absent this morning ({date}) and we "
                           "have no reason yet. Please reply with the reasons.",
    "absence.pm.one": "{school}: {names} was marked absent this afternoon ({date}). "
                      "Please reply with the reason.",
    "absence.pm.other": "{school}: {names} were marked absent this afternoon ({date}). "
                        "Please reply with the reasons.",
    "late.notice.one": "{school}: {names} arrived late this morning ({date}). "
                       "Please reply if there is a reason we should know.",
    "late.notice.other": "{school}: {names} arrived late this morning ({date}). "
                         "Please reply if there is a reason we should know.",
    "chase.one": "{school}: we have still not heard why {names} is absent today. "
                 "Please reply with the reason or call the school.",
    "chase.other": "{school}: we have still not heard why {names} are absent today. "
                   "Please reply with the reasons or call the school.",
    "correction": "{school}: sorry, {names} is marked present now. Please ignore our earlier "
                  "message.",
    # To every family messaged on a day the school closes in an emergency (a snow day).
    "closure.emergency": "{school} has had to close today ({date}). You do not need to reply "
                         "to this message.",
    "reason.thanks": "Thank you. We have recorded the reason for {names}.",
    "reason.passed_on": "Thank you. We have passed this to the attendance team, who will be in "
                        "touch if they need to.",
    "ask.reason": "Thank you. Could you tell us why {names} is not in school?",
    "ask.which_child": "Which child is this about? Please reply with their first name: {names}.",
    "ask.duration": "How long do you expect to be off? For example: today, 2 days, until Monday.",
    "ask.evidence": "If you have a note or appointment letter, you can send a photo of it now. "
                    "Otherwise reply 'no'.",
    "menu.intro": "Sorry, we did not understand. What is the reason?",
    "menu.illness": "illness",
    "menu.medical_appointment": "medical or dental appointment",
    "menu.other": "another reason",
    "menu.call_me": "please call me",
    "menu.sms_footer": "Reply with the number.",
    "handoff.staff": "Thank you. A member of staff will be in touch.",
    "urgent.holding": "Thank you. A member of staff will contact you as soon as possible. If "
                      "anyone is in immediate danger, call 999.",
    "self.ask_reason": "Sorry to hear you are not in. What is the reason for your absence?",
    "self.recorded": "Thank you. We have recorded that you are absent ({dates}). Get well soon.",
    # A college or university student certifying their own absence. {reason}: one of the
    # selfcert.reason.* labels; {dates}: a day, or selfcert.days ("Monday 23 November to ...").
    "selfcert.confirm": "To check: {reason}, {dates}. Is that right?",
    "selfcert.yes": "Yes",
    "selfcert.no": "No, change it",
    "selfcert.ask_again": "Please send the reason and the days again, for example: ill from "
                          "Monday to Wednesday.",
    "selfcert.ask_evidence": "Please send a photo or PDF of your evidence now, such as a fit "
                             "note or an appointment letter. If you cannot, reply 'no' and a "
                             "member of staff will be in touch.",
    "selfcert.recorded": "Thank you. Your absence ({reason}, {dates}) is recorded as "
                         "authorised.",
    # The same questions to a parent or carer of an under-18 college student, about their
    # child ({names}: the child's first name).
    "selfcert.family.ask_reason": "Thank you. What was the reason {names} was not in?",
    "selfcert.family.ask_duration": "How long do you expect {names} to be off? For example: "
                                    "today, 2 days, until Monday.",
    "selfcert.family.recorded": "Thank you. The absence of {names} ({reason}, {dates}) is "
                                "recorded as authorised.",
    # A person declined a self-certification that went to them: {why} is their reason, as they
    # wrote it (the console asks for it in the student's language where it can).
    "selfcert.declined": "{school}: the absence reported for {dates} ({reason}) has not been "
                         "authorised. Why: {why}. Reply if you have a question.",
    "selfcert.days": "{start} to {end}",
    "selfcert.reason.illness": "illness",
    "selfcert.reason.medical_appointment": "medical appointment",
    "selfcert.reason.religious_observance": "religious observance",
    "selfcert.reason.holiday": "holiday",
    "selfcert.reason.bereavement": "bereavement",
    "selfcert.reason.family_circumstances": "family circumstances",
    "selfcert.reason.transport": "transport problem",
    "selfcert.reason.school_activity": "course activity",
    "selfcert.reason.other": "other reason",
    # The evening digest to a college or university student: {events} lists digest.event
    # items ("EC2010 Econometrics (lecture) at 10:00"), the last perhaps digest.more.
    "digest.missed": "{school}: today ({date}) you missed {events}. If you had a reason, "
                     "reply and tell us, for example: I was ill.",
    "digest.event": "{what} at {time}",
    # The same digest to a parent or carer of an under-18 college student: {names} is the
    # child's first name (one digest per child).
    "digest.family": "{school}: today ({date}) {names} missed {events}. If there was a reason, "
                     "reply and tell us, for example: ill today.",
    # A Personal Tutor invites their student to meet (sent from the console, on the student's
    # own channel): {tutor} is the tutor's name, {place} as the tutor wrote it.
    "engagement.invite": "{school}: your Personal Tutor {tutor} would like to meet you on "
                         "{date} at {time}, {place}. Please reply to say if you can come.",
    "digest.more": "{count} more",
    "event.lecture": "lecture",
    "event.seminar": "seminar",
    "event.tutorial": "tutorial",
    "event.lab": "lab",
    "event.practical": "practical",
    "event.workshop": "workshop",
    "optout.confirmed": "You will no longer get attendance messages from {school} here. "
                        "Reply START to get them again.",
    "optin.confirmed": "You will get attendance messages from {school} again.",
    "help": "{school} attendance messages. Reply with the reason for an absence, or call the "
            "school on {phone}. Reply STOP to stop these messages.",
    "unknown_sender": "Thank you for your message. We could not match it to a family, so a "
                      "member of staff will look at it.",
    "email.subject": "Attendance message from school",
    "link.invite": "{school}: to get attendance messages on Telegram, open {url}",
    "link.done": "This chat is now linked to {school} attendance messages.",
    "link.failed": "That link has expired or was already used. Please ask the school for a new "
                   "one.",
    # To a member of staff, in their language. {about}: the child and the concern, as much as
    # the school allows ("Amy S. (Year 7): ..."); {phone}: the family's number, tap to call.
    "staff.urgent_alert": "URGENT, {school}: {about}. Family's number: {phone}. Reply ACK to "
                          "acknowledge, or tap {url}",
    "staff.urgent_alert_no_phone": "URGENT, {school}: {about}. Reply ACK to acknowledge, or "
                                   "tap {url}",
    "staff.year": "Year {year}",
    "concern.whereabouts_unknown": "the family do not know where the child is",
    "concern.in_school_dispute": "the family say the child should be in school",
    "concern.safeguarding": "a possible disclosure of harm",
    "concern.urgent": "a message that may mean a child is unsafe",
    "staff.ack_done": "Acknowledged, thank you. The console: {url}",
    # Words that acknowledge an alert as the first word of a reply to its email, besides ACK,
    # separated by commas: "OK" and the usual short words for OK and yes, in capitals where
    # the language has them.
    "staff.ack_words": "OK, okay, yes",
    "staff.ack_not_understood": "Not acknowledged: the reminders go on. To acknowledge, reply "
                                "ACK to the alert or tap its link. The console: {url}",
    "staff.ack_expired": "This alert can no longer be acknowledged by a reply. Open the "
                         "console: {url}",
    "ack.button": "Acknowledge",
    "ack.done": "Acknowledged, thank you. The reminders have stopped.",
    "ack.expired": "This link has expired. Open the console to see the alert.",
    # To a member of staff: an admin reset their password, or made their account.
    "staff.password_link": "rollcall, {school}: to choose your password for the attendance "
                           "console, open {url} - the link works once, and not for long. If "
                           "you did not expect this, ignore this message.",
    "staff.escalation_alert": "rollcall: a conversation at {school} needs a person: {url}",
}

# Welsh Language Standards: Welsh first, then English, in one message.
BILINGUAL_LANGUAGES = ("cy", "en")
BILINGUAL_BLOCK_SEPARATOR = "\n\n"
BILINGUAL_LABEL_SEPARATOR = " / "


def render(key: str, language: str, *, channel: str = "sms",
           params: Mapping[str, object] | None = None, options: Sequence[Option] = (),
           count: int | None = None, bilingual: bool = False) -> str:
    """The text of one message in `language` (falling back to its parent, then English), menus
    as numbered text on every channel but Telegram (which shows them as buttons).

    `count` picks the plural form of keys that have one; left out, it is the number of `names`
    when those are given as a list. Param values may be ready strings, or a `date` (written
    "Monday 23 November" in the message's language), a list of names or dates (joined as the
    language joins a list), or a function of the block's language returning the text.
    `bilingual` (schools in Wales) sends Welsh then English when the contact reads either; a
    contact with another language gets theirs alone.
    """
    languages = message_languages(language, bilingual=bilingual)
    if count is None and isinstance((params or {}).get("names"), list | tuple):
        count = len((params or {})["names"])  # type: ignore[arg-type]
    blocks = [_render_one(key, lang, params=params or {}, count=count) for lang in languages]
    # Not yet translated into Welsh: say it once, not twice in English.
    text = BILINGUAL_BLOCK_SEPARATOR.join(dict.fromkeys(blocks))
    if options and channel != "telegram":
        lines = [f"{number}. {option_label(o.key, language, bilingual=bilingual)}"
                 for number, o in enumerate(options, 1)]
        footer = option_label("menu.sms_footer", language, bilingual=bilingual)
        text = "\n".join([text, *lines, footer])
    return text


def option_label(key: str, language: str, *, bilingual: bool = False) -> str:
    """A short label (a menu choice, a button) in `language`, "Welsh / English" when bilingual."""
    languages = message_languages(language, bilingual=bilingual)
    labels = [_template(key, lang, None) for lang in languages]
    return BILINGUAL_LABEL_SEPARATOR.join(dict.fromkeys(labels))


def message_languages(language: str | None, *, bilingual: bool) -> tuple[str, ...]:
    """The catalog languages a message goes out in, in order: one, or Welsh then English."""
    served = catalog_language(language)
    if bilingual and served.split("_")[0] in BILINGUAL_LANGUAGES:
        return BILINGUAL_LANGUAGES
    return (served,)


def install_jinja(env: Environment, language: str | None) -> Environment:
    """Install `language`'s catalog into a Jinja2 environment with the i18n extension.

    Installs on `env` itself: give each language its own environment (or `env.overlay()`).
    """
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(translations(language), newstyle=True)  # type: ignore[attr-defined]
    return env


def _render_one(key: str, language: str, *, params: Mapping[str, object],
                count: int | None) -> str:
    values = {name: _localised(value, language) for name, value in params.items()}
    text = _template(key, language, count)
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        # A broken translation must not stop the morning run; tests/locales names it.
        log.warning("translation of %s in %s does not format; sending English", key, language)
        return _template(key, "en", count).format(**values)


def format_days(days: DayRange, language: str) -> str:
    """"Monday 23 November", or "Monday 23 November to Wednesday 25 November", in `language`."""
    start = format_day(days.start, language)
    if days.end == days.start:
        return start
    return _template("selfcert.days", language, None).format(
        start=start, end=format_day(days.end, language))


def _template(key: str, language: str, count: int | None) -> str:
    catalog = translations(language)
    if key in MESSAGES:
        return catalog.pgettext(key, MESSAGES[key])
    one, other = MESSAGES.get(f"{key}.one"), MESSAGES.get(f"{key}.other")
    if one is None or other is None:
        raise KeyError(f"no message key {key!r} in channels/texts.py MESSAGES")
    # No count: the plural ("were absent") reads right for one child or several.
    return catalog.npgettext(key, one, other, 2 if count is None else count)


def _localised(value: object, language: str) -> object:
    if callable(value):
        return value(language)
    if isinstance(value, Label):
        return _template(value.key, language, None)
    if isinstance(value, DayRange):
        return format_days(value, language)
    if isinstance(value, date) and not isinstance(value, datetime):
        return format_day(value, language)
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return format_names(value, language)
    if isinstance(value, list | tuple) and all(isinstance(v, date) for v in value):
        return format_names([format_day(v, language) for v in value], language)
    return value
