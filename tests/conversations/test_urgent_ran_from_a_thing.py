"""Running away FROM a thing in a story is not running away from home (issue 14: no false
urgent).

"She ran away from a dog and fell" tells an accident: the verb of running away with a thing
it fled (a dog, a wasp, bees; Polish "przed", Welsh "rhag", Somali "ka ... eey") is read as
that, in every language (each lexicon's `defuse` phrases). Running away from home, or from a
dog and then not found, is still urgent. Every reply here is written for these tests."""

from __future__ import annotations

import pytest

from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

LANGUAGES = {"en", "cy", "pl", "pt", "ro", "ar", "ur", "bn", "pa", "so", "lt", "es"}

RAN_FROM_A_THING = [
    ("en", "she ran away from a dog on the way to school and fell, hurt her knee, she's at home"),
    ("en", "he ran away from a wasp at the park and tripped, sprained his ankle so resting today"),
    ("en", "she got scared and ran off from the neighbours dog, twisted her ankle"),
    ("en", "he ran away from the bees in the garden and cut his leg, at the GP now"),
    ("cy", "wedi rhedeg i ffwrdd o gi ar y ffordd adre a syrthio, mae hi adre heddiw"),
    ("cy", "rhedodd o i ffwrdd rhag cacwn a disgyn, mae ei ffêr o wedi chwyddo"),
    ("pl", "uciekała przed psem i się przewróciła, skręciła kostkę, zostaje w domu"),
    ("pl", "uciekl przed osa i upadl, boli go noga"),
    ("pt", "fugiu de um cão a caminho da escola e caiu, torceu o pé, fica em casa"),
    ("pt", "ele fugiu de uma vespa e caiu da bicicleta, está com o braço dorido"),
    ("ro", "a fugit de un câine și a căzut, și-a scrântit glezna, stă acasă"),
    ("ro", "a fugit de frica unei viespi si a cazut, are genunchiul umflat"),
    ("es", "se escapó de una avispa y se cayó, tiene la rodilla hinchada"),
    ("es", "huyó de un perro en el parque y se torció el tobillo, hoy se queda en casa"),
    ("lt", "pabėgo nuo šuns ir pargriuvo, susisuko koją, lieka namie"),
    ("lt", "pabego nuo vapsvos ir nukrito nuo dviracio, skauda ranka"),
    ("so", "wuxuu ka cararay eey, wuu dhacay, lugta ayaa xanuunaysa, guriga ayuu joogaa"),
    ("so", "eyga ayay ka carartay oo way dhacday, jilibka ayaa bararay"),
    ("ar", "هرب من كلب وهو رايح عالمدرسة ووقع، رجله بتوجعه، رح يضل بالبيت"),
    ("ar", "hrab mn kalb w w9a3, rjlo katdro, ghadi yb9a f dar"),
    ("ur", "kutte se bhaag gaya aur gir gaya, paon mein moch aa gayi, aaj ghar pe hai"),
    ("ur", "کتے سے ڈر کر بھاگ گیا اور گر گیا، آج گھر پر ہے"),
    ("bn", "kukur dekhe paliye gese, pore giye pa mochke gese, aj basay thakbe"),
    ("bn", "কুকুরের ভয়ে পালিয়ে গেছে, পড়ে গিয়ে পায়ে ব্যথা, আজ বাসায় থাকবে"),
    ("pa", "kutte ton bhaj gaya te digg gaya, pair mochya gaya, ajj ghar aa"),
    ("pa", "ਕੁੱਤੇ ਤੋਂ ਡਰ ਕੇ ਭੱਜ ਗਈ ਤੇ ਡਿੱਗ ਪਈ, ਅੱਜ ਘਰ ਆ"),
]

# Running away from home, or from a dog and then not found: still urgent.
RAN_AWAY = [
    ("en", "he ran away from home last night and we dont know where he is"),
    ("en", "she ran off from a dog at the park and now we can't find her anywhere"),
    ("en", "she's run off with the dog last night and isn't answering her phone"),
    ("cy", "mae o wedi rhedeg i ffwrdd o adre neithiwr"),
    ("cy", "mae hi wedi rhedeg i ffwrdd, ydych chi wedi ei gweld hi?"),
    ("es", "se escapó con el perro anoche y no contesta"),
    ("pl", "uciekła z domu w nocy i nie wiemy gdzie jest"),
    ("pt", "fugiu de casa ontem à noite"),
    ("ro", "a fugit de acasă aseară"),
    ("es", "se escapó de casa anoche"),
    ("lt", "pabėgo iš namų vakar vakare"),
    ("so", "gurigii ayuu ka cararay xalay"),
    ("ar", "هربت من البيت امبارح بالليل"),
    ("ur", "kal raat ghar se bhaag gayi"),
    ("bn", "kal rate bari theke paliye gese"),
    ("pa", "kal raat ghar ton bhaj gayi"),
]


@pytest.mark.parametrize(("lang", "text"), RAN_FROM_A_THING)
def test_running_from_a_thing_is_not_urgent(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert not reading.urgent, reading


@pytest.mark.parametrize(("lang", "text"), RAN_AWAY)
def test_running_away_from_home_stays_urgent(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_every_language_is_tried() -> None:
    for concept in (RAN_FROM_A_THING, RAN_AWAY):
        assert {lang for lang, _ in concept} == LANGUAGES
