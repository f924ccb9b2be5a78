"""A child kept by a parent or relative (issue 14, round 10's concept): taken and not given
back ("no me lo devolvió", "aanu soo celinayn"), or to be taken abroad and never seen again,
beside the sender's objection or custody ("yo tengo la tenencia", "anigu ma oggolaan") is an
abduction, urgent safeguarding. A trip abroad with a day back, or a thing not given back
(a library book), is no alarm. "devolvió" (threw up) must not read as illness when it is
"no me lo devolvió".
"""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

KEPT = [
    ("es", "Su papá se lo llevó el sábado y no me lo devolvió, yo tengo la custodia"),
    ("es", "la abuela se la llevó y no me la devolvio, dice que no la voy a ver mas"),
    ("es", "Su padre se lo llevó y dice que no lo voy a ver más. No lo autoricé"),
    ("es", "El papá de Mateo no me lo regresó el domingo, y yo tengo la tenencia"),
    ("so", "Hooyadeed ayaa kaxaysatay oo aanay soo celinayn, anigu ma oggolaan"),
    ("so", "Aabihiis ayaa kaxaystay Jimcihii, ma oggolaan oo aanu soo celinayn"),
    ("so", "Adeerkeed ayaa kaxaystay, hadda wuxuu leeyahay aanu soo celin doonin. Ma oggolaan"),
    ("en", "His dad took him on Sunday and didn't give him back, I have custody"),
    ("en", "Dad picked him up Friday and hasn't returned him, says I'll never see him again"),
    ("cy", "Aeth ei dad â fe ddydd Sul a dyw e ddim wedi'i roi e nôl. Fi sy â'r gofal"),
    ("pt", "O pai levou-o no domingo e não mo devolveu, eu tenho a guarda"),
    ("pt", "o pai dela levou ela e nao devolveu, disse que nunca mais vou ver ela"),
    ("ro", "Tatăl lui l-a luat duminică și nu mi l-a mai dat înapoi, eu am custodia"),
    ("ro", "tatal ei a luat-o si nu mi-a mai adus-o, zice ca n-o sa o mai vad niciodata"),
    ("ar", "أبوه أخذه يوم الأحد وما رجعه لي، وأنا عندي الحضانة"),
    ("ar", "abouha a5adha w ma rajja3ha, w by2ool mish rah tshoofha ba3d"),
    ("ur", "Uske abbu usay Itwar ko le gaye aur wapas nahi diya, custody mere paas hai"),
    ("ur", "اس کے ابو اسے لے گئے اور واپس نہیں کیا، کہتے ہیں اب تم اسے کبھی نہیں دیکھو گی"),
    ("pa", "ohde papa ohnu aitvar nu lai gaye te wapas nahi kita, custody mere kol hai"),
    ("pa", "ਉਹਦੇ ਪਾਪਾ ਉਹਨੂੰ ਲੈ ਗਏ ਤੇ ਵਾਪਸ ਨਹੀਂ ਕੀਤਾ, ਕਹਿੰਦੇ ਤੂੰ ਉਹਨੂੰ ਫੇਰ ਨਹੀਂ ਵੇਖਣਾ"),
    ("pt", "O pai ficou com ele e não devolveu, eu não autorizei"),
    ("pl", "Ojciec zabrał go i nie oddał, nie zgodziłam się"),
    ("pl", "Ojciec zabrał go w niedzielę i mi go nie oddał, mam prawo do opieki"),
    ("bn", "or baba robibar oke niye gese ar ferot dey nai, kustodi amar kache"),
    ("lt", "tevas ja pasieme ir negrazino, sako kad jos daugiau nematysiu"),
]

ORDINARY = [
    ("en", "Her dad's taking her to Poland for her grandad's funeral, back Thursday"),
    ("cy", "Mae ei dad yn mynd â fe i Sbaen am wythnos, yn ôl dydd Llun"),
    ("pl", "Nie oddał książki do biblioteki, przepraszam"),
    ("pt", "Ele não devolveu o livro da biblioteca, desculpe"),
    ("ro", "Nu a dat înapoi cartea de la bibliotecă"),
    ("es", "Su papá se lo lleva a Argentina para los 80 de su abuela, vuelve el lunes"),
    ("es", "No me devolvió el libro de la biblioteca, lo siento, lo traerá mañana"),
    ("es", "Anoche devolvió dos veces y tiene fiebre, hoy se queda en casa"),
    ("so", "Aabihiis ayaa u kaxaynaya Kenya aroos, wuxuu soo laaban doonaa Isniinta"),
    ("en", "His dad is taking him to Argentina for his grandmother's 80th, back Monday"),
    ("en", "He didn't give back his library book, sorry, he'll bring it tomorrow"),
]


@pytest.mark.parametrize(("lang", "text"), KEPT)
def test_a_child_kept_from_the_sender_is_urgent(lang: str, text: str) -> None:
    found = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert found.urgent
    assert found.intent is Intent.SAFEGUARDING


@pytest.mark.parametrize(("lang", "text"), ORDINARY)
def test_a_trip_or_a_thing_not_given_back_is_no_alarm(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent
