"""Trips home, festivals named in any grammatical form, and family emergencies (issue 14).

- A trip to the family's home region or abroad, or to a family wedding there, is a holiday
  (a leave of absence), also when the occasion is a relative's religious ceremony.
- A festival is religious observance whatever its case ending ("পূজার", "pujor").
- A relative rushed to hospital, or a "family emergency", is a family circumstance, not the
  child's appointment and not a holiday, even when the family travels to be there.
"""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS


def intent(text: str, lang: str) -> Intent:
    return classify(text, lexicons=LEXICONS, language_hint=lang).intent


@pytest.mark.parametrize(("text", "lang"), [
    ("amra kal Sylhet jacchi, mamar biyete", "bn"),
    ("আমরা দেশে যাচ্ছি বিয়েতে, দুই সপ্তাহ", "bn"),
    ("hum Mirpur ja rahe hain shadi pe, do hafte", "ur"),
    ("asi Jalandhar ja rahe aa viah te", "pa"),
    ("waxaan u soo safraynaa Hargeysa arooska awoowe", "so"),
    ("Mae Cai yn Ffrainc efo'i nain tan ddydd Mawrth", "cy"),
    ("Lecimy do Polski na chrzest bratanka, Ola wraca w środę", "pl"),
    ("vamos para Portugal para o casamento da prima", "pt"),
    ("mergem în România la nunta verișoarei", "ro"),
    ("skrendame į Lietuvą į pusbrolio vestuves", "lt"),
])
def test_a_trip_home_or_to_a_family_wedding_is_a_holiday(text: str, lang: str) -> None:
    assert intent(text, lang) is Intent.HOLIDAY


@pytest.mark.parametrize(("text", "lang"), [
    ("আজ দুর্গা পূজার জন্য অনি স্কুলে যাবে না", "bn"),
    ("aj pujor jonno school e jabe na", "bn"),
    ("bijoya dashami, aj ashbe na", "bn"),
    ("Ola ma w sobotę komunię", "pl"),
])
def test_a_festival_in_any_form_is_religious_observance(text: str, lang: str) -> None:
    assert intent(text, lang) is Intent.RELIGIOUS_OBSERVANCE


@pytest.mark.parametrize(("text", "lang"), [
    ("Mae mam fi wedi cael ei chymryd i'r ysbyty, da ni i gyd yn mynd", "cy"),
    ("tuvimos una urgencia familiar y nos vamos a Sevilla hoy", "es"),
    ("tivemos uma urgência familiar, vamos todos para o Porto", "pt"),
    ("mamy nagłą sprawę rodzinną, wyjeżdżamy dziś", "pl"),
    ("avem o urgență familială, plecăm azi", "ro"),
    ("صار عندنا طارئ عائلي ومسافرين اليوم", "ar"),
    ("my dad was rushed into hospital last night so we've all gone up to be with him", "en"),
])
def test_a_family_emergency_is_a_family_circumstance(text: str, lang: str) -> None:
    assert intent(text, lang) is Intent.FAMILY_CIRCUMSTANCES


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Cai has a hospital appointment this morning", "en", Intent.MEDICAL_APPOINTMENT),
    ("mae gan Cai apwyntiad yn yr ysbyty", "cy", Intent.MEDICAL_APPOINTMENT),
    ("Mae Nain wedi mynd â Cai i'r ysbyty am apwyntiad llygaid", "cy", Intent.MEDICAL_APPOINTMENT),
    ("nos mudamos pra Portugal, já está matriculado lá", "pt", Intent.MOVED_AWAY),
    ("jedziemy do szpitala z Olą, ma zapalenie płuc", "pl", Intent.ILLNESS),
])
def test_near_misses_keep_their_own_reading(text: str, lang: str, expected: Intent) -> None:
    assert intent(text, lang) is expected
