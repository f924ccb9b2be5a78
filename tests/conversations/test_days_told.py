"""The days a reply's reason covers, told the ways families tell them, in every language:
"back tomorrow" and "tomorrow as usual" (today only), an evening note about tomorrow morning
(tomorrow's morning only, never today), "next Tuesday" (the coming one, not the one past), an
operation "tomorrow, back on Tuesday" (the days between), a blood test this afternoon (the
afternoon). Every code lands on exactly those sessions and is confirmed.

Every reply here is written for these tests, unlike the labelled rows: the rule is what is
tested, not a sentence."""

from __future__ import annotations

from datetime import date

import pytest

from conversations.types import ReasonStatus, Session, SessionRef
from tests.conversations.helpers import absent, awaiting, facts, reasons, say, student

WED, THU, FRI = date(2026, 11, 25), date(2026, 11, 26), date(2026, 11, 27)
MON, TUE = date(2026, 11, 30), date(2026, 12, 1)


def _both(*days: date) -> tuple[SessionRef, ...]:
    return tuple(SessionRef(d, half) for d in days for half in (Session.AM, Session.PM))


BACK_TOMORROW = [
    ("en", "Amy has a high temperature, she'll be back tomorrow"),
    ("cy", "mae Amy yn sâl efo gwres, mi fydd hi'n ôl fory"),
    ("pt", "a Amy está com febre, amanhã já volta"),
    ("es", "Amy tiene fiebre, mañana ya vuelve al cole"),
    ("pl", "Amy ma gorączkę, jutro wraca do szkoły"),
    ("ro", "Amy are febră, mâine se întoarce la școală"),
    ("lt", "Amy karščiuoja, rytoj grįš į mokyklą"),
    ("ar", "ايمي عندها حرارة، بكرة بترجع عالمدرسة"),
    ("ur", "Amy ko bukhar hai, kal school wapas aayegi"),
    ("bn", "Amy er jor, kal theke school e ashbe"),
    ("pa", "Amy nu bukhar hai, kal school aa jaegi"),
    ("so", "Amy waa xanuunsan tahay, berri ayay iskuulka imaan doontaa"),
]

TOMORROW_AS_USUAL = [
    ("en", "Amy has been sick in the night, tomorrow as normal"),
    ("cy", "Amy wedi bod yn sâl yn y nos, fory fel arfer"),
    ("pt", "a Amy vomitou à noite, amanhã normal"),
    ("es", "Amy ha vomitado esta noche, mañana normal"),
    ("pl", "Amy wymiotowała w nocy, jutro normalnie"),
    ("ro", "Amy a vomitat azi noapte, mâine vine normal"),
    ("lt", "Amy naktį vėmė, rytoj kaip įprasta"),
    ("ar", "ايمي استفرغت بالليل، بكرة عادي بتيجي"),
    ("ur", "Amy ko raat ulti hui, kal normal aayegi"),
    ("bn", "Amy raate bomi korse, kal normal ashbe"),
    ("pa", "Amy nu raat ulti aayi, kal normal aaugi"),
    ("so", "Amy xalay ayay matagtay, berri sidii caadiga ah ayay imaan doontaa"),
]

EVENING_NOTE_FOR_TOMORROW_MORNING = [
    ("en",
     "Evening, Amy has a hospital appointment tomorrow morning, she will come in after lunch"),
    ("cy",
     "Noswaith dda, mae gan Amy apwyntiad ysbyty bore fory, bydd hi'n dod i mewn ar ôl cinio"),
    ("pt",
     "Boa noite, a Amy tem consulta no hospital amanhã de manhã, vai à escola depois do almoço"),
    ("es",
     "Buenas noches, Amy tiene cita en el hospital mañana por la mañana, irá después de comer"),
    ("pl", "Dobry wieczór, Amy ma jutro rano wizytę w szpitalu, przyjdzie po obiedzie"),
    ("ro", "Bună seara, Amy are programare la spital mâine dimineață, vine la școală după prânz"),
    ("lt", "Labas vakaras, Amy rytoj ryte turi vizitą ligoninėje, ateis po pietų"),
    ("ar", "مساء الخير، ايمي عندها موعد بالمستشفى بكرة الصبح، بتيجي بعد الظهر"),
    ("ur", "Salam, Amy ka kal subah hospital mein appointment hai, lunch ke baad school aayegi"),
    ("bn", "Salam, kal sokale Amy er hospital e appointment ache, lunch er pore school e ashbe"),
    ("pa",
     "Sat sri akal, Amy di kal savere hospital appointment hai, lunch ton baad school aaugi"),
    ("so",
     "Habeen wanaagsan, Amy berri subax ballan isbitaal ayay leedahay, galabta ayay iman doontaa"),
]

NEXT_TUESDAY = [
    ("en", "Evening, Amy has a scan at the hospital next Tuesday so she will miss the whole day"),
    ("cy",
     "Noswaith dda, mae gan Amy sgan yn yr ysbyty dydd Mawrth nesa, fydd hi ddim yn yr ysgol"),
    ("pt", "Boa noite, a Amy tem consulta no hospital na próxima terça, vai faltar o dia todo"),
    ("es",
     "Buenas noches, Amy tiene cita en el hospital el martes que viene, faltará todo el día"),
    ("pl", "Dobry wieczór, Amy ma wizytę w szpitalu w przyszły wtorek, nie będzie jej cały dzień"),
    ("ro", "Bună seara, Amy are programare la spital marțea viitoare, lipsește toată ziua"),
    ("lt", "Labas vakaras, Amy kitą antradienį turi vizitą ligoninėje, nebus visą dieną"),
    ("ar", "مساء الخير، ايمي عندها موعد بالمستشفى يوم الثلاثاء الجاي، ما رح تيجي"),
    ("ur",
     "Salam, Amy ka agle mangal ko hospital mein appointment hai, us din school nahi aayegi"),
    ("bn", "Salam, samner mongolbar Amy er hospital e appointment ache, oi din school e ashbe na"),
    ("pa",
     "Sat sri akal, Amy di agle mangalvar hospital appointment hai, us din school nahi aaugi"),
    ("so",
     "Habeen wanaagsan, Amy talaadada soo socota ballan isbitaal ayay leedahay, ma imaan doonto"),
]

OPERATION_TOMORROW_BACK_TUESDAY = [
    ("en", "Evening, Amy is having her tonsils out tomorrow at the hospital, back on Tuesday"),
    ("cy", "Noswaith dda, mae Amy yn cael llawdriniaeth yn yr ysbyty fory, nôl dydd Mawrth"),
    ("pt", "Boa noite, amanhã a Amy vai ser operada às amígdalas, volta na terça"),
    ("es", "Buenas noches, mañana operan a Amy de las amígdalas, vuelve el martes"),
    ("pl", "Dobry wieczór, jutro Amy ma operację migdałków, wraca we wtorek"),
    ("ro", "Bună seara, mâine Amy are operație la amigdale, se întoarce marți"),
    ("lt", "Labas vakaras, rytoj Amy operacija, grįš antradienį"),
    ("ar", "مساء الخير، بكرة ايمي عندها عملية باللوزتين، بترجع يوم الثلاثاء"),
    ("ur", "Salam, kal Amy ka operation hai, mangal ko wapas aayegi"),
    ("bn", "Salam, kal Amy er operation, mongolbar theke school e ashbe"),
    ("pa", "Sat sri akal, kal Amy da operation hai, mangalvar nu wapas aaugi"),
    ("so", "Habeen wanaagsan, berri Amy qalliin ayay leedahay, talaadada ayay soo laaban doontaa"),
]

BLOOD_TEST_THIS_AFTERNOON = [
    ("en", "Amy has a blood test at 2 this afternoon, I'll collect her at 1.30"),
    ("cy", "Mae gan Amy brawf gwaed am 2 pnawn ma, dwi'n nôl hi am 1.30"),
    ("pt", "A Amy tem exame de sangue às 14h, vou buscá-la às 13h30"),
    ("es", "Amy tiene análisis de sangre a las 14h, la recojo a las 13:30"),
    ("pl", "Amy ma badanie krwi o 14, odbiorę ją o 13.30"),
    ("ro", "Amy are analize de sânge la 14, o iau la 13:30"),
    ("lt", "Amy turi kraujo tyrimą 14 val, pasiimsiu ją 13.30"),
    ("ar", "ايمي عندها تحليل دم الساعة 2 الظهر، باخدها الساعة 1 ونص"),
    ("ur", "Amy ka aaj dopahar 2 baje blood test hai, main usay 1:30 baje le jaungi"),
    ("bn", "Amy er aaj dupur 2 tay rokto porikkha ache, ami oke 1:30 e niye jabo"),
    ("pa", "Amy da ajj dupehar 2 vaje blood test hai, main 1:30 vaje lai jaangi"),
    ("so", "Amy maanta 2da galabnimo baaritaan dhiig ayay leedahay, 1:30 ayaan soo qaadayaa"),
]


def _confirmed(text: str, lang: str, *, today: date, evening: bool = False,
               present_am: bool = False) -> tuple[SessionRef, ...]:
    if evening:
        marks = (absent(today, code="/", status=ReasonStatus.CONFIRMED),
                 absent(today, Session.PM, code="/", status=ReasonStatus.CONFIRMED))
    elif present_am:
        marks = (absent(today, code="/", status=ReasonStatus.CONFIRMED),)
    else:
        marks = (absent(today),)
    family = facts(student("S1", "Amy", *marks), language=lang, today=today)
    _, decisions = say(awaiting() if evening or present_am else awaiting("S1"), text, family)
    return tuple(s for r in reasons(decisions) if r.status is ReasonStatus.CONFIRMED
                 for s in r.sessions)


@pytest.mark.parametrize(("lang", "text"), BACK_TOMORROW + TOMORROW_AS_USUAL)
def test_back_tomorrow_covers_today_only(lang: str, text: str) -> None:
    assert _confirmed(text, lang, today=WED) == _both(WED)


@pytest.mark.parametrize(("lang", "text"), EVENING_NOTE_FOR_TOMORROW_MORNING)
def test_an_evening_note_for_tomorrow_morning_covers_that_morning_only(
        lang: str, text: str) -> None:
    assert _confirmed(text, lang, today=WED, evening=True) == (SessionRef(THU, Session.AM),)


@pytest.mark.parametrize(("lang", "text"), NEXT_TUESDAY)
def test_next_tuesday_is_the_coming_one(lang: str, text: str) -> None:
    assert _confirmed(text, lang, today=THU, evening=True) == _both(TUE)


@pytest.mark.parametrize(("lang", "text"), OPERATION_TOMORROW_BACK_TUESDAY)
def test_an_operation_tomorrow_back_on_tuesday_covers_the_days_between(
        lang: str, text: str) -> None:
    assert _confirmed(text, lang, today=THU, evening=True) == _both(FRI, MON)


@pytest.mark.parametrize(("lang", "text"), BLOOD_TEST_THIS_AFTERNOON)
def test_a_blood_test_this_afternoon_covers_the_afternoon(lang: str, text: str) -> None:
    assert _confirmed(text, lang, today=THU, present_am=True) == (SessionRef(THU, Session.PM),)


KAL_WITH_A_PRESENT_VERB = [
    ("ur", "Salam, kal Amy ka aankhon ke hospital mein appointment hai, school nahi aayegi"),
    ("ur", "السلام علیکم، کل ایمی کا ہسپتال میں اپائنٹمنٹ ہے، وہ سکول نہیں آئے گی"),
    ("pa", "Sat sri akal, kal Amy da dandan de doctor naal appointment hai, school nahi aaugi"),
    ("pa", "ਸਤ ਸ੍ਰੀ ਅਕਾਲ, ਕੱਲ੍ਹ ਐਮੀ ਦੀ ਹਸਪਤਾਲ ਵਿੱਚ ਅਪਾਇੰਟਮੈਂਟ ਹੈ"),
]


@pytest.mark.parametrize(("lang", "text"), KAL_WITH_A_PRESENT_VERB)
def test_kal_with_an_appointment_that_is_is_tomorrow(lang: str, text: str) -> None:
    """ "kal ... appointment hai": an appointment that *is* (not *was*) is tomorrow's."""
    assert _confirmed(text, lang, today=WED, evening=True) == _both(THU)


# Two children, one back tomorrow and one not until Monday: each keeps its own days, the
# shorter never given the longer's range (nor the longer cut to the shorter's).
ONE_BACK_TOMORROW_ONE_ON_MONDAY = [
    ("en",
     "Amy and Ben both have a bug, Amy will be back tomorrow but Ben won't be back until Monday"),
    ("cy", "Mae Amy a Ben yn sâl, bydd Amy nôl fory ond fydd Ben ddim nôl tan ddydd Llun"),
    ("pt", "A Amy e o Ben estão doentes, a Amy volta amanhã mas o Ben só volta na segunda"),
    ("es", "Amy y Ben están malos, Amy vuelve mañana pero Ben no vuelve hasta el lunes"),
    ("pl", "Amy i Ben są chorzy, Amy wraca jutro, a Ben dopiero w poniedziałek"),
    ("ro", "Amy și Ben sunt bolnavi, Amy revine mâine, dar Ben abia luni"),
    ("lt", "Amy ir Ben serga, Amy grįš rytoj, o Ben tik pirmadienį"),
    ("ar", "ايمي و Ben مرضانين، ايمي بترجع بكرة بس Ben ما رح يرجع لحد الاثنين"),
    ("ur", "Amy aur Ben dono bimar hain, Amy kal wapas aayegi lekin Ben somvar tak nahi aayega"),
    ("bn", "Amy ar Ben duijon e osustho, Amy kal ashbe kintu Ben sombar theke ashbe"),
    ("pa", "Amy te Ben dove bimar ne, Amy kal aa jaegi par Ben somvar nu aauga"),
    ("so",
     "Amy iyo Ben waa jiran yihiin, Amy berri way imaan doontaa, Ben isniinta ayuu imaan doonaa"),
]


@pytest.mark.parametrize(("lang", "text"), ONE_BACK_TOMORROW_ONE_ON_MONDAY)
def test_siblings_back_on_different_days_keep_their_own(lang: str, text: str) -> None:
    family = facts(student("S1", "Amy", absent()), student("S2", "Ben", absent()),
                   language=lang)
    _, decisions = say(awaiting("S1", "S2"), text, family)
    assert {r.student_id: r.sessions for r in reasons(decisions)} == {
        "S1": _both(WED), "S2": _both(WED, THU, FRI)}
