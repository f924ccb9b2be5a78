"""Short names: a family writes a child's name cut to three letters ("Teo" for Teodora) or
as a diminutive that changes its end ("Tymek" for Tymon, "Lenka" for Lena), and each child
keeps their own reason, in every language. Three letters only stand for a name at least
twice as long, and only when one child fits: "Dan" is no "Dana", and "Mar" fits neither
Marta nor Mariana (conversations/children.py, locales/nicknames.toml).

Every reply here is written for these tests, unlike the labelled rows: the rule is what is
tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.types import ConversationState, Intent
from tests.conversations.helpers import absent, facts, records, say, student

# (language, reply): "Teo" (Teodora) has a temperature, Matei a dentist's appointment.
TEO_AND_MATEI = [
    ("en", "Teo has a temperature and Matei is at the dentist this morning"),
    ("cy", "Mae gwres gan Teo a mae Matei efo'r deintydd bore ma"),
    ("pl", "Teo ma gorączkę, a Matei ma wizytę u dentysty rano"),
    ("pt", "A Teo está com febre e o Matei tem dentista de manhã"),
    ("ro", "Teo are temperatură, iar Matei are programare la dentist dimineață"),
    ("ar", "Teo عندها حرارة و Matei عنده موعد عند طبيب الأسنان الصبح"),
    ("ur", "Teo ko bukhar hai aur Matei ka dentist ka appointment hai subah"),
    ("bn", "Teo er jor ache ar Matei er dentist appointment ache sokale"),
    ("pa", "Teo nu bukhar hai te Matei da dentist appointment hai savere"),
    ("so", "Teo qandho ayay qabtaa, Matei na ballan dhakhtarka ilkaha ayuu leeyahay"),
    ("lt", "Teo karščiuoja, o Matei šį rytą pas odontologą"),
    ("es", "Teo tiene fiebre y Matei tiene cita con el dentista esta mañana"),
]


def _reasons(text: str, lang: str, *names: str) -> list[tuple[str, Intent]]:
    family = facts(*(student(f"S{i}", name, absent()) for i, name in enumerate(names, 1)),
                   language=lang)
    _, decisions = say(ConversationState(), text, family)
    return sorted((r.student_id, r.intent) for r in records(decisions))


@pytest.mark.parametrize(("lang", "text"), TEO_AND_MATEI)
def test_a_name_cut_to_three_letters_keeps_its_own_reason(lang: str, text: str) -> None:
    assert _reasons(text, lang, "Teodora", "Matei") == [
        ("S1", Intent.ILLNESS), ("S2", Intent.MEDICAL_APPOINTMENT)]


def test_a_polish_diminutive_is_the_child() -> None:
    assert _reasons("Tymek ma anginę, a Lenka jest dziś u okulisty", "pl", "Tymon", "Lena") == [
        ("S1", Intent.ILLNESS), ("S2", Intent.MEDICAL_APPOINTMENT)]


def test_three_letters_of_a_short_name_are_not_it() -> None:
    assert ("S1", Intent.ILLNESS) not in _reasons(
        "Dan has a temperature, Oliver is at the dentist", "en", "Dana", "Oliver")


def test_three_letters_that_fit_two_children_are_neither() -> None:
    assert ("S1", Intent.ILLNESS) not in _reasons(
        "Mar has a temperature, the others are fine", "en", "Marta", "Mariana")
    assert ("S2", Intent.ILLNESS) not in _reasons(
        "Mar has a temperature, the others are fine", "en", "Marta", "Mariana")
