"""Bengali, Punjabi, Somali and Lithuanian: scripts, romanised spellings, every lexicon role."""

from __future__ import annotations

from datetime import date

import pytest

from conversations import language
from conversations.safety import ROLES
from conversations.text import tokens
from conversations.types import ConversationState, Intent
from conversations.understanding import classify
from store.lexicons import LOCALES, load_lexicons, read_language
from tests.conversations.helpers import amy, facts, records, say

LEXICONS = load_lexicons()
NEW = ("bn", "pa", "so", "lt")


def test_bengali_and_gurmukhi_words_stay_whole() -> None:
    """Vowel signs are combining marks that \\w does not match: a word must not fall apart."""
    assert tokens("তাসনিমের জ্বর। আজ বাসায়") == ["তাসনিমের", "জ্বর", "আজ", "বাসায"]
    assert tokens("ਸਿਮਰਨ ਨੂੰ ਬੁਖਾਰ ਹੈ") == ["ਸਿਮਰਨ", "ਨੂਂ", "ਬੁਖਾਰ", "ਹੈ"]


def test_marks_typed_either_way_fold_alike() -> None:
    assert tokens("ਜ਼ੁਕਾਮ ਕੱਲ੍ਹ ਨੂੰ") == tokens("ਜੁਕਾਮ ਕਲ੍ਹ ਨੂਂ")  # nukta, addak, tippi/bindi
    assert tokens("বাসায়") == tokens("বাসায")  # ya with or without nukta
    assert tokens("ক\u200cষ") == tokens("কষ")  # a zero-width non-joiner


def test_bengali_and_gurmukhi_digits_are_numbers_and_times_split_from_words() -> None:
    assert tokens("১টায়") == ["1", "টায"]
    assert tokens("\u0a67 ਵਜੇ") == ["1", "ਵਜੇ"]  # Gurmukhi digit one
    assert tokens("2day") == ["2day"]  # Latin words keep their digits


@pytest.mark.parametrize(("text", "hint", "expected"), [
    ("তাসনিমের জ্বর", "en", "bn"),
    ("ਸਿਮਰਨ ਨੂੰ ਬੁਖਾਰ ਹੈ", "ur", "pa"),
    ("tasnim er jor hoise aj school e jabe na", "bn", "bn"),
    ("simran nu bukhar hai aj ghar hi rahegi", "pa", "pa"),
    ("hodan qandho ayay qabtaa maanta", "en", "so"),
    ("ugne serga siandien neis i mokykla", "en", "lt"),
])
def test_language_is_detected_by_script_and_by_romanised_words(text: str, hint: str,
                                                              expected: str) -> None:
    assert language.detect(tokens(text), LEXICONS, hint) == expected


@pytest.mark.parametrize(("text", "lang", "intent"), [
    ("আমার মেয়ের শরীর খারাপ সর্দি কাশি", "bn", Intent.ILLNESS),
    ("meye ta oshustho pet betha", "bn", Intent.ILLNESS),
    ("sokale dater daktar er appointment", "bn", Intent.MEDICAL_APPOINTMENT),
    ("jani na o kothay phone dhorche na", "bn", Intent.WHEREABOUTS_UNKNOWN),
    ("ਮੇਰੀ ਧੀ ਬਿਮਾਰ ਹੈ ਖੰਘ ਤੇ ਜ਼ੁਕਾਮ", "pa", Intent.ILLNESS),
    ("kudi nu bukhar hai", "pa", Intent.ILLNESS),
    ("ohde dada ji poore ho gaye", "pa", Intent.BEREAVEMENT),
    ("main gate te chhad ke aaya si", "pa", Intent.IN_SCHOOL_DISPUTE),
    ("gabadhu way xanuunsan tahay qandho", "so", Intent.ILLNESS),
    ("ballan dhakhtarka ilkaha", "so", Intent.MEDICAL_APPOINTMENT),
    ("xaggee ayay joogtaa", "so", Intent.WHEREABOUTS_UNKNOWN),
    ("lambar khaldan", "so", Intent.WRONG_NUMBER),
    ("dukra serga, karščiuoja", "lt", Intent.ILLNESS),
    ("dukra serga karsciuoja", "lt", Intent.ILLNESS),
    ("vizitas pas odontologa", "lt", Intent.MEDICAL_APPOINTMENT),
    ("patevis ja sumuse", "lt", Intent.SAFEGUARDING),
])
def test_replies_are_read_in_both_scripts_and_without_diacritics(text: str, lang: str,
                                                                 intent: Intent) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.language, reading.intent) == (lang, intent)


def test_a_weekday_with_the_back_word_after_it_ends_the_span() -> None:
    """Somali and Bengali put the verb last: "arbacada ayay soo laaban" is back on Wednesday."""
    monday = date(2026, 11, 23)
    for text, lang in (("hargab ayay qabtaa arbacada ayay soo laaban", "so"),
                       ("flu hoise budhbar fire ashbe", "bn")):
        reading = classify(text, lexicons=LEXICONS, language_hint=lang, today=monday)
        assert reading.span is not None and reading.span.end == date(2026, 11, 24), text


@pytest.mark.parametrize("lang", NEW)
def test_every_intent_and_role_is_in_the_lexicon(lang: str) -> None:
    raw = read_language(LOCALES / lang)
    # "unclear" too: the words for not understanding ("bujhlam na", "ma fahmin")
    assert set(raw["intents"]) == {i.value for i in Intent}
    assert raw["greetings"]
    for key in ("today", "tomorrow", "morning", "afternoon", "all_week", "next_week", "days",
                "weekdays", "months"):
        assert raw["dates"][key], (lang, key)
    assert len(raw["dates"]["weekdays"]) == 7 and len(raw["dates"]["months"]) == 12
    assert raw["numbers"] and raw["markers"] and raw["no_words"] and raw["commands"]["opt_out"]
    assert raw["children"]["all"] and raw["defuse"]
    assert set(raw["roles"]) == set(ROLES)
    assert lang in LEXICONS.languages


@pytest.mark.parametrize(("text", "lang"), [
    ("gabadhu ma xanuunsana laakiin way daahday", "so"),  # not ill, but late
    ("ji neserga, tiesiog pramiegojo", "lt"),  # the prefix ne-: not ill, overslept
])
def test_a_negated_illness_is_not_illness(text: str, lang: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).intent is Intent.LATE_OTHER


def test_a_menu_number_in_bengali_or_gurmukhi_digits_chooses() -> None:
    family = facts(amy(), language="bn")
    state, _ = say(ConversationState(about_student_ids=("S1",)), "asdfgh", family)
    for digit in ("\u09e8", "\u0a68"):  # two, in Bengali and in Gurmukhi digits
        _, decisions = say(state, digit, family)
        assert records(decisions)[0].intent is Intent.MEDICAL_APPOINTMENT
