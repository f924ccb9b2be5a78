"""SMS cost per template: every message rendered in every language, with realistic invented names
and the longest school-day date, must fit its segment budget (GSM-7 or UCS-2, whichever the text
needs). A translation that pushes the morning run from 2 to 5 segments a family fails here.

Budgets are the most segments any language may take. Languages whose letters are outside GSM-7
(Polish ł, Romanian ș, Arabic, Bengali...) go UCS-2 at 70/67 characters a segment, so their
budget is met by concise wording, not by shortening English.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import pytest

from channels.catalogs import SUPPORTED_LANGUAGES
from channels.formats import format_day
from channels.segments import count_segments
from channels.texts import MESSAGES, render
from conversations.selfcert import CONFIRM_OPTIONS
from conversations.types import DayRange, Label, Option

# Segments for the longest realistic rendering; a key not listed gets DEFAULT_BUDGET.
BUDGETS = {
    "absence.first": 3,  # the morning run: one per family, every school day
    "absence.pm": 3,
    "late.notice": 3,
    "chase": 3,
    "correction": 3,
    "menu.intro": 3,  # with its four numbered choices
    "help": 3,
    "reason.thanks": 2,
    # A student's evening digest naming two missed events (module names as timetables write
    # them): one a day, 2 segments in GSM-7, 4 in UCS-2.
    "digest.missed": 4,
    # The same to a parent or carer: their child's name (or two children's) as well.
    "digest.family": 5,
    # A Personal Tutor's invitation to meet: the tutor's name and the room as they wrote them.
    "engagement.invite": 4,
    # A declined self-certification: the staff member's reason as they wrote it, rare.
    "selfcert.declined": 4,
    "handoff.staff": 1,
    "urgent.holding": 3,
    # To a safeguarding lead on call: the child, the concern, the number and the link to tap.
    "staff.urgent_alert": 5,
    "staff.urgent_alert_no_phone": 4,
    "staff.password_link": 4,  # emailed, never texted: its budget only keeps it short
}
DEFAULT_BUDGET = 3
# Welsh then English in one message (bilingual schools in Wales): both halves, still GSM-7.
BILINGUAL_BUDGETS = {"absence.first": 3, "absence.pm": 2, "late.notice": 2, "chase": 2,
                     "correction": 2, "menu.intro": 3}
BILINGUAL_DEFAULT = 4

# Invented first names as a school's MIS holds them, in each language's families.
NAMES = {
    "en": ("Amelia", "Oliver"), "cy": ("Gwenllian", "Rhodri"), "pl": ("Zuzanna", "Szymon"),
    "ro": ("Alexandra", "Ștefan"), "ur": ("Muhammad", "Ayesha"), "ar": ("Yusuf", "Maryam"),
    "bn": ("Tahmina", "Abdullah"), "pa": ("Harpreet", "Gurpreet"), "so": ("Hodan", "Abdirahman"),
    "pt": ("Beatriz", "Gonçalo"), "es": ("Valentina", "Alejandro"), "lt": ("Gabrielė", "Dominykas"),
}
SCHOOL = "St Mary's Catholic Primary School"
WELSH_SCHOOL = "Ysgol Gymraeg Bro Morgannwg"
MENU = tuple(Option(str(n), key) for n, key in enumerate(
    ("menu.illness", "menu.medical_appointment", "menu.other", "menu.call_me"), 1))
OPTIONS = {"menu.intro": MENU, "selfcert.confirm": CONFIRM_OPTIONS}


def templates() -> list[str]:
    """Every key a contact can be sent on its own (menu labels go inside menu.intro)."""
    bases = {k[: -len(".one")] for k in MESSAGES
             if k.endswith(".one") and f"{k[: -len('.one')]}.other" in MESSAGES}
    keys = {k for k in MESSAGES if k.rpartition(".")[0] not in bases} | bases
    return sorted(k for k in keys if not k.startswith("menu.") or k == "menu.intro")


@cache
def longest_school_day(language: str) -> date:
    days = (date(2026, 1, 1) + timedelta(n) for n in range(365))
    return max((d for d in days if d.weekday() < 5), key=lambda d: len(format_day(d, language)))


# A student's missed events as a digest lists them: real-length module names.
MODULES = ("EC2010 Econometrics", "LAW1002 Public Law and Human Rights")


def missed_events(language: str, count: int) -> str:
    """One or two of the day's events in a digest's words ("EC2010 ... (lecture) at 10:00")."""
    from channels.formats import format_names
    items = [render("digest.event", language, params={
        "what": f"{module} ({render('event.lecture', language)})", "time": "10:00"})
        for module in MODULES[:count]]
    return format_names(items, language)


def worst_segments(key: str, language: str, *, school: str, bilingual: bool = False) -> int:
    day = longest_school_day(language)
    worst = 0
    for count in (1, 2):
        params = {"school": school, "names": list(NAMES[language][:count]), "date": day,
                  "dates": DayRange(day, day + timedelta(7)), "phone": "01632 960123",
                  "start": day, "end": day + timedelta(7),
                  "reason": Label("selfcert.reason.family_circumstances"),
                  "url": "https://t.me/RollcallSchoolBot?start=Zx81kQ2mPaLw",
                  "name": NAMES[language][0], "year": "11",
                  "about": f"{NAMES[language][0]} K. (Year 11): "
                           + render("concern.in_school_dispute", language),
                  "events": lambda lang, n=count: missed_events(lang, n),
                  "what": f"{MODULES[0]} ({render('event.practical', language)})",
                  "time": "14:00", "count": 2, "tutor": "Dr Alexandra Whitfield",
                  "place": "Room 2.14, Hicks Building",
                  "why": "the fit note you sent is for other days"}
        text = render(key, language, params=params, bilingual=bilingual,
                      options=OPTIONS.get(key, ()))
        worst = max(worst, count_segments(text).segments)
    return worst


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_every_template_fits_its_budget(language: str) -> None:
    over = {key: worst_segments(key, language, school=SCHOOL) for key in templates()}
    over = {k: n for k, n in over.items() if n > BUDGETS.get(k, DEFAULT_BUDGET)}
    assert not over, f"{language}: segments over budget {over} (budgets: {BUDGETS})"


def test_welsh_then_english_fits_its_budget() -> None:
    over = {key: worst_segments(key, "cy", school=WELSH_SCHOOL, bilingual=True)
            for key in templates()}
    over = {k: n for k, n in over.items() if n > BILINGUAL_BUDGETS.get(k, BILINGUAL_DEFAULT)}
    assert not over, f"Welsh and English: segments over budget {over}"


def test_a_longer_translation_would_go_over_budget() -> None:
    padded = render("absence.first", "pl", params={
        "school": SCHOOL, "names": ["Zuzanna"], "date": longest_school_day("pl")}) + " ł" * 40
    assert count_segments(padded).segments > BUDGETS["absence.first"]
