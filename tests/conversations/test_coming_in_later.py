"""Coming in later in the day: a reply that says the child will come, be brought, be taken or be
dropped at school after lunch, in the afternoon, after midday or at 1pm has the child in for the
afternoon, so its reason covers the morning only. Said the evening before ("tomorrow morning ...
I'll bring her in after lunch") that is tomorrow's morning; said in the morning, today's.

The same words without the coming ("dentist after lunch"), with the coming denied ("won't come
in after lunch", "ashbe na"), or taking the child *to an appointment* after lunch leave the
afternoon out. Today is Wednesday 25 November 2026.
"""

from __future__ import annotations

from datetime import date

import pytest

from conversations.types import Intent, Session, Span
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS, TODAY

WED, THU = TODAY, date(2026, 11, 26)
THU_AM = Span(THU, THU, Session.AM)
WED_AM = Span(WED, WED, Session.AM)
WED_PM = Span(WED, WED, Session.PM)


def _span(text: str, lang: str) -> Span | None:
    return classify(text, lexicons=LEXICONS, language_hint=lang, today=TODAY).span


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Noah has the orthodontist tomorrow morning, I'll bring him in after lunch"),
    ("en", "eye test first thing tomorrow so I'll drop her off after midday"),
    ("en", "she's got bloods at the hospital tomorrow am, she'll come in after 12"),
    ("en", "tomorrow morning is his MRI, will take him to school after lunch"),
    ("cy", "Mae gan Osian apwyntiad deintydd bore fory, wna i ddod â fo ar ôl cinio"),
    ("cy", "Prawf gwaed bore fory, daw hi i mewn ar ol hanner dydd"),
    ("pl", "Jutro rano Kuba ma wizytę u ortodonty, przywiozę go po obiedzie"),
    ("pl", "jutro rano badanie krwi, zawioze ja do szkoly po 12"),
    ("pt", "Amanhã de manhã a Beatriz tem consulta no dentista, trago-a depois do almoço"),
    ("pt", "amanha cedo o Gui faz raio-x, ele chega depois do meio dia"),
    ("pt", "amanhã de manhã tem análises, levo ela pra escola depois do almoço"),
    ("ro", "Mâine dimineață Ana are programare la dentist, o aduc după prânz"),
    ("ro", "maine dimineata are analize, vine la scoala dupa ora 12"),
    ("ar", "بكرة الصبح عند سارة موعد أسنان، بجيبها على المدرسة بعد الظهر"),
    ("ar", "bokra el sob7 3ando ma3ad doctor, ra7 yiji 3al madrase ba3d el ghada"),
    ("ar", "bokra el sob7 3andaha tahlil dam, hatigi el madrasa ba3d el dohr"),
    ("ur", "kal subah Hamza ka dentist ka appointment hai, lunch ke baad school chhor dungi"),
    ("ur", "kal subah Zoya ka blood test hai, dopahar ke baad school aa jayegi"),
    ("bn", "kal sokale Rafi r dentist appointment, lunch er por school e niye jabo"),
    ("bn", "কাল সকালে নুসরাতের রক্ত পরীক্ষা, দুপুরের পরে স্কুলে আসবে"),
    ("pa", "kal savere Simran di dentist appointment aa, lunch ton baad school chhad aaungi"),
    ("pa", "ਕੱਲ੍ਹ ਸਵੇਰੇ ਗੁਰਲੀਨ ਦੀ ਅੱਖਾਂ ਦੀ ਅਪੌਇੰਟਮੈਂਟ ਆ, ਦੁਪਹਿਰ ਤੋਂ ਬਾਅਦ ਸਕੂਲ ਆਵੇਗੀ"),
    ("so", "Berri subaxda Hodan ballan ilko ayay leedahay, qadada kadib dugsiga waan keeni doonaa"),
    ("so", "berri subax Cali dhakhtar buu leeyahay, duhurka kadib ayuu imaan doonaa"),
    ("lt", "Rytoj ryte Ugnė turi vizitą pas odontologą, atvešiu ją po pietų"),
    ("lt", "rytoj ryte kraujo tyrimai, po 12 ateis i mokykla"),
    ("es", "Mañana por la mañana Lucía tiene dentista, la llevo al cole después de comer"),
    ("es", "mañana temprano le sacan sangre a Mateo, llega después del mediodía"),
    ("ro", "mâine dimineață are analize, merge la școală după prânz"),
    ("ar", "بكرة الصبح عنده موعد، رح يروح عالمدرسة بعد الغدا"),
    # Lebanese "بتيي" (she comes: j said as y) is a coming in, as "بتيجي" is.
    ("ar", "بكرة الصبح عند سارة فحص دم، بتيي عالمدرسة بعد الغدا"),
    ("ur", "kal subah appointment hai, lunch ke baad school jayegi"),
    ("so", "berri subax ballan ayay leedahay, qadada kadib dugsiga aadi doontaa"),
    ("cy", "apwyntiad bore fory, bydd hi'n mynd i'r ysgol ar ôl cinio"),
    # "be in" and "in after lunch" overlap: still a late arrival tomorrow, not a return.
    ("en", "Zoe has bloods at 9 tomorrow so she'll be in after lunch"),
    ("bn", "kal Nabil er dentist appointment ache sokale, lunch er por school e ashbe"),
])
def test_coming_in_after_lunch_the_evening_before_is_tomorrow_morning(lang: str,
                                                                     text: str) -> None:
    assert _span(text, lang) == THU_AM


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Ava is at the dentist this morning, I'll bring her in at 1"),
    ("en", "blood test at 9, she will be in school after lunch"),
    ("es", "Tiene el médico esta mañana, lo traigo a las 13h"),
    ("pt", "Tem médico de manhã, vou levar ele pra escola depois do almoço"),
    ("ro", "Are programare la medic azi dimineață, îl aduc la școală după prânz"),
    ("ur", "aaj subah doctor ke paas hai, 1 baje school le aaungi"),
])
def test_coming_in_after_lunch_today_is_this_morning(lang: str, text: str) -> None:
    assert _span(text, lang) == WED_AM


@pytest.mark.parametrize(("lang", "text"), [
    # The afternoon is the absence: an appointment after lunch, or taken out for it.
    ("en", "dentist after lunch so I'll take her out at 12"),
    ("en", "I'll take him to the dentist after lunch"),
    ("es", "tiene dentista después de comer, la recojo a las 12"),
    ("pt", "tem consulta depois do almoço, vou buscá-la às 12h"),
    ("ro", "are programare la dentist după prânz, o iau la 12"),
    ("bn", "aj bikale ar school e ashbe na, dentist ache"),
    ("ur", "aaj lunch ke baad dentist ke paas le jaungi"),
    ("lt", "šiandien po pietų vizitas pas gydytoją, po pietų nebegrįš"),
    ("pl", "ma dentystę po obiedzie, odbiorę go o 12"),
    # "Be in" a place that is not school is staying out.
    ("en", "she has a fever, she'll be in bed this afternoon"),
    ("en", "he will be in hospital this afternoon for tests"),
    ("ur", "har dopahar bukhar aata hai, aaj ghar pe hai"),
    # Going somewhere that is not school.
    ("en", "she is going in to hospital this afternoon"),
    ("ar", "رح تروح عالمستشفى بعد الظهر"),
])
def test_an_afternoon_without_coming_in_is_the_afternoon(lang: str, text: str) -> None:
    assert _span(text, lang) == WED_PM


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "she won't come in after lunch, still feeling sick"),
    ("en", "she wont be in after lunch either"),
    ("es", "no la llevo al cole después de comer, sigue con fiebre"),
    ("pt", "não vai chegar depois do almoço, ainda está com febre"),
    ("ro", "nu vine după prânz, are febră"),
    ("ur", "lunch ke baad bhi school nahi aayegi, bukhar hai"),
    ("pl", "nie przyjdzie po obiedzie, ma gorączkę"),
])
def test_coming_in_denied_is_never_the_morning_only(lang: str, text: str) -> None:
    span = _span(text, lang)
    assert span is None or span.session is not Session.AM


def test_coming_in_tomorrow_is_a_return_not_a_time_of_day() -> None:
    """ "after lunch today ... comes in tomorrow": the coming word is tomorrow's."""
    span = _span("dentist after lunch, she comes in tomorrow as normal", "en")
    assert span is not None and span.session is not Session.AM


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "hospital this morning, dropping her at school about 1.30"),
    ("en", "eye test this morning, taking him to school after lunch"),
    ("es", "tiene análisis esta mañana, la llevo al cole después de comer"),
    ("pt", "consulta de manhã, levo ele pra escola depois do almoço"),
])
def test_bringing_in_this_afternoon_is_a_plan_not_a_dispute(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang, today=TODAY)
    assert not reading.urgent and reading.intent is Intent.MEDICAL_APPOINTMENT


def test_the_morning_drop_off_is_still_a_dispute() -> None:
    reading = classify("I was dropping her at school at 8.40 and saw her go in, where is she",
                       lexicons=LEXICONS, language_hint="en", today=TODAY)
    assert reading.urgent
