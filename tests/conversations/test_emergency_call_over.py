"""A call to the emergency services for an illness that is over ("had to ring 999 for her
asthma, she's ok now") is that illness: a clear reason that confirms, not an urgent reply. The
call alone ("999 last night", "we had to call 999"), the call with no illness told, a recovery
negated, or any other urgent word beside it (the police came, someone hit the child) stays
urgent: only the call is set aside, and only beside an illness and the child recovered. Beside
something swallowed (pills, tablets) it stays urgent: an overdose or a poisoning is for a person.

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.types import Intent, ReasonStatus
from tests.conversations.helpers import amy_replies

OVER = [
    ("en", "had to ring 999 for Amy last night, her asthma was really bad, she's ok now but "
     "resting at home"),
    ("en", "we called 999 at 2am, Amy had a febrile fit with a high temperature, all fine now"),
    ("cy", "Bu rhaid ffonio 999 neithiwr, roedd gan Amy wres uchel iawn, mae hi'n iawn rwan ond "
     "adre heddiw"),
    ("pl", "W nocy dzwoniliśmy na 999, Amy miała atak astmy, już dobrze, ale zostaje w domu"),
    ("pt", "Ligámos para o 999 ontem à noite, a Amy teve uma crise de asma, já está bem mas fica "
     "em casa"),
    ("es", "Anoche llamamos al 999 porque Amy tenía fiebre muy alta, ya está bien pero hoy se "
     "queda en casa"),
    ("ro", "Azi noapte am sunat la 999, Amy avea febră foarte mare, acum e bine dar rămâne "
     "acasă"),
    ("ro", "am sunat la 999 aseara, Amy avea febra mare, acum e bine dar ramane acasa"),
    ("ar", "اتصلنا على 999 بالليل لان ايمي كان عندها حرارة عالية، هلق احسن بس رح تضل بالبيت"),
    ("ar", "ettasalna 3ala 999 bel leil, Amy kan 3andha s5ana 3alye, hala2 a7san bas bteb2a "
     "bel bet"),
    ("ur", "raat ko 999 pe call karni pari, Amy ko bohat tez bukhar tha, ab theek hai, aaj ghar "
     "pe aaram"),
    ("ur", "رات کو 999 پر فون کرنا پڑا، ایمی کو تیز بخار تھا، اب ٹھیک ہے، آج گھر پر آرام"),
    ("bn", "kal raate 999 e phone korte hoyechilo, Amy r onek jor chilo, ekhon bhalo, aj basay"),
    ("bn", "গতকাল রাতে 999 এ ফোন করতে হয়েছিল, এমির খুব জ্বর ছিল, এখন ভালো, আজ বাসায়"),
    ("pa", "kal raat 999 nu phone karna pya, Amy nu bahut tez bukhar si, hun theek aa par "
     "ajj ghar"),
    ("so", "Xalay 999 ayaan wacnay, Amy qandho aad u daran ayay qabtay, hadda way fiican "
     "tahay, maanta guriga"),
    ("lt", "Naktį skambinome 999, Amy buvo labai aukšta temperatūra, dabar gerai, bet liks "
     "namie"),
    ("lt", "nakti skambinom 999, Amy buvo labai auksta temperatura, jau geriau bet liks namie"),
]


@pytest.mark.parametrize(("lang", "text"), OVER)
def test_an_emergency_call_for_an_illness_now_over_is_the_illness(lang: str,
                                                                   text: str) -> None:
    assert amy_replies(lang, text) == (Intent.ILLNESS, False, [ReasonStatus.CONFIRMED])


STILL_URGENT = [
    ("en", "999 last night"),
    ("en", "we had to call 999"),
    ("en", "we rang 999 last night, she's fine now"),  # no illness told
    ("en", "we rang 999 for her asthma last night and she's still not better"),
    ("en", "police came last night, she had a cold but she's fine now"),
    ("en", "rang 999 because her dad hit her, she has a temperature but she's ok now"),
    ("cy", "Bu rhaid ffonio 999 neithiwr"),
    ("pl", "W nocy dzwoniliśmy na 999, przyjechała policja, już dobrze"),
    ("pt", "Ligámos para o 999 ontem à noite, veio a polícia, já está bem"),
    ("es", "Anoche llamamos al 999, vino la policía, ya está bien"),
    ("ro", "Azi noapte am sunat la 999"),
    ("ar", "اتصلنا على 999 بالليل"),
    ("ur", "raat ko 999 pe call karni pari, police aayi thi, ab theek hai"),
    ("bn", "kal raate 999 e phone korte hoyechilo"),
    ("pa", "raat nu 999 te phone karna pya"),
    ("so", "Xalay 999 ayaan wacnay"),
    ("lt", "Naktį skambinome 999, atvažiavo policija, dabar gerai"),
    # something swallowed: an overdose or a poisoning, whatever the outcome
    ("pl", "dzwoniliśmy na 999, połknęła tabletki, już dobrze"),
    ("ro", "am sunat la 999, a înghițit pastile, acum e bine"),
    ("cy", "ffonio 999, wedi llyncu tabledi, mae hi'n iawn rwan"),
    ("ar", "اتصلنا 999، بلعت حبوب، هلق احسن"),
    ("pt", "ligámos 999, ela engoliu comprimidos, já está bem"),
    ("en", "999 last night, she swallowed some pills, fine now"),
]


@pytest.mark.parametrize(("lang", "text"), STILL_URGENT)
def test_the_call_alone_or_beside_harm_stays_urgent(lang: str, text: str) -> None:
    _, urgent, statuses = amy_replies(lang, text)
    assert urgent and ReasonStatus.CONFIRMED not in statuses
