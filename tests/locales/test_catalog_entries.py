"""Every entry of every catalog, whatever extracted it, is fit to show: its markup and
placeholders kept, no fuzzy or empty form, every plural form there, not left in English, and
written in the language's own script.

test_translations.py and test_console_strings.py check that each string the code uses is
translated, with its own kind of placeholder kept; this file checks the catalogs themselves,
entry by entry, for what those two don't look at.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from babel.messages.catalog import Message

from tests.locales.test_catalogs import TRANSLATED
from tests.locales.test_translations import catalog, forms

# Anything a translator must copy as it is: printf and brace placeholders, HTML tags (with
# their attributes) and entities. A console string may carry {x} and a family text %s; the
# other two tests only look for the kind each usually has.
TOKEN = re.compile(r"%\(\w+\)[sdifr]|%[sdifr%]|\{\w*\}|</?[A-Za-z][^<>]*>|&(?:[A-Za-z]+|#\d+);")

# Entries that read the same in English and in the language: product names everywhere, and
# words the language uses as they are (a school in Romania does mark a pupil "Absent").
SAME_EVERYWHERE = frozenset({"rollcall", "Telegram", "WhatsApp", "demo"})
SAME_IN = {
    "cy": frozenset({"staff", "seminar"}),
    "es": frozenset({"normal", "tutor"}),
    "pt": frozenset({"normal", "tutor", "workshop"}),
    "pl": frozenset({"weekend", "Import"}),
    "ro": frozenset(
        {
            "Absent",
            "Calendar",
            "Contact",
            "Import",
            "URGENT",
            "urgent",
            "normal",
            "weekend",
            "seminar",
        }
    ),
}

# The script each language is written in (the Unicode name's first word), where it isn't Latin.
SCRIPT = {"ar": "ARABIC", "ur": "ARABIC", "bn": "BENGALI", "pa": "GURMUKHI"}
# Latin words a non-Latin catalog may add although the English doesn't have them: the
# acronyms staff know the systems by.
LATIN_ADDED = frozenset({"MIS", "SMS"})


# Words the catalogue review (notes-h21rev.md) replaced, and the one each language uses instead:
# a new string that brings one back says the same thing two ways on one console, or says
# something else (ro "notare" is grading, es "marca registrada" a trademark, pt "colégio" a
# private school, bn "ইয়ার" a pal, pa "ਸੁਰੱਖਿਆ ਮੁਖੀ" a head of security).
REPLACED = {
    "ar": {"الروبوت": "البوت", "غياب مستمر": "غياب متكرر", "كفيل": "راعي التأشيرة"},
    "bn": {"ইয়ার": "শ্রেণি", "সুরক্ষা প্রধান": "সেফগার্ডিং লিড"},
    "es": {
        "marca registrada": "anotación de asistencia registrada",
        "tutor principal": "tutor sénior",
    },
    "lt": {
        "semestr": "trimestras",
        "savideklarac": "savarankiškas pateisinimas",
        "apsaugos vadov": "už vaiko apsaugą atsakingas asmuo",
    },
    "pa": {"ਸੁਰੱਖਿਆ ਮੁਖੀ": "ਸੇਫ਼ਗਾਰਡਿੰਗ ਲੀਡ", "ਸਵੈ-ਤਸਦੀਕ": "ਸਵੈ-ਪ੍ਰਮਾਣਨ", "ਮਾਡਿਊਲ": "ਮੋਡੀਊਲ"},
    "pl": {
        "semestr": "trymestr",
        "osoba odpowiedzialna za ochronę": "koordynator ds. ochrony dzieci",
        "osób odpowiedzialnych": "koordynatorzy ds. ochrony dzieci",
    },
    "pt": {"colégio": "centro de formação (college)", "escalamento": "caso"},
    "ro": {"notare": "consemnare", "semestr": "trimestru", "autocertific": "autodeclarație"},
    "so": {
        "is-xaqiijin": "is-caddeyn",
        "kafaala-qaadaha": "kafiilka",
        "ogaamiy": "mas'uulka ilaalinta ilmaha",
    },
    "ur": {
        "سیف گارڈنگ لیڈ": "تحفظاتی ذمہ دار",
        "حفاظتی سربراہ": "تحفظاتی ذمہ دار",
        "انتباہ": "الرٹ",
        "غیر مجاز": "غیر منظور شدہ",
    },
}


def ids(message: Message) -> tuple[str, ...]:
    return (message.id,) if isinstance(message.id, str) else tuple(message.id)


def tokens(text: str) -> set[str]:
    return set(TOKEN.findall(text))


def words(text: str) -> str:
    """The text without its placeholders and markup: what a reader reads."""
    return TOKEN.sub(" ", text)


def is_code(text: str) -> bool:
    """CSV, SMS, OK, UPN, an attendance code: short capitals any language keeps."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) <= 5 and all(c.isupper() and c.isascii() for c in letters)


def entries(language: str) -> list[Message]:
    return [m for m in catalog(language) if m.id]


@pytest.mark.parametrize("language", TRANSLATED)
def test_markup_and_placeholders_are_copied_exactly(language: str) -> None:
    wrong = []
    for message in entries(language):
        expected = set().union(*(tokens(i) for i in ids(message)))
        wrong += [
            f"{message.context or ''} {form!r}"
            for form in forms(message)
            if form and tokens(form) != expected
        ]
    assert not wrong, f"{language}: " + "\n".join(wrong)


@pytest.mark.parametrize("language", TRANSLATED)
def test_no_entry_is_fuzzy_empty_or_obsolete(language: str) -> None:
    po = catalog(language)
    wrong = [f"fuzzy: {m.id!r}" for m in entries(language) if m.fuzzy]
    wrong += [f"empty: {m.id!r}" for m in entries(language) if not all(f.strip() for f in forms(m))]
    wrong += [f"obsolete: {key!r}" for key in po.obsolete]
    assert not wrong, f"{language}: " + "\n".join(wrong)


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_plural_entry_has_every_form_the_language_has(language: str) -> None:
    po = catalog(language)
    wrong = [
        f"{m.context or ''} {m.id[0]!r}: {len(forms(m))} forms"
        for m in entries(language)
        if not isinstance(m.id, str)
        and (not isinstance(m.string, tuple) or len(m.string) != po.num_plurals)
    ]
    assert not wrong, f"{language} has {po.num_plurals} plural forms: " + "\n".join(wrong)


@pytest.mark.parametrize("language", TRANSLATED)
def test_nothing_is_left_in_english(language: str) -> None:
    same = SAME_EVERYWHERE | SAME_IN.get(language, frozenset())
    left = [
        f"{m.context or ''} {form!r}"
        for m in entries(language)
        for form in forms(m)
        if form in ids(m)
        and not is_code(form)
        and form not in same
        and sum(c.isalpha() for c in words(form)) > 3
    ]
    assert not left, f"{language}: translate these, or add them to SAME_IN:\n" + "\n".join(left)


@pytest.mark.parametrize("language", sorted(SCRIPT))
def test_non_latin_languages_are_written_in_their_script(language: str) -> None:
    """A msgstr wholly in Latin letters is English left in (unless it is a name or a code),
    and a Latin word the English doesn't have is a half-translated string."""
    script = SCRIPT[language]
    wrong = []
    for message in entries(language):
        english = set(re.findall(r"[A-Za-z]+", words(" ".join(ids(message)))))
        for form in forms(message):
            letters = [c for c in words(form) if c.isalpha()]
            native = any(unicodedata.name(c, "").startswith(script) for c in letters)
            if letters and not native and not is_code(form) and form not in SAME_EVERYWHERE:
                wrong.append(f"not in {script.lower()} script: {form!r}")
            added = set(re.findall(r"[A-Za-z]+", words(form))) - english - LATIN_ADDED
            if added:
                wrong.append(f"Latin words {sorted(added)} not in the English: {form!r}")
    assert not wrong, f"{language}: " + "\n".join(wrong)


@pytest.mark.parametrize("language", sorted(REPLACED))
def test_each_reviewed_idea_keeps_its_one_word(language: str) -> None:
    wrong = [
        f"{old!r} (say {new!r}): {form!r}"
        for m in entries(language)
        for form in forms(m)
        for old, new in REPLACED[language].items()
        if old.casefold() in form.casefold()
    ]
    assert not wrong, f"{language}: " + "\n".join(wrong)


def test_the_checks_above_can_fail() -> None:
    assert tokens('<a href="{url}">%(name)s</a> &amp; 50%%') == {
        '<a href="{url}">',
        "</a>",
        "%(name)s",
        "&amp;",
        "%%",
    }
    assert is_code("CSV") and is_code("OK") and not is_code("Absent") and not is_code("URGENT")
    assert words("{school}: %(name)s") == " :  "
    assert unicodedata.name("ਸ").startswith(SCRIPT["pa"])
    assert not unicodedata.name("স").startswith(SCRIPT["pa"])
