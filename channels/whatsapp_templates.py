"""WhatsApp's approved templates for rollcall's messages: their words, their variables, and
which template a composed message is.

Outside WhatsApp's 24-hour window a business may send only a template WhatsApp (Meta) approved,
and Meta approves fixed wording around numbered variables ({{1}}, {{2}}, ... in order), not a
body that is a variable: a body may not begin or end with a variable, two variables may not
stand side by side, and it is at most 1,024 characters. So every message key rollcall sends on
WhatsApp becomes one template per wording in each language: the same Babel-translated text
rollcall sends, with what varies (the children's names, the day, ...) as numbered variables.
The school's name is fixed text, not a variable: nearly every message begins with it, and a
body may not begin with a variable, so each school submits its own templates.

A plural message has one template per wording its language gives a number of children
("absence.first.one" for one child, ".other" for several; Polish has ".few" and ".many"; a
wording shared by several forms is one template). `rollcall whatsapp templates` prints them.

A message goes as a template only when its text is exactly a template's wording with its
variables filled: `Template.variables(text)` reads the values back out of the text, so the
family reads word for word what rollcall composed, and a text no approved template can carry
(a staff member's own words, a menu of another shape) is never squeezed into one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from channels.catalogs import babel_locale, catalog_language
from channels.formats import format_day, format_names
from channels.letters import letter_note
from channels.texts import BILINGUAL_LANGUAGES, MESSAGES, option_label, render
from conversations.menu import MENU_OPTIONS
from conversations.selfcert import CONFIRM_OPTIONS

CATEGORY = "UTILITY"  # about the family's own child at school: nothing promotional
MAX_BODY = 1024  # Meta's limit for a template's body
MAX_CHILDREN = 10  # plural wordings are made for messages naming up to this many children

# Every message key rollcall may send on WhatsApp. The run's messages and notices open a
# conversation, often outside the window; the replies answer a family who just wrote (inside
# it), unless they wait, so they have templates too. A staff member's own words have none.
RUN_KEYS = ("absence.first", "absence.pm", "late.notice", "chase", "correction",
            "closure.emergency", "letter.note", "letter.note_post", "digest.missed",
            "digest.family", "engagement.invite")
REPLY_KEYS = ("reason.thanks", "reason.passed_on", "ask.reason", "ask.which_child",
              "ask.duration", "ask.evidence", "menu.intro", "handoff.staff", "urgent.holding",
              "self.ask_reason", "self.recorded", "selfcert.confirm", "selfcert.ask_again",
              "selfcert.ask_evidence", "selfcert.recorded", "selfcert.family.ask_reason",
              "selfcert.family.ask_duration", "selfcert.family.recorded", "selfcert.declined",
              "optout.confirmed",
              "optin.confirmed", "help", "unknown_sender")
WHATSAPP_KEYS = RUN_KEYS + REPLY_KEYS
LETTER_NOTES = {"letter.note": False, "letter.note_post": True}  # key -> by post
MENUS = {"menu.intro": MENU_OPTIONS, "selfcert.confirm": CONFIRM_OPTIONS}  # numbered lines

# Meta's code for each catalog language; Welsh and Somali are not among WhatsApp's template
# languages (a message in them fails over outside the window).
WHATSAPP_LANGUAGES = {"en": "en_GB", "pl": "pl", "ro": "ro", "ur": "ur", "ar": "ar", "bn": "bn",
                      "pa": "pa", "pt": "pt_PT", "es": "es", "lt": "lt"}

# What each variable stands for, and the sample WhatsApp's reviewers see (Twilio asks for one
# per variable). Invented names; a day that is a Monday.
MEANINGS = {"names": "the children's first names", "name": "a child's first name",
            "date": "the day", "dates": "the days", "phone": "the school's phone number",
            "reason": "the reason", "count": "how many children",
            "events": "the events the student missed, with their times",
            "tutor": "the Personal Tutor's name", "time": "the time",
            "place": "where to meet, as the tutor wrote it",
            "why": "why a member of staff declined it, as they wrote it"}
SAMPLE_NAMES = ("Amy", "Ben", "Cara", "Dev", "Ela", "Finn", "Gus", "Hana", "Ivo", "Jo")
SAMPLE_DAY = date(2026, 11, 23)
SAMPLE_PHONE = "01632 960123"
_SLOT = re.compile("\x00(\\w+)\x01([\\w-]*)\x00")


@dataclass(frozen=True, slots=True)
class Template:
    """One WhatsApp template: the fixed words and, between them, the numbered variables."""

    key: str  # "absence.first.one": the message key, and its plural form when it has several
    language: str  # the catalog's ("pt"), as in ROLLCALL_WHATSAPP_TEMPLATES
    parts: tuple[str, ...]  # the fixed words around the variables: one more than `slots`
    slots: tuple[tuple[str, str], ...]  # each variable: (what it is, the block's language)
    counts: tuple[int, ...] = ()  # a plural wording: the numbers of children it is for
    bilingual: bool = False  # Welsh then English in one message (a Welsh school's)

    @property
    def body(self) -> str:
        """The body as WhatsApp takes it: "Harbour Lane: {{1}} was marked absent ..."."""
        pieces = [self.parts[0]]
        for number, part in enumerate(self.parts[1:], 1):
            pieces += ["{{" + str(number) + "}}", part]
        return "".join(pieces)

    @property
    def name(self) -> str:
        """A name WhatsApp accepts (lower-case letters, digits and underscores)."""
        return self.key.replace(".", "_")

    def variables(self, text: str) -> list[str] | None:
        """The variables' values, in order, when `text` is this template's wording filled in;
        else None. A value WhatsApp would refuse (a line break, a tab, five spaces) is no
        match."""
        found = _pattern(self.parts).fullmatch(text)
        if found is None:
            return None
        values = list(found.groups())
        return None if any("     " in value for value in values) else values

    def samples(self) -> list[str]:
        """A sample value for each variable, written as the message writes it."""
        count = self.counts[0] if self.counts else 1
        return [_sample(param, language, count) for param, language in self.slots]


def templates_for(key: str, language: str, *, school: str | None,
                  bilingual: bool = False) -> tuple[Template, ...]:
    """The templates of one message key in one language for one school: one, or one per
    wording of a plural message. `bilingual`: Welsh then English, as a Welsh school sends."""
    if key not in WHATSAPP_KEYS:
        raise KeyError(f"{key!r} is not a message rollcall sends on WhatsApp")
    return _templates(key, catalog_language(language), school, bilingual)


def school_templates(language: str, *, school: str | None,
                     bilingual: bool = False) -> list[Template]:
    """Every template one school needs in one language, in WHATSAPP_KEYS order."""
    return [t for key in WHATSAPP_KEYS
            for t in templates_for(key, language, school=school, bilingual=bilingual)]


def message_key(template_key: str) -> str | None:
    """The message key a template key belongs to ("absence.first.one" -> "absence.first")."""
    if template_key in WHATSAPP_KEYS:
        return template_key
    base = template_key.rpartition(".")[0]
    return base if base in WHATSAPP_KEYS and _plural(base) else None


def own_template(template: Template) -> bool:
    """Whether the template is one school's alone: its words name the school, or it is a
    Welsh school's Welsh-and-English one. Its setting then carries the school's id."""
    key = message_key(template.key)
    return template.bilingual or (key is not None and key_names_school(key))


@lru_cache(maxsize=64)
def key_names_school(key: str) -> bool:
    """Whether a message key's words name the school."""
    return any(param == "school" for t in _templates(key, "en", None, False)
               for param, _ in t.slots)


def problems(template: Template) -> list[str]:
    """What would stop WhatsApp approving the template, as sentences; none when it is fit.
    A line starting "caution:" is a risk, not a rule broken."""
    found = []
    parts, variables = template.parts, len(template.slots)
    if template.language not in WHATSAPP_LANGUAGES:
        found.append(f"WhatsApp has no template language for {template.language!r}: messages "
                     "in it fail over outside the 24-hour window")
    if len(template.body) > MAX_BODY:
        found.append(f"the body is {len(template.body)} characters, over WhatsApp's {MAX_BODY}")
    if variables:
        found += [f"the body {edge} with a variable"
                  for edge, part in (("begins", parts[0]), ("ends", parts[-1]))
                  if not part.strip()]
    for number, between in enumerate(parts[1:-1], 1):
        if not between.strip():
            found.append(f"{{{{{number}}}}} and {{{{{number + 1}}}}} are side by side")
        elif not _has_word(between):
            found.append(f"caution: only {between.strip()!r} between {{{{{number}}}}} and "
                         f"{{{{{number + 1}}}}}")
    words = sum(len([w for w in part.split() if _has_word(w)]) for part in parts)
    if variables and words + variables < 3 * variables + 1:
        found.append(f"caution: {variables} variables in {words} words (WhatsApp refuses "
                     "\"too many variables for the length\")")
    if template.bilingual:
        found.append("caution: Welsh and English in one template; WhatsApp asks for one "
                     "language a template")
    return found


class Approved:
    """ROLLCALL_WHATSAPP_TEMPLATES read once: "<template key>:<language>:<school id>" (one
    school's template: its words name the school, or are its Welsh-and-English ones) or
    "<template key>:<language>" (a template any school's message may go as) -> the approved
    Content SID."""

    def __init__(self, sids: Mapping[str, str]) -> None:
        self.unknown: dict[str, str] = {}  # setting -> why it names no template
        self._by: dict[tuple[str, int | None], list[tuple[str, str]]] = {}
        for setting, sid in sids.items():
            template_key, _, rest = setting.partition(":")
            language, _, school = rest.partition(":")
            key = message_key(template_key)
            if key is None or not language or (school and not school.isdigit()):
                self.unknown[setting] = "names no template"
            elif not school and key_names_school(key):
                # Its words name one school: which one is only known by its id.
                self.unknown[setting] = "names its school: add the school's id (\"...:<id>\")"
            else:
                where = (language, int(school) if school else None)
                self._by.setdefault(where, []).append((template_key, sid))

    def find(self, text: str, *, language: str, school: str | None,
             school_id: int | None) -> tuple[str, list[str]] | None:
        """(Content SID, variable values) of the approved template whose filled-in wording is
        `text`, for the message's language (or its base: pt-BR uses pt's) and school; None
        when there is none."""
        for lang in dict.fromkeys((language, language.split("-")[0].split("_")[0])):
            for where in ((lang, school_id), (lang, None)):
                for template_key, sid in self._by.get(where, ()):
                    values = _fill(template_key, lang, school, text, own=where[1] is not None)
                    if values is not None:
                        return sid, values
        return None


def _fill(template_key: str, language: str, school: str | None, text: str, *,
          own: bool) -> list[str] | None:
    """The values filling the template into `text`; a school's own setting may be its
    Welsh-and-English wording, a setting for every school is one language's."""
    key = message_key(template_key)
    assert key is not None
    for bilingual in (False, True) if own else (False,):
        for template in _templates(key, catalog_language(language), school, bilingual):
            if template.key == template_key:
                values = template.variables(text)
                if values is not None:
                    return values
    return None


@lru_cache(maxsize=2048)
def _templates(key: str, language: str, school: str | None,
               bilingual: bool) -> tuple[Template, ...]:
    # Only Welsh and English messages go bilingually, and a letter's note never does.
    bilingual = bilingual and language in BILINGUAL_LANGUAGES and key not in LETTER_NOTES
    if not _plural(key):
        parts, slots = _wording(key, language, school, bilingual, None)
        return (Template(key, language, parts, slots, bilingual=bilingual),)
    by_wording: dict[tuple[tuple[str, ...], tuple[tuple[str, str], ...]], list[int]] = {}
    for count in range(1, MAX_CHILDREN + 1):
        by_wording.setdefault(_wording(key, language, school, bilingual, count), []).append(count)
    if len(by_wording) == 1:
        [(parts, slots)] = by_wording
        return (Template(key, language, parts, slots, tuple(range(1, MAX_CHILDREN + 1)),
                         bilingual),)
    locale = babel_locale(language)
    order = ("zero", "one", "two", "few", "many", "other")
    found = []
    for (parts, slots), counts in by_wording.items():
        forms = sorted({locale.plural_form(n) for n in counts}, key=order.index)
        found.append(Template(f"{key}.{'_'.join(forms)}", language, parts, slots, tuple(counts),
                              bilingual))
    return tuple(found)


def _wording(key: str, language: str, school: str | None, bilingual: bool,
             count: int | None) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The message rendered with a marker for each variable, cut at the markers."""
    if key in LETTER_NOTES:
        text = letter_note(language=language, school=school or _slot("school")(language),
                           names=[_slot("names")(language)], by_post=LETTER_NOTES[key])
    else:
        params: dict[str, object] = {name: _slot(name) for name in MEANINGS}
        if school is not None:
            params["school"] = school
        else:
            params["school"] = _slot("school")
        text = render(key, language, channel="whatsapp", params=params, count=count,
                      bilingual=bilingual, options=MENUS.get(key, ()))
    pieces = _SLOT.split(text)
    parts = tuple(pieces[0::3])
    slots = tuple(zip(pieces[1::3], pieces[2::3], strict=True))
    return parts, slots


def _slot(param: str) -> Callable[[str], str]:
    """A marker for a variable that knows which language's block it stands in."""
    return lambda language: f"\x00{param}\x01{language}\x00"


def _plural(key: str) -> bool:
    return f"{key}.one" in MESSAGES and f"{key}.other" in MESSAGES


@lru_cache(maxsize=4096)
def _pattern(parts: tuple[str, ...]) -> re.Pattern[str]:
    # A value is a run of characters on one line (WhatsApp refuses line breaks and tabs in
    # one); the fixed words must match exactly.
    return re.compile("([^\\n\\t]+?)".join(re.escape(part) for part in parts))


def _has_word(text: str) -> bool:
    return any(c.isalnum() for c in text)


def _sample(param: str, language: str, count: int) -> str:
    samples: dict[str, Callable[[], str]] = {
        "names": lambda: format_names(list(SAMPLE_NAMES[:count]), language),
        "name": lambda: SAMPLE_NAMES[0],
        "date": lambda: format_day(SAMPLE_DAY, language),
        "dates": lambda: format_names([format_day(SAMPLE_DAY, language),
                                       format_day(date(2026, 11, 24), language)], language),
        "phone": lambda: SAMPLE_PHONE,
        "reason": lambda: option_label("selfcert.reason.illness", language),
        "events": lambda: render("digest.event", language, params={
            "what": "EC2010 Econometrics (" + option_label("event.lecture", language) + ")",
            "time": "10:00"}),
        "count": lambda: str(count),
        "school": lambda: "Harbour Lane Academy",
        "tutor": lambda: "Dr Ines Okafor",
        "time": lambda: "14:00",
        "place": lambda: "Room 2.14",
        "why": lambda: "the fit note covers other days",
    }
    return samples[param]()


def meanings(template: Template) -> Iterable[str]:
    """What each variable stands for, in order."""
    return (MEANINGS.get(param, param) for param, _language in template.slots)
