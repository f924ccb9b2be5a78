"""render(): the contact's language with fallbacks, plurals, localised params, Welsh first."""

from __future__ import annotations

from datetime import date

import pytest

from channels.texts import MESSAGES, message_languages, option_label, render
from conversations.types import Option
from scheduling.wording import run_text

DAY = date(2026, 11, 23)
MENU = (Option("1", "menu.illness"), Option("2", "menu.medical_appointment"))


def absence(language: str, names: list[str], **kwargs: object) -> str:
    return render("absence.first", language, params={"school": "Oakfield", "names": names,
                                                     "date": DAY}, **kwargs)  # type: ignore[arg-type]


def test_english_is_the_source_text_with_dates_and_names_written_out() -> None:
    assert absence("en", ["Amy", "Ben"]) == MESSAGES["absence.first.other"].format(
        school="Oakfield", names="Amy and Ben", date="Monday 23 November")


def test_the_count_of_names_picks_the_plural_form() -> None:
    assert "Amy was marked" in absence("en", ["Amy"])
    assert "Amy and Ben were marked" in absence("en", ["Amy", "Ben"])
    assert "were" in absence("en", ["Amy"], count=2)


def test_a_regional_variant_gets_its_parent_language() -> None:
    assert absence("pt-BR", ["Ana"]) == absence("pt", ["Ana"])
    assert absence("pt", ["Ana"]) != absence("en", ["Ana"])


def test_an_unsupported_language_gets_english_with_english_dates() -> None:
    assert absence("de", ["Amy"]) == absence("en", ["Amy"])
    assert "Monday 23 November" in absence("de", ["Amy"])


def test_dates_and_names_are_written_in_the_message_language() -> None:
    text = absence("pl", ["Zuzanna", "Jakub"])
    assert "poniedziałek, 23 listopada" in text
    assert "Zuzanna i Jakub" in text


def test_bilingual_sends_welsh_then_english_in_one_message() -> None:
    text = absence("cy", ["Gethin"], bilingual=True)
    welsh, english = text.split("\n\n")
    assert welsh == absence("cy", ["Gethin"])
    assert english == absence("en", ["Gethin"])
    assert "Dydd Llun, 23 Tachwedd" in welsh and "Monday 23 November" in english


def test_bilingual_for_an_english_reader_is_still_welsh_first() -> None:
    assert absence("en", ["Gethin"], bilingual=True) == absence("cy", ["Gethin"], bilingual=True)


def test_bilingual_school_writes_to_a_polish_family_in_polish_alone() -> None:
    assert message_languages("pl", bilingual=True) == ("pl",)
    assert absence("pl", ["Zuzanna"], bilingual=True) == absence("pl", ["Zuzanna"])


def test_menu_is_numbered_in_the_language_on_sms_and_left_to_buttons_on_telegram() -> None:
    sms = render("menu.intro", "es", options=MENU)
    assert sms.splitlines()[1:] == ["1. enfermedad", "2. cita médica o con el dentista",
                                    render("menu.sms_footer", "es")]
    assert render("menu.intro", "es", options=MENU, channel="telegram") == render(
        "menu.intro", "es")


def test_bilingual_menu_labels_are_welsh_slash_english() -> None:
    assert option_label("menu.illness", "cy", bilingual=True) == "salwch / illness"
    assert "1. salwch / illness" in render("menu.intro", "cy", options=MENU, bilingual=True)


def test_unknown_key_is_a_clear_error() -> None:
    with pytest.raises(KeyError, match="no message key 'nope'"):
        render("nope", "en")


def test_missing_param_is_an_error_not_a_half_message() -> None:
    with pytest.raises(KeyError):
        render("reason.thanks", "cy", params={})


def test_a_param_may_depend_on_the_blocks_language() -> None:
    text = render("reason.thanks", "cy", params={"names": lambda lang: f"<{lang}>"},
                  bilingual=True)
    assert "<cy>" in text.split("\n\n")[0] and "<en>" in text.split("\n\n")[1]


def test_a_bilingual_run_message_names_and_dates_each_half_in_its_language() -> None:
    welsh, english = run_text("absence", school_name="Ysgol Bro Enlli", language="cy",
                              bilingual=True, names=["Gethin", "Elin"], day=DAY).split("\n\n")
    assert "Gethin ac Elin" in welsh and "Dydd Llun, 23 Tachwedd" in welsh
    assert "Gethin and Elin" in english and "Monday 23 November" in english
