"""Online harm told by a family is urgent safeguarding in every language (issue 14: urgent
recall on replies nobody tuned for; the words are in locales/<lang>/concepts/online_harm.toml).

Families tell who ("someone she met on a game", "a man on tiktok"), what he asks ("asking her
for photos", "wants her to send pictures"), the threat once images are sent ("he says he'll
send them to everyone"), images shared ("pictures of her going round the school") and contact
at night ("video calls at night with a stranger"). A person met online (`adult`) beside contact
(`contact`) is the `SIGNS` rule of conversations/safety.py; a platform's name alone is no sign.
The replies are written for these tests, not copied from the labelled rounds.

Look-alikes that must not be urgent: a game played all night, photos of a rash sent to the
doctor, a broken phone that cannot send messages, a video call with her nan."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

TOLD = {
    "en": [
        "boys in her class have made fake nude pictures of her with an app",
        "he was catfished by someone pretending to be a girl and now they want money",
        "someone sent him porn on whatsapp, he's 11",
        "she's been sent a dick pic by a lad from another school",
        "there's a man who sends her snap streaks every night and tells her she's mature for"
        " her age",
        "she got asked for feet pics by someone on tiktok who offered her money",
        "my son was made to do things on camera by a man who said he was a model scout",
        "she's being pressured to send videos by a lad in year 11",
        "she doesn't want her stepdad to bath her anymore and cries when he tries",
        "someone online is pretending to be a kid to talk to her",
        "he got a message saying send money or else everyone sees the video",
        "she's mortified, a video of her is on some group chat",
        "someone on snap has my pics and says he'll send them to everyone if I don't pay",
        "i sent a guy some photos and now hes threatening me",
        "my pictures are going round the whole year",
        "im scared he'll post my nudes",
        "he keeps sending her pics of his privates",
        "shes been sexting a man she met on roblox",
        "someone hacked his insta and is posting his private pics",
        "she was sending pictures to a man who said he was 16",
        "a man has been messaging him on playstation asking for pictures of his body",
        "someone took a screenshot of her nude and sent it to the year group",
        "she got a message saying pay £200 or your pictures go to your family",
        "a stranger was livestreaming with her in her bedroom at 2am",
        "she's addicted to chatting to some older guy on snap who buys her stuff",
        "she was tricked into sending a video by someone pretending to be a girl",
        "he was on omegle and a man showed him himself",
        "there's a video of her being attacked being shared on tiktok",
        "she's been groomed by someone on telegram",
        "she met someone on a game and he's been asking her for photos",
        "she sent photos and now he says he'll send them to everyone",
        "there are pictures of her going round the school",
        "she's been on video calls at night with a stranger",
        "a stranger on instagram keeps asking to meet her",
        "a man asked her to take her top off on facetime",
        "someone made a fake account of her and posted stuff",
    ],
    "cy": [
        "mae bechgyn wedi gwneud lluniau noeth ffug ohoni efo ap",
        "mae rhywun wedi anfon porn ato fo ar whatsapp",
        "mae dyn yn deud wrthi ei bod hi'n aeddfed i'w hoed ar snapchat",
        "mae hogyn ym mlwyddyn 11 yn rhoi pwysau arni i yrru fideos",
        "mae rhywun ar lein yn smalio bod yn blentyn i siarad efo hi",
        "mae rhywun ar snapchat efo fy lluniau ac yn bygwth eu rhannu",
        "mae hi wedi bod yn anfon lluniau at ddyn ar snapchat",
        "mae llun noeth ohoni wedi cael ei rannu efo'r flwyddyn",
        "mae rhywun ar roblox yn gofyn am luniau ganddi",
        "mi yrrodd hi lunia a rŵan mae o'n deud bydd o'n eu gyrru nhw i bawb",
        "mae lluniau ohoni hi yn mynd o gwmpas yr ysgol",
    ],
    "pl": [
        "chłopcy z klasy zrobili jej fałszywe nagie zdjęcia w aplikacji",
        "ktoś wysłał mu pornografię na whatsappie",
        "jakiś facet pisze jej że jest dojrzała jak na swój wiek",
        "ktoś z tiktoka proponuje jej pieniądze za zdjęcia stóp",
        "chłopak z 3 klasy naciska żeby wysłała mu filmiki",
        "ktoś w internecie udaje dziecko żeby z nią pisać",
        "dostał wiadomość że jak nie wyśle pieniędzy to wszyscy zobaczą filmik",
        "ktoś ma moje zdjęcia i grozi że je roześle",
        "wysyla zdjecia jakiemus facetowi z snapa",
        "ktoś napisał że jak nie zapłaci to wyśle jej zdjęcia rodzinie",
        "ktoś zrobił zrzut ekranu jej nagiego zdjęcia i rozesłał",
        "ktoś z gry prosi ją o zdjęcia",
        "wyslala mu zdjecia a teraz grozi ze rozesle je wszystkim",
        "rozmawia w nocy przez wideo z jakimś obcym facetem z tiktoka",
    ],
    "pt": [
        "uns rapazes fizeram fotos falsas dela nua com uma app",
        "alguém lhe mandou vídeos pornográficos no whatsapp",
        "um homem diz-lhe que ela é madura para a idade",
        "alguém no tiktok ofereceu dinheiro por fotos dos pés",
        "um rapaz do 11º ano está a pressioná-la para mandar vídeos",
        "alguém na internet finge ser criança para falar com ela",
        "recebeu mensagem a dizer que se não mandar dinheiro todos vão ver o vídeo",
        "alguém tem as minhas fotos e diz que manda para todos",
        "ela anda mandando fotos pra um cara do instagram",
        "alguém disse que se não pagar vai mandar as fotos dela para a família",
        "alguém que ela conheceu num jogo pediu fotos",
        "ela mandou fotos e agora ele diz que vai mandar para todos",
        "ela faz chamadas de vídeo à noite com um estranho",
    ],
    "ro": [
        "niște băieți i-au făcut poze false cu ea dezbrăcată cu o aplicație",
        "cineva i-a trimis filme porno pe whatsapp",
        "un bărbat îi spune că e matură pentru vârsta ei",
        "cineva de pe tiktok i-a oferit bani pentru poze",
        "un băiat din clasa a 11-a o presează să-i trimită filmulețe",
        "cineva pe internet se preface că e copil ca să vorbească cu ea",
        "a primit mesaj că dacă nu trimite bani toată lumea vede filmulețul",
        "cineva are pozele mele și amenință că le trimite la toți",
        "trimite poze unui barbat de pe snapchat",
        "cineva i-a scris că dacă nu plătește trimite pozele la familie",
        "cineva de pe un joc îi cere poze",
        "a trimis poze si acum el zice ca le trimite la toti",
        "pozele ei circulă prin școală",
    ],
    "ar": [
        "شباب من صفها عملوا صور مزيفة الها عريانة بتطبيق",
        "حدا بعتله فيديوهات اباحية عالواتساب",
        "واحد بيقلها انتي ناضجة اكتر من عمرك",
        "حدا عالتيك توك عرض عليها مصاري مقابل صور",
        "شب بالصف الحادي عشر بيضغط عليها تبعتله فيديوهات",
        "واحد عالنت عامل حاله ولد صغير ليحكي معها",
        "واحد معه صوري وبيهددني ينشرهم",
        "bteb3at sowar la wa7ed 3al snap",
        "واحد بعتلها اذا ما بتدفعي بنشر صورك لأهلك",
        "واحد على روبلوكس بيطلب منها صور",
        "بعتتله صور وهلق بيقول رح ينشرهم",
        "wa7ed 3al tiktok b6lob menha sowar",
    ],
    "ur": [
        "class ke larkon ne app se uski nangi nakli tasveerein banayi",
        "kisi ne usko whatsapp pe gandi videos bheji",
        "ek aadmi kehta hai tum apni umar se zyada samajhdar ho",
        "tiktok pe kisi ne tasveeron ke paise offer kiye",
        "ek larka us par dabao daal raha hai ke videos bheje",
        "online koi bacha ban ke us se baat karta hai",
        "message aaya ke paise bhejo warna sab video dekhenge",
        "kisi ke paas meri tasveerein hain aur wo viral karne ki dhamki de raha hai",
        "wo snapchat pe kisi aadmi ko tasveerein bhejti hai",
        "kisi ne message kiya ke paise do warna tumhari tasveerein ghar walon ko bhej dunga",
        "game pe koi mila tha wo tasveerein mang raha hai",
        "usne photos bheji thi ab wo kehta hai sab ko bhej dega",
        "raat ko kisi ajnabi se video call karti hai",
    ],
    "bn": [
        "classer chelera app diye or nongra fake chobi baniyeche",
        "keu oke whatsapp e nongra video pathiyeche",
        "ekta lok bole tumi boyosher tulonay boro",
        "tiktok e keu chobir jonno taka offer koreche",
        "ekta chhele chap dicche video pathanor jonno",
        "online e keu bachcha sheje or sathe kotha bole",
        "message eseche taka na pathale sobai video dekhbe",
        "ekjon er kache amar chobi ache, bolche viral kore debe",
        "o snapchat e ekta lok ke chobi pathay",
        "keu message diyeche taka na dile chobi barir lokder pathiye debe",
        "game e ekjon er sathe porichoy, se chobi chaiche",
        "o chobi pathiyechilo, ekhon bolche sobaike pathiye debe",
        "rate ochena loker sathe video call kore",
    ],
    "pa": [
        "class de mundeyan ne app naal ohdiyan nangiyan nakli photoan banayian",
        "kise ne ohnu whatsapp te gandi video bheji",
        "ik banda kehnda tu apni umar ton siyani",
        "tiktok te kise ne photoan layi paise offer kite",
        "ik munda dabaa paunda ki video bheje",
        "online koi bachcha ban ke ohde naal gall karda",
        "message aaya paise bhejo nahi taan sab video dekhange",
        "kise kol meriyan photoan ne te kehnda viral kar dau",
        "oh snapchat te kise bande nu photoan bhejdi",
        "kise ne message kita paise deo nahi taan photoan ghar waleyan nu bhej du",
        "game te koi milya si oh photoan mangda",
        "ohne photoan bhejiyan hun kehnda sab nu bhej dau",
        "ohdiyan photoan school ch viral ho gayiyan",
    ],
    "so": [
        "wiilal fasalkeeda ah ayaa sameeyay sawirro qaawan oo been ah app",
        "qof ayaa u soo diray filimo galmo whatsapp",
        "nin ayaa ku yiraahda da'daada waad ka weyn tahay",
        "qof tiktok ah ayaa lacag u bandhigay sawirro",
        "wiil ayaa ku cadaadinaya inay u dirto muuqaallo",
        "qof internetka ku jira ayaa iska dhigaya ilmo si uu ula hadlo",
        "fariin ayaa u timid haddii aadan lacag soo dirin qof walba wuu arki doonaa muuqaalka",
        "qof ayaa haysta sawiradayda wuxuuna igu hanjabay inuu faafin doono",
        "sawirro ayay u dirtaa nin snapchat ku jira",
        "qof ayaa u qoray haddii aadan lacag bixin sawiradaada qoyskaaga ayaan u dirayaa",
        "nin ay ku barteen ciyaarta ayaa sawirro ka codsaday",
        "sawirro ayay u dirtay hadda wuxuu leeyahay qof walba u diri doonaa",
        "habeenkii video call ayay la sameysaa qof aan la aqoon",
    ],
    "lt": [
        "klasės berniukai programėle padarė netikras jos nuogas nuotraukas",
        "kažkas jam atsiuntė pornografijos per whatsapp",
        "vyras jai sako kad ji subrendusi savo amžiui",
        "kažkas tiktoke siūlė pinigų už nuotraukas",
        "vaikinas iš 11 klasės spaudžia ją atsiųsti filmukų",
        "kažkas internete apsimeta vaiku kad galėtų su ja kalbėtis",
        "gavo žinutę kad jei nesiųs pinigų visi pamatys vaizdo įrašą",
        "kažkas turi mano nuotraukas ir grasina jas išplatinti",
        "siuncia nuotraukas kazkokiam vyrui is snapchato",
        "kažkas parašė kad jei nesumokės nusiųs jos nuotraukas šeimai",
        "kažkas iš žaidimo prašo jos nuotraukų",
        "nusiuntė nuotraukas, o dabar jis grasina išplatinti visiems",
        "jos nuotraukos plinta mokykloje",
    ],
    "es": [
        "unos chicos de su clase hicieron fotos falsas de ella desnuda con una app",
        "alguien le mandó vídeos porno por whatsapp",
        "un hombre le dice que es muy madura para su edad",
        "alguien en tiktok le ofreció dinero por fotos de sus pies",
        "un chico de bachillerato la presiona para que le mande vídeos",
        "alguien en internet se hace pasar por niño para hablar con ella",
        "le llegó un mensaje que si no manda dinero todos verán el vídeo",
        "alguien tiene mis fotos y dice que las va a mandar a todos",
        "le manda fotos a un tipo de instagram",
        "alguien le escribió que si no paga enviará sus fotos a su familia",
        "alguien que conoció en un juego le pidió fotos",
        "mandó fotos y ahora él dice que las va a mandar a todos",
        "hace videollamadas por la noche con un desconocido",
    ],
}

NOT_URGENT = {
    "en": ["she's worried everyone will see her rash so she won't go in",
           "she's been on her game all night so she's tired",
           "sent the photos of the rash to the GP, they said keep her off",
           "her phone broke so she can't message, she has a temperature",
           "there's a bug going round the school, she's been sick",
           "we had a video call with her nan in Poland, she is poorly",
           "she took photos of herself for her passport this morning, will be in at 11"],
    "cy": ["mae hi wedi bod ar ei gêm drwy'r nos felly mae hi wedi blino",
           "mae ei ffôn wedi torri felly dydi hi ddim yn gallu anfon negeseuon"],
    "pl": ["boi się że wszyscy zobaczą jej wysypkę",
           "całą noc grała w grę więc jest zmęczona", "wysłałam zdjęcia wysypki do lekarza"],
    "pt": ["ela passou a noite toda no jogo e está cansada",
           "mandei as fotos da alergia para o médico"],
    "ro": ["a stat toată noaptea pe joc și e obosită", "am trimis pozele cu eczema la medic"],
    "ar": ["سهرانة طول الليل على اللعبة وتعبانة", "تلفونها خربان وما بتقدر تبعت رسايل"],
    "ur": ["maine rash ki tasveerein doctor ko bhej di",
           "uska phone toot gaya hai is liye message nahi kar sakti"],
    "bn": ["sara rat game khelche tai klanto", "daktar ke rash er chobi pathiyechi"],
    "pa": ["saari raat game khedi is layi thakki hoyi aa",
           "doctor nu rash diyan photoan bhej ditiyan"],
    "so": ["sawirrada finanka ayaan u diray dhakhtarka",
           "taleefankeedii waa jabay sidaa darteed fariin ma diri karto"],
    "lt": ["visą naktį žaidė žaidimą, todėl pavargusi", "nusiunčiau bėrimo nuotraukas gydytojui"],
    "es": ["mandé las fotos del sarpullido al médico",
           "hicimos una videollamada con su abuela, está malita"],
}


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in TOLD.items() for t in ts])
def test_online_harm_told_is_urgent_safeguarding(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (True, Intent.SAFEGUARDING), reading


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in NOT_URGENT.items() for t in ts])
def test_a_game_a_rash_photo_or_a_broken_phone_is_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_every_language_has_its_cases() -> None:
    assert set(TOLD) == set(NOT_URGENT) == set(LEXICONS.languages)
