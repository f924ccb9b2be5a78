"""A relative who finds the children without food for days, their mother not home since
Friday and the little ones alone in the house tells neglect: urgent safeguarding in every
language, not a missing mother or a disputed school run (issue 14). Each is a `neglect` sign
(locales/<lang>/concepts/neglect.toml); two together are a disclosure (conversations/safety.py).

Look-alikes that must stay ordinary: a sick child at home alone while the parent works, a child
who has not eaten since yesterday because she is vomiting, a mother who went to the hospital
with her. The replies are written for these tests, not copied from the labelled rounds."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

TOLD = {
    "en": ["Nan here. She didn't go to school cos she hasn't had food for days, her mum hasn't"
           " been home since Friday and the little ones are on their own in the house"],
    "cy": ["Nain sy ma. Aeth hi ddim i'r ysgol achos dio ddim wedi cael bwyd ers dyddia, mae ei"
           " mam hi heb fod adra ers dydd Gwener a'r plant bach ar ben eu hunain yn y ty"],
    "pl": ["Tu babcia. Nie poszła do szkoły bo od kilku dni nie jadła, jej mama nie wraca do"
           " domu od piątku a maluchy są same w domu"],
    "pt": ["É a avó. Ela não foi à escola porque não come há dias, a mãe não vem a casa desde"
           " sexta e os pequenos estão sozinhos em casa"],
    "ro": ["Sunt bunica. N-a mers la școală că n-a mâncat de zile întregi, mama ei nu a mai"
           " venit acasă de vineri și cei mici sunt singuri în casă"],
    "ar": ["انا جدتها. ما راحت عالمدرسة لانها ما اكلت من ايام، امها ما رجعت عالبيت من يوم"
           " الجمعة والصغار لحالهم بالبيت"],
    "ur": ["main nani hoon. wo school nahi gayi kyunke kai din se khana nahi khaya, uski ammi"
           " jumme se ghar nahi aayi aur chote bache ghar mein akele hain"],
    "bn": ["ami nani. o school e jay ni karon koyek din dhore khay ni, or ma shukrobar theke"
           " bari ashe ni ar chotora bari te eka"],
    "pa": ["main nani haan. oh school nahi gayi kyonki kinne dina ton roti nahi khaadi, ohdi"
           " mummy shukarvar ton ghar nahi aayi te chote bache ghar kalle ne"],
    "so": ["waa ayeeyadeed. dugsiga ma aadin maxaa yeelay maalmo cunto ma cunin, hooyadeed"
           " Jimcihii ka dib guriga ma imaan, caruurta yaryarna guriga keligood ayay joogaan"],
    "lt": ["čia močiutė. Ji nėjo į mokyklą, nes kelias dienas nevalgė, jos mama nuo"
           " penktadienio negrįžo namo, o mažieji vieni namuose"],
    "es": ["Soy la abuela. No fue al colegio porque lleva días sin comer, su madre no ha vuelto"
           " a casa desde el viernes y los pequeños están solos en casa"],
}

ORDINARY = {
    "en": ["she's on her own in the house today with the flu, I'm at work but ringing her"],
    "cy": ["mae hi ar ei phen ei hun yn y ty heddiw efo'r ffliw, dwi'n gweithio",
           "dydi hi ddim wedi cael bwyd ers ddoe achos mae hi'n chwydu"],
    "pl": ["od wczoraj nic nie jadła bo wymiotuje"],
    "pt": ["não come nada desde ontem porque está a vomitar"],
    "ro": ["nu a mâncat nimic de ieri, vomită", "e singură acasă azi cu gripă, eu sunt la muncă"],
    "ar": ["ما اكلت شي من مبارح لانها عم تستفرغ"],
    "ur": ["kal se kuch nahi khaya, ulti ho rahi hai"],
    "bn": ["kal theke kichu khay ni, bomi korche"],
    "pa": ["kal ton kuch nahi khaadi, ulti aa rahi"],
    "so": ["shalay wax ma cunin, way matagaysaa"],
    "lt": ["nuo vakar nieko nevalgė, vemia"],
    "es": ["su madre la llevó a urgencias, lleva dos días sin comer por el virus",
           "está sola en casa con fiebre, yo estoy trabajando pero la llamo"],
}


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in TOLD.items() for t in ts])
def test_no_food_no_parent_and_children_alone_is_safeguarding(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (True, Intent.SAFEGUARDING), reading


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in ORDINARY.items() for t in ts])
def test_a_sick_child_home_alone_or_not_eating_is_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_every_language_has_its_cases() -> None:
    assert set(TOLD) == set(ORDINARY) == set(LEXICONS.languages)
