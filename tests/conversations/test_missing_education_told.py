"""A child taken or sent away with no school to go to (children missing education) is urgent
safeguarding in every language (locales/<lang>/concepts/missing_education.toml; the `sent_away`
and `no_return` roles in conversations/safety.py).

Taken abroad and not coming back, sent to live with relatives in another country, gone out of
the country with one parent and no day back, taken out "to teach her at home" with the address
refused, or "don't send any more texts, she won't be back": nobody will be teaching the child.
The replies are written for these tests, not copied from the labelled rounds.

Look-alikes that must not be urgent: a move told with its new school ("moving to Leeds, new
school from Monday" is moved_away), a trip abroad with its day back, a "won't be back" that
names the day back or the dentist, a child sent to the doctor or to play outside."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

SENT_AWAY = {
    "en": [
        "she's been taken abroad and she is not coming back",
        "we have sent him to live with relatives in Pakistan, he won't be back",
        "we're taking her out to teach her at home, we won't be giving you an address",
        "she left the country with her dad last week, I have no idea when she'll be back",
        "don't send any more texts, she won't be back",
        "he has gone to live with his uncle in Somalia for good",
        "they have sent her back home to live with her grandparents, she won't be back",
        "stop messaging, he's not coming back to your school or any school here",
        "her dad has taken her to Morocco and says she's staying there now, no school sorted",
        "we're home schooling him from now on, I'd rather not say where we're living",
        "he's gone back to Nigeria to live with his grandma, he won't be returning",
        "you won't be seeing her again, please remove her and stop contacting us",
        "she's been sent back home to be with family, not coming back to England",
        ("she flew out to Bangladesh with her aunt last month and she's staying, I don't have a "
         "school for her there"),
        "my parents are sending me back home and I don't think I'm coming back, please help",
        "we're taking her out to teach her at home, we won't be giving an address",
    ],
    "cy": [
        "mae hi wedi cael ei chymryd dramor a dydy hi ddim yn dod yn ôl",
        "peidiwch anfon mwy o negeseuon, fydd hi ddim yn ôl",
        "mae o wedi mynd i fyw efo perthnasau dramor am byth",
        "mae ei thad wedi mynd a hi dramor a fydd hi ddim yn ôl",
        "mae o wedi mynd i fyw efo perthnasau, fydd o ddim yn ôl",
        "mae hi wedi hedfan allan efo ei modryb a fydd hi ddim yn ôl",
        "rydan ni'n ei thynnu hi allan i'w dysgu adra, dydan ni ddim yn rhoi cyfeiriad",
    ],
    "pl": [
        "zabrali ją za granicę i już nie wróci",
        "nie piszcie więcej, ona już nie wróci",
        "wysłaliśmy go do rodziny na Ukrainę, zostaje tam na stałe",
        "wyjechała z ojcem z kraju i nie wiem kiedy wróci",
        "ojciec zabrał ją za granicę i już nie wróci do szkoły",
        "mieszka teraz u rodziny za granicą na stałe",
        "poleciała z ciotką do Rumunii i już tam zostaje, nie wróci",
        "zabieramy ją ze szkoły, będziemy uczyć w domu, nie podamy adresu",
    ],
    "pt": [
        "ela foi levada para fora do país e não vai voltar",
        "não mandem mais mensagens, ela não volta",
        "mandámos ele viver com a família no Brasil, não volta mais",
        "saiu do país com o pai e não sei quando volta",
        "o pai levou-a para fora do país e ela já não volta",
        "foi viver com os familiares lá fora, não volta mais",
        "voou com a tia para Angola e fica lá, não volta",
        "vamos tirá-la da escola para ensinar em casa, não vamos dar a morada",
    ],
    "ro": [
        "a fost dusă în străinătate și nu se mai întoarce",
        "nu mai trimiteți mesaje, nu se mai întoarce",
        "l-am trimis să stea la rude în România, rămâne acolo de tot",
        "a plecat din țară cu tatăl ei și nu știu când se întoarce",
        "tatăl a dus-o în străinătate și nu se mai întoarce la școală",
        "a plecat să stea la rude, rămâne acolo definitiv",
        "a zburat cu mătușa în Italia și rămâne acolo, nu se mai întoarce",
        "o retragem de la școală s-o învățăm acasă, nu vă dăm adresa",
    ],
    "ar": [
        "اخدوها برا البلد ومش راجعة",
        "ما تبعتوا رسايل تاني، مش هترجع",
        "بعتناه يعيش عند أهله في سوريا، مش راجع",
        "سافرت مع أبوها برا البلد وما بعرف إيمتى راجعة",
        "ma teb3atu rasayel tani, mesh hatirga3",
        "ابوها اخدها برا ومش هترجع المدرسة",
        "راح يعيش عند اقاربه ومش راجع",
        "سافرت مع خالتها ومش راجعة",
        "هنطلعها من المدرسة ونعلمها في البيت، مش هنديكم العنوان",
        "a5adouha 3al balad w mesh rag3a",
    ],
    "ur": [
        "usay bahar mulk le gaye hain aur woh wapas nahi aayegi",
        "mazeed message na bhejein, woh wapas nahi aayegi",
        "humne usay pakistan rishtedaron ke paas rehne bhej diya hai, wapas nahi aayega",
        "وہ اپنے ابو کے ساتھ ملک سے باہر چلی گئی، پتا نہیں کب آئے گی",
        "abbu usay bahar mulk le gaye hain, ab wapas nahi aayegi",
        "usay rishtedaron ke paas rehne bhej diya, hamesha ke liye",
        "woh khala ke sath bangladesh chali gayi aur wapas nahi aayegi",
        "usay school se nikal ke ghar pe parhayenge, address nahi denge",
        "abbu usay pakistan le gaye, wapas nahi aayegi",
    ],
    "bn": [
        "oke bidesh e niye geche, r fire ashbe na",
        "ar message pathaben na, o ar ashbe na",
        "oke deshe attiyoder kache thakte pathiyechi, ar fire ashbe na",
        "ওকে বিদেশে নিয়ে গেছে, আর ফিরে আসবে না",
        "baba oke bidesh e niye geche, ar fire ashbe na",
        "oke attiyoder kache thakte pathiyechi chirodiner jonno",
        "o khalar sathe deshe chole geche, ar fire ashbe na",
        "oke school theke chhariye bari te porabo, thikana debo na",
        "baba oke bidesh e niye geche, r fire ashbe na",
    ],
    "pa": [
        "ohnu bahar de mulk lai gaye ne, oh vapas nahi aauni",
        "hor message na bhejo, oh vapas nahi aauga",
        "asi ohnu india rishtedaran kol rehan bhej ditta, vapas nahi aauga",
        "ਉਹਨੂੰ ਬਾਹਰ ਦੇ ਮੁਲਕ ਲੈ ਗਏ ਨੇ, ਵਾਪਸ ਨਹੀਂ ਆਉਣੀ",
        "papa ohnu bahar de mulk lai gaye ne, vapas nahi aauni",
        "ohnu rishtedaran kol rehan bhej ditta hamesha layi",
        "oh masi naal india chali gayi te vapas nahi aauni",
        "ohnu school ton kadh ke ghar parhavange, address nahi deyange",
        "papa ohnu india lai gaye, vapas nahi aauni",
    ],
    "so": [
        "dibadda ayaa loo qaaday, dib uma soo laabanayso",
        "fariimo kale ha soo dirina, dib uma soo noqon doonto",
        "waxaan u dirnay inuu la noolaado qaraabada Soomaaliya, soo noqon maayo",
        "aabaheed ayay la baxday dalka, ma garanayo goorta ay soo noqonayso",
        "aabaheed ayaa dibadda loo qaaday, dib uma soo laabanayso",
        "waxaan u dirnay inay la noolaato qaraabada, weligeed",
        "habarteed ayay la raacday Kenya, dib uma soo laabanayso",
        "iskuulka waan ka saaraynaa oo guriga ayaan wax ku barayaa, ciwaanka ma bixinayno",
    ],
    "lt": [
        "ją išvežė į užsienį ir ji nebegrįš",
        "daugiau nerašykite, ji nebegrįš",
        "išsiuntėm jį gyventi pas gimines į Ukrainą, negrįš",
        "išvyko iš šalies su tėvu, nežinau kada grįš",
        "tėvas ją išvežė į užsienį, nebegrįš",
        "išsiuntėm jį gyventi pas gimines visam laikui",
        "išskrido su teta į Lenkiją ir ten lieka, negrįš",
        "išimam ją iš mokyklos ir mokysim namie, adreso neduosim",
    ],
    "es": [
        "se la llevaron fuera del país y no va a volver",
        "no manden más mensajes, no va a volver",
        "lo mandamos a vivir con la familia en Marruecos, no vuelve",
        "se fue del país con su padre y no sé cuándo vuelve",
        "su padre se la llevó fuera del país y no va a volver",
        "se fue a vivir con familiares allá, no vuelve",
        "se fue en avión con su tía a Colombia y se queda allá, no vuelve",
        "la sacamos del colegio para enseñarle en casa, no vamos a dar la dirección",
    ],
}

NOT_URGENT = {
    "en": [
        "moving to Leeds, new school from Monday",
        "we've moved to Manchester, she starts at St Mary's next week",
        "she's in Pakistan for two weeks for a wedding, back on the 20th",
        "he won't be back till Monday, he has flu",
        "stop texting me, she won't be back till Monday, she has flu",
        "he won't be back for a week, he is in Spain with his dad",
        "she has gone to the dentist and won't be back today",
        "we're off to Morocco to see her grandma, back on the 14th",
        "we have moved to Bristol, he starts at Oakfield Primary on Monday",
        "she's staying with her grandma for good now, she's moved schools to St Anne's",
        "she flew out to Spain with her aunt for a week, back Monday",
        "we've decided to home educate him from Monday, the EHE form is attached with our address",
    ],
    "cy": [
        "rydan ni'n symud i Gaerdydd, ysgol newydd o ddydd Llun",
    ],
    "pl": [
        "przeprowadzamy się do Leeds, nowa szkoła od poniedziałku",
        "wysłaliśmy ją do lekarza, nie będzie jej dzisiaj",
        "poleciała z ciotką do Rumunii, nie wróci przed poniedziałkiem",
        "poleciała z ciotką do Rumunii i zostaje tam do niedzieli",
    ],
    "pt": [
        "mudamos para Leeds, escola nova a partir de segunda",
        "voou com a tia para Angola e fica lá até domingo",
    ],
    "ro": [
        "ne mutăm în Leeds, școală nouă de luni",
        "l-am trimis la bunica, azi nu vine că are febră",
        "l-am trimis să stea la bunica până se face bine de tot",
        "a zburat cu mătușa în Italia și rămâne acolo până duminică",
    ],
    "ar": [
        "انتقلنا لليدز، مدرسة جديدة من الاثنين",
        "هي برا البلد في إجازة ومش راجعة لبعد العيد",
        "سافرت مع خالتها ومش راجعة لبعد العيد",
    ],
    "ur": [
        "hum leeds shift ho rahe hain, somwar se naya school",
        "woh abhi nani ke ghar hai, aaj wapas nahi aayegi, bukhar hai",
        "hum usay pakistan le gaye the chutti mein, agle hafte tak wapas nahi aayegi",
    ],
    "bn": [
        "amra leeds e chole jacchi, shombar theke notun school",
    ],
    "pa": [
        "asi leeds shift ho rahe haan, somvar ton nava school",
        "ohnu bahar lai gaye khedan, ajj bukhar aa",
        "asi ohnu india lai gaye si viah te, agle hafte tak vapas nahi aauni",
    ],
    "so": [
        "waxaan u guurnay Leeds, iskuul cusub isniinta",
        "waxaan u dirnay dhakhtarka, maanta soo noqon mayso",
    ],
    "lt": [
        "persikraustom į Lidsą, nauja mokykla nuo pirmadienio",
        "išskrido su teta į Lenkiją ir ten lieka iki sekmadienio",
    ],
    "es": [
        "nos mudamos a Leeds, colegio nuevo desde el lunes",
        "se fue con su tía a Colombia una semana, vuelve el lunes",
        "se fue con su tía a Colombia, no vuelve hasta el lunes",
        "se fue con su tía a Colombia y se queda allí hasta el domingo",
    ],
}


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in SENT_AWAY.items() for t in ts])
def test_a_child_sent_away_with_no_school_is_urgent_safeguarding(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.urgent and reading.intent is Intent.SAFEGUARDING


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in NOT_URGENT.items() for t in ts])
def test_a_move_with_its_school_or_a_day_back_is_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_a_move_with_its_new_school_is_moved_away() -> None:
    reading = classify("moving to Leeds, new school from Monday", lexicons=LEXICONS,
                       language_hint="en")
    assert reading.intent is Intent.MOVED_AWAY


def test_every_language_has_its_cases() -> None:
    assert set(SENT_AWAY) == set(NOT_URGENT) == set(LEXICONS.languages)
    assert all(len(texts) >= 2 for texts in SENT_AWAY.values())
