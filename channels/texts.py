"""Rendering message keys into the words a contact reads.

The engine and the runs speak in message keys ("reason.thanks"); this module turns a key and its
parameters into text in the contact's language. First version: English only; the Babel catalogs
in `locales/` take over behind the same `render()` (issue: languages).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from conversations.types import Option

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
    "optout.confirmed": "You will no longer get attendance messages from {school} here. "
                        "Reply START to get them again.",
    "optin.confirmed": "You will get attendance messages from {school} again.",
    "help": "{school} attendance messages. Reply with the reason for an absence, or call the "
            "school on {phone}. Reply STOP to stop these messages.",
    "unknown_sender": "Thank you for your message. We could not match it to a family, so a "
                      "member of staff will look at it.",
    "link.invite": "{school}: to get attendance messages on Telegram, open {url}",
    "link.done": "This chat is now linked to {school} attendance messages.",
    "link.failed": "That link has expired or was already used. Please ask the school for a new "
                   "one.",
    "staff.urgent_alert": "rollcall: URGENT escalation at {school}. Open the console: {url}",
    "staff.escalation_alert": "rollcall: a conversation at {school} needs a person: {url}",
}


def render(key: str, language: str, *, channel: str = "sms",
           params: Mapping[str, object] | None = None, options: Sequence[Option] = (),
           count: int | None = None, bilingual: bool = False) -> str:
    """The text of one message in `language` (falling back to English), menus as numbered text.

    `count` picks the plural form of keys that have one; `bilingual` sends Welsh then English.
    """
    text = _lookup(key, count).format(**(params or {}))
    if options and channel != "telegram":
        lines = [f"{number}. {_lookup(o.key, None)}" for number, o in enumerate(options, 1)]
        text = "\n".join([text, *lines, _lookup("menu.sms_footer", None)])
    return text


def _lookup(key: str, count: int | None) -> str:
    if key in MESSAGES:
        return MESSAGES[key]
    form = "one" if count == 1 else "other"
    return MESSAGES[f"{key}.{form}"]
