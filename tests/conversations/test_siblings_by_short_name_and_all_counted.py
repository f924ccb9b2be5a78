"""Two families' replies about several children, in every language (issue 14):

- siblings each with one clear reason, named by the short names the family uses ("Ola jest
  chora, a Bartek ma dziś dentystę": Bartek is Bartosz's as much as Bartłomiej's,
  locales/nicknames.toml), both confirm, each with their own code;
- the children counted in a figure ("os 3 estão doentes", "the 3 of them", "los 3 están
  malitos") are all of them: every absent child confirms, nobody is asked "which child?"
  (locales/<lang>/concepts/all_of_them.toml)."""

from __future__ import annotations

import pytest

from conversations.types import ConversationKind, Intent, ReasonStatus
from tests.conversations.helpers import absent, awaiting, facts, records, say, student

# (short name of the first child, full name, text); the second child is named in full.
SIBLINGS = {
    "en": ("Ben", "Benjamin", "Ben is ill (cold, cough) and Maya has the dentist today, so both"
                              " at home"),
    "cy": ("Dai", "David", "Mae Dai yn sâl (annwyd, peswch) a mae gan Maya ddeintydd heddiw, felly"
                           " mae'r ddau adra"),
    "pl": ("Bartek", "Bartosz", "Bartek jest chory (katar, kaszel), a Maya ma dziś dentystę, więc"
                                " oboje w domu"),
    "pt": ("Zé", "José", "O Zé está doente (constipação, tosse) e a Maya tem dentista hoje, por"
                         " isso ficam os dois em casa"),
    "ro": ("Ionuț", "Ion", "Ionuț e bolnav (răceală, tuse), iar Maya are dentist azi, așa că"
                           " amândoi stau acasă"),
    "ar": ("Omar", "Omar", "Omar mareed (rash7 w so3la) w Maya 3andha maw3ed 3and doctor el"
                           " asnan el yom, el etnen fel bait"),
    "ur": ("Zain", "Zain", "Zain bimar hai (nazla, khansi) aur Maya ka aaj dentist ka appointment"
                           " hai, dono ghar pe hain"),
    "bn": ("Rafi", "Rafi", "Rafi osustho (thanda, kashi) ar Maya r aj dentist er appointment, dujon"
                           "i bashay"),
    "pa": ("Arjun", "Arjun", "Arjun bimar aa (zukaam, khansi) te Maya da ajj dentist da appointment"
                             " aa, dove ghar ne"),
    "so": ("Cali", "Cali", "Cali waa xanuunsan yahay (hargab, qufac), Maya-na maanta ilkaha ayaa"
                           " loo qabtay ballan, labaduba guriga ayay joogaan"),
    "lt": ("Jonas", "Jonas", "Jonas serga (sloga, kosulys), o Maya šiandien pas odontologą, abu"
                             " namie"),
    "es": ("Pepe", "José", "Pepe está malo (resfriado, tos) y Maya tiene dentista hoy, así que los"
                           " dos en casa"),
}
ALL_COUNTED = {
    "en": "morning, the 3 of them have a stomach bug, none going in today",
    "cy": "bore da, mae'r 3 yn sâl, bỳg stumog yn y tŷ, neb yn mynd heddiw",
    "pl": "dzień dobry, cała trójka chora, wirus żołądkowy w domu, nikt dziś nie idzie",
    "pt": "Bom dia, os 3 estão doentes, vírus do estômago lá em casa, ninguém vai hoje",
    "ro": "bună dimineața, toți 3 sunt bolnavi, viroză în casă, niciunul nu vine azi",
    "ar": "صباح الخير، التلاتة مرضانين، فيروس بالمعدة بالبيت، ما حدا رايح اليوم",
    "ur": "subah bakhair, teeno bimar hain, pait ka virus hai ghar mein, koi nahi ja raha aaj",
    "bn": "shuvo sokal, tin jon i osustho, pet er virus, aj keu jabe na",
    "pa": "sat sri akal, tinne bimar ne, pet da virus, ajj koi nahi jaanda",
    "so": "subax wanaagsan, saddexdoodaba way xanuunsan yihiin, caloosha ayaa xanuunaysa",
    "lt": "labas rytas, visi 3 serga, skrandžio virusas, šiandien niekas neis",
    "es": "buenos días, los 3 están malitos, virus estomacal en casa, hoy no va ninguno",
}


@pytest.mark.parametrize(("lang", "short", "full", "text"),
                         [(k, s, f, t) for k, (s, f, t) in SIBLINGS.items()])
def test_siblings_by_short_name_each_confirm_their_reason(lang: str, short: str, full: str,
                                                          text: str) -> None:
    family = facts(student("S1", full, absent()), student("S2", "Maya", absent()),
                   language=lang)
    _, decisions = say(awaiting("S1", "S2"), text, family)
    got = {(r.student_id, r.intent, r.status) for r in records(decisions)}
    assert got == {("S1", Intent.ILLNESS, ReasonStatus.CONFIRMED),
                   ("S2", Intent.MEDICAL_APPOINTMENT, ReasonStatus.CONFIRMED)}, decisions


@pytest.mark.parametrize(("lang", "text"), ALL_COUNTED.items())
def test_all_counted_in_a_figure_confirm(lang: str, text: str) -> None:
    family = facts(student("S1", "Enzo", absent()), student("S2", "Alice", absent()),
                   student("S3", "Miguel", absent()), language=lang)
    _, decisions = say(awaiting("S1", "S2", "S3", kind=ConversationKind.ABSENCE), text, family)
    got = {(r.student_id, r.intent, r.status) for r in records(decisions)}
    assert got == {(s, Intent.ILLNESS, ReasonStatus.CONFIRMED) for s in ("S1", "S2", "S3")}, \
        decisions


def test_every_language_has_its_cases() -> None:
    assert set(SIBLINGS) == set(ALL_COUNTED) == {"en", "cy", "pl", "pt", "ro", "ar", "ur", "bn",
                                                 "pa", "so", "lt", "es"}
