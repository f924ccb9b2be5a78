"""Days told as a list or a count, then the day the child comes back, in every language:
"Monday, Tuesday and Wednesday, Thursday she'll be back" and "the doctor said 3 days at
home, Thursday we send her back" cover the three days, never the day of return. A return
told right after a weekday ("joi se întoarce", "jumeraat ko wapis bhejenge") makes that
weekday the first day back; a clear illness of three days then confirms (a fourth day would
send it to a person by policy). A return that leads on to a later day ("off Monday, back
Wednesday") is that later day's.

Every reply here is written for these tests, unlike the labelled rows: the rule is what is
tested, not a sentence."""

from __future__ import annotations

from datetime import date

import pytest

from conversations.types import ReasonStatus, Session, SessionRef
from tests.conversations.helpers import absent, awaiting, facts, reasons, say, student

MON, TUE, WED = date(2026, 11, 30), date(2026, 12, 1), date(2026, 12, 2)


def _both(*days: date) -> tuple[SessionRef, ...]:
    return tuple(SessionRef(d, half) for d in days for half in (Session.AM, Session.PM))


LISTED_THEN_BACK = [
    ("en", "Amy has chickenpox, she stays home Monday, Tuesday and Wednesday, "
           "Thursday she will be back"),
    ("cy", "Mae brech yr ieir ar Amy, mae hi adre dydd Llun, dydd Mawrth a dydd Mercher, "
           "dydd Iau bydd hi nôl"),
    ("pl", "Amy ma ospę, zostaje w domu w poniedziałek, wtorek i środę, w czwartek wraca do "
           "szkoły"),
    ("pl", "Amy ma ospe, zostaje w domu poniedzialek, wtorek i srode, czwartek wraca do szkoly"),
    ("pt", "A Amy tem varicela, fica em casa segunda, terça e quarta, quinta volta à escola"),
    ("pt", "a amy ta com varicela fica em casa segunda terca e quarta quinta volta pra escola"),
    ("ro", "Amy are varicelă, stă acasă luni, marți și miercuri, joi se întoarce la școală"),
    ("ro", "amy are varicela sta acasa luni marti si miercuri joi vine la scoala"),
    ("ar", "ايمي عندها جدري الماء، رح تضل بالبيت الاثنين والثلاثاء والاربعاء، الخميس بترجع "
           "عالمدرسة"),
    ("ur", "Amy ko chicken pox hai, somvar, mangal aur budh ghar pe rahegi, jumeraat ko school "
           "wapas aayegi"),
    ("ur", "ایمی کو چکن پاکس ہے، پیر، منگل اور بدھ گھر رہے گی، جمعرات کو اسکول آئے گی"),
    ("bn", "Amy er jol bosonto hoyeche, sombar, mongolbar ar budhbar bari te thakbe, "
           "brihospotibar school e ashbe"),
    ("pa", "Amy nu chicken pox hai, somvar, mangalvar te budhvar ghar rahegi, veervar nu school "
           "aaugi"),
    ("so", "Amy waxay qabtaa busbus, isniinta, talaadada iyo arbacada guriga ayay joogaysaa, "
           "khamiista ayay iskuulka imaan doontaa"),
    ("lt", "Amy serga vėjaraupiais, pirmadienį, antradienį ir trečiadienį bus namie, "
           "ketvirtadienį grįš į mokyklą"),
    ("lt", "amy serga vejaraupiais pirmadieni antradieni ir treciadieni bus namie "
           "ketvirtadieni gris i mokykla"),
    ("es", "Amy tiene varicela, se queda en casa lunes, martes y miércoles, el jueves vuelve al "
           "cole"),
    ("es", "amy tiene varicela se queda en casa lunes martes y miercoles el jueves vuelve al cole"),
]

COUNTED_THEN_BACK = [
    ("en", "Amy has flu, the GP said keep her off for 3 days, Thursday she will be back"),
    ("cy", "Mae ffliw ar Amy, meddyg wedi deud 3 diwrnod adre, dydd Iau bydd hi nôl"),
    ("pl", "Amy ma grypę, lekarz kazał 3 dni w domu, w czwartek wraca do szkoły"),
    ("pt", "A Amy está com gripe, o médico disse 3 dias em casa, quinta volta à escola"),
    ("ro", "Amy are gripă, doctorul a zis 3 zile acasă, joi revine la școală"),
    ("ar", "ايمي عندها انفلونزا، الدكتور قال ٣ أيام بالبيت، الخميس بترجع عالمدرسة"),
    ("ur", "Amy ko flu hai, doctor ne kaha 3 din ghar pe rakho, jumeraat ko wapis bhejenge"),
    ("ur", "Amy ko flu hai doctor ne bola 3 din ghar rakhna hai thursday ko school bhej denge"),
    ("bn", "Amy er flu, doctor bolse 3 din bari te rakhte, brihospotibar school e pathabo"),
    ("pa", "Amy nu flu aa, doctor ne kiha 3 din ghar rakho, veervar nu school bhejange"),
    ("so", "Amy waxay qabtaa hargab, dhakhtarka wuxuu yiri 3 maalmood guriga ha joogto, "
           "khamiista ayay imaan doontaa"),
    ("lt", "Amy serga gripu, gydytojas liepė 3 dienas būti namie, ketvirtadienį grįš į mokyklą"),
    ("es", "Amy tiene gripe, el médico dijo 3 días en casa, el jueves vuelve al cole"),
]

# Near-misses: the return word leads on to a later day, so the weekday before it is a day off.
BACK_ON_A_LATER_DAY = [
    ("en", "Amy has a bug, off Monday, back Wednesday"),
    ("es", "Amy tiene fiebre, hoy lunes no va, vuelve el miércoles"),
    ("ro", "Amy are febră, luni nu vine, revine miercuri"),
    ("pl", "Amy ma gorączkę, poniedziałek w domu, wraca w środę"),
    ("lt", "Amy karščiuoja, pirmadienį namie, grįš trečiadienį"),
    ("ur", "Amy ko bukhar hai, somvar ghar pe hai, budh ko school aayegi"),
]


def _confirmed(text: str, lang: str) -> tuple[SessionRef, ...]:
    family = facts(student("S1", "Amy", absent(MON)), language=lang, today=MON)
    _, decisions = say(awaiting("S1"), text, family)
    return tuple(s for r in reasons(decisions) if r.status is ReasonStatus.CONFIRMED
                 for s in r.sessions)


@pytest.mark.parametrize(("lang", "text"), LISTED_THEN_BACK + COUNTED_THEN_BACK)
def test_days_then_the_day_back_cover_the_days_and_confirm(lang: str, text: str) -> None:
    assert _confirmed(text, lang) == _both(MON, TUE, WED)


@pytest.mark.parametrize(("lang", "text"), BACK_ON_A_LATER_DAY)
def test_a_return_leading_to_a_later_day_is_that_days(lang: str, text: str) -> None:
    assert _confirmed(text, lang) == _both(MON, TUE)
