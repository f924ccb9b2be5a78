"""A wish not to exist told without a word of dying (never to have been born, a burden, nobody
would notice or miss the child, goodbye letters, looking up how many tablets) is safeguarding.
(Issue 14: urgent recall by concept, in wordings written fresh for these tests.)"""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

# Wanting not to exist or never to have been born, a burden, nobody would miss them, goodbye
# letters, overdose research.
DESPAIR = [
    ("en", "she's been saying she wishes she'd never been born"),
    ("cy", "mae'n deud bod hi'n difaru cael ei geni"),
    ("pl", "mówi że żałuje że się urodziła"),
    ("pt", "ela diz que preferia nunca ter nascido"),
    ("ro", "zice că ar fi vrut să nu se fi născut"),
    ("es", "dice que ojalá no hubiera nacido"),
    ("lt", "sako kad geriau būtų negimusi"),
    ("ar", "بتقول يا ريتها ما انولدت"),
    ("ur", "kehti hai kaash main paida hi na hoti"),
    ("bn", "bole ami keno jonmechi, na jonmalei bhalo chilo"),
    ("pa", "kehndi kaash main jammi hi na hundi"),
    ("so", "waxay tiri waxaan jeclaan lahaa inaan dhalan waayo"),
    ("en", "he said he just wants to go to sleep and not have to deal with any of it ever again"),
    ("en", "she asked me what happens to people's stuff when they die and said we'd be "
           "fine without her"),
    ("cy", "mae o'n deud bod o'n faich ar bawb"),
    ("pl", "mówi że jest dla wszystkich ciężarem"),
    ("pt", "diz que é um fardo para todos"),
    ("ro", "spune că e o povară pentru toți"),
    ("es", "dice que es una carga para todos y que nadie la quiere"),
    ("lt", "sako kad yra visiems našta"),
    ("so", "waxay leedahay culays ayaan ku ahay qof walba"),
    ("ar", "بتقول انها عبء على الكل"),
    ("ur", "kehti hai main sab pe bojh hoon"),
    ("bn", "bole ami shobar kache bojha"),
    ("pa", "kehndi main sab te bojh haan"),
    ("en", "she told me last night she cant see any point in living and she'd be better off dead"),
    ("en", "found a note in his room saying sorry to everyone, he's been looking up "
           "overdose online"),
    ("en", "he keeps saying no one would care if he just wasnt here"),
    ("cy", "mae hi'n deud fod dim pwynt byw a bod pawb yn well hebddi"),
    ("cy", "ffeindies i nodyn ffarwel yn ei stafell neithiwr"),
    ("pl", "powiedziała że nikt by nawet nie zauważył gdyby jej nie było"),
    ("pl", "znalazłam w jego pokoju list pożegnalny, boję się"),
    ("pt", "ela diz que está farta de viver e que ninguém ia dar pela falta dela"),
    ("pt", "encontrei no telemóvel dele pesquisas sobre quantos comprimidos são perigosos"),
    ("ro", "zice că nu mai vrea să trăiască și că nimănui nu-i pasă de ea"),
    ("ro", "am găsit un bilet de adio în ghiozdanul lui"),
    ("es", "dice que nadie la echaría de menos y que está cansada de vivir"),
    ("es", "encontré en su móvil que buscaba cuántas pastillas hacen falta"),
    ("lt", "sako kad niekas jos nepasigestų ir kad nenori gyventi"),
    ("lt", "radau jo kambaryje atsisveikinimo laišką"),
    ("so", "wuxuu leeyahay qofna ma dareemi doono haddii aanan joogin"),
    ("so", "waxaan helay warqad macsalaameyn ah oo qolkiisa ku jirta"),
    ("ar", "قالت انه ما حدا رح يلاحظ اذا اختفت وانها تعبت من الحياة"),
    ("ar", "lqit f telephone dyalha katqelleb ch7al mn 7abba katqtel, hiya 3yat mn l7ayat"),
    ("ur", "kehti hai koi yaad nahi karega agar main na rahoon"),
    ("ur", "وہ کہتی ہے کہ زندگی سے تنگ آ گئی ہوں، میرے بغیر سب بہتر ہوں گے"),
    ("bn", "o bole keu miss korbe na, ar beche thakte chay na"),
    ("bn", "ওর ঘরে বিদায়ের চিঠি পেয়েছি, খুব ভয় লাগছে"),
    ("pa", "kehndi aa koi yaad nahi karega, jeena nahi chahundi"),
    ("pa", "ਉਹ ਕਹਿੰਦੀ ਹੈ ਜ਼ਿੰਦਗੀ ਤੋਂ ਤੰਗ ਆ ਗਈ ਹਾਂ"),
    ("en", "she said everyone would be happier if she was gone"),
    ("en", "he's been giving all his stuff away and wrote letters to his mates saying goodbye"),
    ("en", "she messaged me saying she just wants it all to stop and she can't do this anymore"),
    ("en", "found him googling what dose of paracetamol kills you"),
    ("cy", "mae hi'n deud bysa pawb yn hapusach hebddi"),
    ("cy", "dwi di cael llond bol, sa neb yn sylwi taswn i ddim yma"),
    ("pl", "mówi że wszystkim byłoby lepiej bez niej i że nie ma siły dalej żyć"),
    ("pl", "sprawdzał w internecie ile tabletek trzeba wziąć"),
    ("pt", "ele disse que já não aguenta mais e que era melhor para todos se desaparecesse"),
    ("pt", "escreveu cartas de despedida aos amigos ontem à noite"),
    ("ro", "mi-a zis că s-a săturat de tot și că nimeni n-ar observa dacă ar dispărea"),
    ("ro", "a căutat pe telefon câte pastile sunt periculoase"),
    ("es", "me dijo que ya no puede más, que estaríamos todos mejor sin ella"),
    ("es", "escribió cartas de despedida a sus amigas"),
    ("lt", "sakė kad visiems būtų geriau be jos, viskas per daug"),
    ("lt", "ieškojo internete kiek tablečių reikia išgerti"),
    ("so", "waxay tiri cidna i xiisi mayso, waan ka daalay wax walba"),
    ("ar", "قال انه الكل رح يكون احسن بدونه وما عاد بدو يعيش"),
    ("ar", "gal lia 7ta wa7d ma ghadi y7ess biya ila mchit"),
    ("ur", "kehta hai sab ke liye behtar hoga agar main mar jaun"),
    ("ur", "usne google pe search kiya kitni goliyan khane se insan mar jata hai"),
    ("bn", "o bolse ami na thakle shobar jonno bhalo hobe"),
    ("pa", "kehnda je main na hovan taan sab lai changa hai"),
]


@pytest.mark.parametrize(("lang", "text"), DESPAIR)
def test_a_wish_not_to_exist_is_safeguarding_however_it_is_worded(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (True, Intent.SAFEGUARDING), reading


def test_every_language_is_tried() -> None:
    assert {lang for lang, _ in DESPAIR} == {
        "en", "cy", "pl", "pt", "ro", "ar", "ur", "bn", "pa", "so", "lt", "es"}
