"""A child taken and kept from the sender, against their wishes or not brought back, or not come
home with nobody knowing where, is urgent. (Issue 14: urgent recall by concept, in wordings
written fresh for these tests.)"""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

# Taken against the sender's wishes, or kept and not brought back, to a named place or none.
KEPT_AWAY = [
    ("ar", "abouha khdaha l france bla ma igoul lia w daba ma bghach yrjja3ha"),
    ("cy", "mae ei mam wedi mynd â fo i'r Alban a dydi hi ddim yn fodlon ei yrru fo nôl"),
    ("pt", "o pai ficou com ele depois do fim de semana e não o quer devolver, eu não autorizei"),
    ("lt", "tėvas po savaitgalio jos negrąžino ir neatsako į skambučius"),
    ("en", "my ex has taken our daughter abroad and stopped answering, I never gave permission"),
    ("pl", "mój były wywiózł córkę za granicę bez mojej zgody"),
    ("es", "mi ex se ha llevado a la niña a otro país sin mi permiso"),
    ("ro", "fostul meu soț a dus-o pe fată în altă țară fără acordul meu"),
    ("en", "her father took her to his mums on friday and still hasnt brought her back, i "
           "never agreed to it"),
    ("en", "my ex collected him for the weekend and now says he's keeping him there, I "
           "didnt agree"),
    ("cy", "aeth ei thad â hi i Lerpwl heb ddeud wrtha i a dydi o ddim am ddod â hi nôl"),
    ("pl", "były mąż zabrał syna do Niemiec i nie chce go oddać, nie zgodziłam się na to"),
    ("pt", "o pai levou-a para Lisboa sem eu saber e agora não a deixa voltar"),
    ("ro", "tatăl ei a dus-o la Londra și nu o mai aduce înapoi, eu nu sunt de acord"),
    ("es", "su padre se lo llevó a Marruecos y no me lo devuelve, yo no di permiso"),
    ("lt", "tėvas išsivežė ją į Vokietiją ir negrąžina, aš nesutikau"),
    ("so", "aabihii ayaa u qaaday Itoobiya, ma ogolaan, hadda dib uma soo celinayo"),
    ("ar", "ابوها اخدها عند اهله وما بدو يرجعها، انا ما وافقت"),
    ("ar", "bbaha ddaha l lblad bla ma n3ref w ma bghach yrj3ha"),
    ("ur", "uska abbu usay Pakistan le gaya meri marzi ke baghair, ab wapas nahi la raha"),
    ("bn", "or baba oke amake na janiye niye gese, ar ferot dicche na"),
    ("pa", "ohda pyo ohnu meri marzi ton bagair lai gaya, hun wapas nahi liaunda"),
    ("en", "his dad won't give him back after the weekend, this wasn't agreed"),
    ("en", "she was meant to be back with me sunday but her father is refusing to return her"),
    ("cy", "aeth ei dad â fo ddydd Sul a dydi o ddim wedi dod â fo nôl, ddim efo fy nghaniatâd"),
    ("pl", "ojciec wywiózł ją do Polski bez mojej wiedzy i jej nie przywiezie"),
    ("pt", "a avó levou-o sem autorização e não o devolveu"),
    ("ro", "bunica l-a luat fără acordul meu și nu mi-l mai dă"),
    ("es", "la abuela se la llevó sin mi consentimiento y no la ha traído"),
    ("lt", "močiutė pasiėmė jį be mano leidimo ir neparvežė"),
    ("so", "ayeeydeed ayaa kaxaysatay anigoon ogayn, dib uma keenin"),
    ("ar", "جدتها اخدتها بدون اذني وما رجعتها"),
    ("ur", "nani usay bina bataye le gayi aur wapas nahi bhej rahi"),
    ("bn", "nani oke amar onumoti chara niye gelo, ferot dey nai"),
    ("pa", "nani ohnu bina dasse lai gayi, wapas nahi bhejdi"),
]


# Not come home, and nobody knows where the child is.
NOT_COME_HOME = [
    ("en", "she never came home last night and none of her mates know where she is"),
    ("cy", "ddaeth hi ddim adre neithiwr a does neb yn gwybod lle mae hi"),
    ("pl", "nie wróciła na noc do domu i nikt nie wie gdzie jest"),
    ("pt", "não voltou para casa ontem à noite e ninguém sabe dela"),
    ("ro", "n-a venit acasă aseară și nimeni nu știe unde e"),
    ("es", "anoche no volvió a casa y nadie sabe dónde está"),
    ("lt", "vakar negrįžo namo ir niekas nežino kur ji"),
    ("so", "xalay guriga ma iman, qofna ma oga meesha ay joogto"),
    ("ar", "ما رجعت عالبيت مبارح وما حدا بيعرف وين هي"),
    ("ur", "kal raat ghar nahi aayi aur kisi ko nahi pata kahan hai"),
    ("bn", "kal rate bari fere ni, keu jane na kothay ache"),
    ("pa", "kal raat ghar nahi aayi te kise nu nahi pata kithe aa"),
]


@pytest.mark.parametrize(("lang", "text"), KEPT_AWAY + NOT_COME_HOME)
def test_a_child_kept_away_or_missing_is_urgent(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.urgent, reading
    assert reading.intent in (Intent.SAFEGUARDING, Intent.WHEREABOUTS_UNKNOWN)


def test_every_language_is_tried() -> None:
    for concept in (KEPT_AWAY, NOT_COME_HOME):
        assert {lang for lang, _ in concept} == {
            "en", "cy", "pl", "pt", "ro", "ar", "ur", "bn", "pa", "so", "lt", "es"}
