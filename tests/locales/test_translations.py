"""Every message a family or student can receive, translated in every supported language, with
its placeholders intact and the words carriers and callers act on (STOP, START, 999) kept."""

from __future__ import annotations

import re
import tomllib
from string import Formatter

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from channels.catalogs import LOCALES_DIR, SUPPORTED_LANGUAGES
from channels.texts import render
from tests.locales.test_catalogs import TRANSLATED, po_path, source_entries

# Carriers act on STOP/START in English whatever the language; 999 is the number to call.
KEPT_WORDS = ("STOP", "START", "999")
FIX = "add it to locales/{lang}/LC_MESSAGES/messages.po (README.md, Translations)"


def catalog(language: str) -> Catalog:
    with po_path(language).open("rb") as po:
        return read_po(po)


def forms(message: Message) -> tuple[str, ...]:
    return message.string if isinstance(message.string, tuple) else (message.string,)


def fields(text: str) -> set[str]:
    """The {name} placeholders of a text; a malformed brace is an error here, not at send."""
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_is_translated(language: str) -> None:
    translations = {m.context: m for m in catalog(language) if m.context}
    problems = []
    for context, english in source_entries().items():
        message = translations.get(context)
        if message is None:
            problems.append(f"{context}: missing (run pybabel extract and update)")
        elif (message.id if isinstance(message.id, str) else message.id[0]) != english[0]:
            problems.append(f"{context}: English changed since translated (run pybabel update)")
        elif message.fuzzy:
            problems.append(f"{context}: marked fuzzy, check and clear the flag")
        elif not all(f.strip() for f in forms(message)):
            problems.append(f"{context}: untranslated (or a plural form is empty)")
    assert not problems, f"{language}: " + "; ".join(problems) + " - " + FIX.format(lang=language)


@pytest.mark.parametrize("language", TRANSLATED)
def test_placeholders_are_neither_dropped_nor_renamed(language: str) -> None:
    for message in catalog(language):
        if not message.context or not message.string:
            continue
        ids = (message.id,) if isinstance(message.id, str) else message.id
        expected = set().union(*(fields(i) for i in ids))
        for form in forms(message):
            assert fields(form) == expected, (language, message.context, form)


@pytest.mark.parametrize("language", TRANSLATED)
def test_console_placeholders_are_kept_too(language: str) -> None:
    """Console strings use %(name)s (Jinja's newstyle gettext): the same check, where translated."""
    for message in catalog(language):
        if message.context or not message.id or not message.string:
            continue
        ids = (message.id,) if isinstance(message.id, str) else message.id
        expected = set().union(*(set(re.findall(r"%\((\w+)\)", i)) for i in ids))
        for form in (f for f in forms(message) if f):
            assert set(re.findall(r"%\((\w+)\)", form)) == expected, (language, form)


@pytest.mark.parametrize("language", TRANSLATED)
def test_keywords_and_the_emergency_number_are_kept(language: str) -> None:
    for message in catalog(language):
        ids = (message.id,) if isinstance(message.id, str) else message.id
        for word in (w for w in KEPT_WORDS if any(w in i for i in ids)):
            for form in forms(message):
                assert word in form, (language, message.context, word)


def test_the_checks_above_can_fail() -> None:
    assert fields("{school}: {names}") == {"school", "names"}
    assert fields("{school}: {nom}") != fields("{school}: {names}")
    with pytest.raises(ValueError):
        fields("{school: oops")


def test_supported_languages_are_the_twelve_the_issue_names() -> None:
    assert set(SUPPORTED_LANGUAGES) == {
        "en", "cy", "pl", "ro", "ur", "ar", "bn", "pa", "so", "pt", "es", "lt"}


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_the_no_we_ask_for_is_a_no_the_engine_understands(language: str) -> None:
    """ask.evidence says "otherwise reply 'no'": the word quoted must be in the language's
    lexicon (locales/<lang>/lexicon.toml, no_words), or the family's answer is not understood."""
    lexicon = LOCALES_DIR / language / "lexicon.toml"
    quoted = re.findall(r"'([^']+)'", render("ask.evidence", language))
    no_words = tomllib.loads(lexicon.read_text(encoding="utf-8"))["no_words"]
    assert quoted and quoted[-1] in no_words, (language, quoted, no_words)
