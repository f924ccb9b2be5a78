"""The urgent concepts' words beside an ordinary reason or destination (a named ordinary
destination, a family wedding, a holiday abroad, nobody noticing a temperature) stay ordinary:
no one to alarm. (Issue 14: urgent recall by concept, in wordings written fresh for these
tests.)"""

from __future__ import annotations

import pytest

from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

# A named ordinary destination, a family wedding, a holiday abroad: no one to alarm.
ORDINARY = [
    ("en", "my sister's getting married on saturday and she doesn't want to miss the wedding"),
    ("en", "nobody was home to take him so he missed the bus, sorry"),
    ("en", "her dad took her to the hospital, I didn't agree with the GP but she's on "
           "antibiotics now"),
    ("en", "he hasn't brought his PE kit back, will he need it tomorrow?"),
    ("en", "she's so anxious about her exams she was sick this morning"),
    ("en", "nobody noticed she had a temperature till lunch, keeping her off today"),
    ("pl", "nikt nie zauważył że ma gorączkę, zostaje w domu"),
    ("es", "nadie se dio cuenta de que tenía fiebre, hoy se queda en casa"),
    ("ur", "koi ghar pe nahi tha, bus miss ho gayi"),
    ("bn", "keu bari te chilo na, bus miss korse"),
    ("cy", "does neb adre i fynd â hi, sori"),
    ("ro", "nimeni nu a observat că are febră, stă acasă azi"),
    ("pt", "ninguém reparou que ela tinha febre, fica em casa hoje"),
    ("ar", "ما حدا انتبه انها سخنة، رح تضل بالبيت اليوم"),
    ("so", "qofna ma ogaan inay qandho leedahay, maanta guriga ayay joogtaa"),
    ("lt", "niekas nepastebėjo kad ji karščiuoja, šiandien liks namie"),
    ("pa", "koi ghar nahi si, bus miss ho gayi"),
    ("en", "gp put him on antibiotics, back to school monday"),
    ("pt", "a ferida tem pus, não vai à escola hoje"),
    ("es", "el autobús escolar no pasó, llegará tarde"),
    ("en", "she's scared of the dentist but we're going at 10 and she'll be in after"),
    ("cy", "wedi mynd â hi at y meddyg, fydd hi mewn ar ôl cinio"),
    ("ro", "tatăl ei a dus-o la medic, vine după-amiază"),
    ("ar", "abouha dda l tbib, ghadi tji f le3chiya"),
    ("en", "orthodontist at 9 then I'll drop her at school for about 11"),
    ("ro", "are analize la 8, o duc la școală pe la 10"),
    ("pl", "ma wizytę u lekarza o 9, zawiozę go do szkoły koło 11"),
    ("es", "tiene el dentista a primera hora, la llevo al cole sobre las 11"),
    ("ur", "9 baje doctor ka appointment hai, 11 baje school chhor dungi"),
    ("en", "her nan collected her for the dentist at 9, she'll be back in by 11"),
    ("en", "he's feeling better now but still tired, keeping him home one more day"),
    ("pl", "jesteśmy u babci w Krakowie do poniedziałku"),
    ("es", "se fue con su padre a Sevilla el fin de semana, vuelve el martes"),
    ("en", "she fell off her scooter yesterday and is quite bruised, resting today"),
    ("en", "sorry for not telling you sooner, we're away in Spain till Friday"),
    ("cy", "sori am beidio deud ynghynt, mae Gwen yn sâl efo'r ffliw"),
    ("bn", "dadu oke dentist er kache niye gese, aj ar school e jabe na"),
    ("ur", "nana usay doctor ke paas le gaye, aaj school nahi jayegi"),
    ("en", "grandad's taken her to the dentist this morning, she'll be in by 11"),
    ("en", "we're in Tenerife till Monday, sorry, back Tuesday"),
    ("en", "she's going to her auntie's wedding in Leeds and doesn't want to miss it"),
    ("en", "her dad took her to the opticians, I'll bring her back in after"),
    ("en", "he's done with his exams now and feeling much better"),
    ("en", "no one is home to take him so he will miss the morning"),
    ("cy", "aeth ei thaid â hi at y deintydd bore 'ma"),
    ("pl", "dziadek zabrał ją do dentysty, będzie po 11"),
    ("pl", "jedziemy na ślub kuzynki do Polski, wrócimy w poniedziałek"),
    ("pt", "o avô levou-a ao dentista, chega às 11"),
    ("pt", "obrigada, ela não quer faltar mais, volta amanhã"),
    ("ro", "bunicul a dus-o la dentist, vine la 11"),
    ("es", "su abuelo la ha llevado al dentista, llega a las 11"),
    ("es", "mi hermana se casa el sábado, volvemos el lunes"),
    ("lt", "senelis nuvežė ją pas dantistą, ateis 11 val."),
    ("so", "awoowgeed ayaa u qaaday dhakhtarka ilkaha, 11 ayay imanaysaa"),
    ("ar", "جدها اخدها عند دكتور الاسنان، بتيجي الساعة 11"),
    ("ur", "dada usay dentist ke paas le gaye, 11 baje aa jayegi"),
    ("ur", "cousin ki shaadi hai Birmingham mein, kal wapas aa jayenge"),
    ("bn", "nana oke dentist er kache niye gese, 11 tay ashbe"),
    ("bn", "mamar biye te Sylhet jacchi, shombar fire ashbo"),
    ("pa", "dada ji ohnu dentist kol lai gaye, 11 vaje aa jau"),
    ("en", "nanna's taken him to the orthodontist, back for lunch"),
    ("en", "we're visiting family in Poland, back on the 14th"),
    ("en", "she doesn't want to miss her cousin's wedding on friday so she'll be off"),
    ("en", "I saw her temperature was 39 this morning so keeping her home"),
    ("en", "he's scared of the injection but we're at the doctors now"),
    ("cy", "mae hi efo'i nain yn Sbaen tan ddydd Llun"),
    ("pl", "babcia zabrała go do lekarza, wróci po obiedzie"),
    ("pt", "estamos em Portugal até segunda, desculpe"),
    ("ro", "suntem în România până luni, scuze"),
    ("es", "estamos en Tenerife hasta el lunes, perdón"),
    ("lt", "esame Lietuvoje iki pirmadienio"),
    ("so", "waxaan joognaa Kenya ilaa isniinta"),
    ("ar", "احنا بالاردن لحد الاثنين"),
    ("ur", "hum Pakistan mein hain Monday tak"),
    ("bn", "amra Bangladesh e achi shombar porjonto"),
    ("pa", "asin India vich haan Monday tak"),
]


@pytest.mark.parametrize(("lang", "text"), ORDINARY)
def test_an_ordinary_destination_or_wedding_is_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent
