"""Urgent recall by concept, not by example (issue 14, item 4).

Each urgent concept is tried in every language (with the romanised Urdu, Bengali and Punjabi
and the Arabizi people type on phones), in wordings written fresh for these tests: none is in a
labelled round, and most use none of the words of the labelled replies the lexicons were tuned
on. The safety net reads each concept from small roles combined by position
(conversations/safety.py), so a wording it was never shown must still reach a person:

- a wish not to exist told without a word of dying: nobody would notice or miss the child,
  everyone better off without them, goodbye letters, looking up how many tablets;
- a marriage arranged for the child that the child does not want or is forced into;
- a child taken and kept from the sender, against their wishes or not brought back;
- fear of going home, drinking and violence at home;
- someone who saw the child go in to school.

And the same words beside an ordinary reason or destination stay ordinary."""

from __future__ import annotations

import pytest

from conversations.types import (
    ConversationKind,
    ConversationState,
    Escalate,
    Intent,
    KeepNotice,
    ReasonStatus,
    RecordReason,
    Reply,
)
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS, facts, say, student

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

# A marriage for the child, not wanted, forced, or feared.
FORCED_MARRIAGE = [
    ("ar", "3ayltha bghaw ydiwha l lmaghrib bach tzwj b wahed ma kat3rfouch, hiya rafda"),
    ("so", "qoyskiisa ayaa gabar u doortay, isagu ma rabo guurka"),
    ("cy", "ma nhw'n mynd â hi i Bacistan i briodi ac mae hi'n crio bob nos"),
    ("en", "they're taking her to Bangladesh to get her married, she's only 14 and doesn't "
           "know yet"),
    ("pt", "querem-na casar à força com um homem que ela nem conhece"),
    ("ro", "o mărită cu forța cu un om pe care nu-l cunoaște"),
    ("lt", "ją ves prievarta su nepažįstamu vyru"),
    ("en", "her family want to marry her to a man back home this summer, she refuses and "
           "is scared"),
    ("en", "my parents are making me marry my cousin in the holidays and i dont want to"),
    ("cy", "mae ei theulu isio ei phriodi hi efo dyn hŷn, a dydi hi ddim isio"),
    ("pl", "rodzice chcą ją wydać za mąż w wakacje, ona nie chce i płacze"),
    ("pt", "os pais querem casar a Inês com um homem mais velho e ela não quer"),
    ("ro", "familia vrea s-o mărite cu un bărbat mai în vârstă, ea refuză"),
    ("es", "sus tíos la van a casar con un hombre mayor y ella no quiere"),
    ("lt", "tėvai nori ją ištekinti už vyresnio vyro, ji nenori"),
    ("so", "qoyskeeda ayaa doonaya in la guursado nin weyn, way diidday"),
    ("ar", "اهلها بدهم يجوزوها لرجل كبير وهي رافضة"),
    ("ar", "baghyin yzwjouha b sif, hiya mabghatch"),
    ("ur", "gharwale uski shaadi zabardasti karwa rahe hain, wo inkaar kar rahi hai"),
    ("ur", "گھر والے زبردستی اس کی شادی کروا رہے ہیں"),
    ("bn", "baba or biye thik korse, o raji na, shudhu kandche"),
    ("bn", "ওর বাবা জোর করে ওর বিয়ে দিতে চায়"),
    ("pa", "ghar wale zabardasti ohda viah karna chahunde ne, oh nahi karna chahundi"),
    ("pa", "ਘਰ ਵਾਲੇ ਜ਼ਬਰਦਸਤੀ ਉਹਦਾ ਵਿਆਹ ਕਰ ਰਹੇ ਨੇ"),
    ("en", "they've arranged for her to be married in Pakistan next month and she's "
           "begging me to help"),
    ("en", "her family have found her a husband abroad, she's 15 and terrified"),
    ("cy", "mae nhad yn fy ngorfodi i briodi dyn dwi ddim yn nabod"),
    ("pl", "rodzina zmusza ją do ślubu z kuzynem, ona ma tylko 15 lat"),
    ("pt", "vão obrigá-la a casar com um primo no verão, ela chora todos os dias"),
    ("ro", "părinții vor s-o căsătorească forțat în vară, ea plânge mereu"),
    ("es", "la quieren obligar a casarse con un primo en Pakistán y ella no quiere"),
    ("lt", "šeima verčia ją tekėti vasarą, ji verkia"),
    ("so", "waxaa la doonayaa in si qasab ah loo guursado"),
    ("ar", "بدهم يزوجوها غصب عنها بالصيف"),
    ("ur", "wo kehti hai abbu ne uska rishta tay kar diya hai, wo nahi chahti, ro rahi hai"),
    ("bn", "ora jor kore Tania r biye dite chay Bangladesh e"),
    ("pa", "ohde mape ohnu zabardasti India lai ke viah karna chahunde"),
]

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

# Afraid to go home; drinking, shouting, throwing things at home.
FEAR_AT_HOME = [
    ("en", "she's begging to stay at mine as she's too frightened of what her dad will do "
           "when she gets home"),
    ("es", "no quiere volver a casa porque su padre le pega cuando bebe"),
    ("pl", "córka nie chce wracać do domu, bo ojciec ją bije jak wypije"),
    ("ro", "nu vrea să meargă acasă pentru că tatăl o bate când bea"),
    ("en", "he doesnt feel safe going back home since his stepdad started drinking"),
    ("en", "her dad was drunk again and throwing things and screaming at us all night"),
    ("cy", "mae o ofn mynd nôl adre, ei dad yn gweiddi ac yn taflu pethau"),
    ("pl", "ojciec znowu pił i krzyczał, ona boi się wracać do domu"),
    ("pt", "o pai estava bêbado e atirou coisas, ele tem medo de voltar para casa"),
    ("ro", "tatăl ei a băut iar și a țipat la noi toată noaptea, îi este frică să se "
           "întoarcă acasă"),
    ("es", "su padre estaba borracho y tiró cosas, tiene miedo de volver a casa"),
    ("lt", "tėvas vėl girtas rėkė ir mėtė daiktus, vaikas bijo grįžti namo"),
    ("so", "aabaheed wuu sakhraamay oo wax tuuray, waxay ka baqaysaa guriga"),
    ("ar", "ابوها كان سكران وبيصرخ وبيكسر، هي خايفة ترجع للبيت"),
    ("ar", "bbaha kaychreb w kaydreb mamaha, hiya khayfa trja3 ldar"),
    ("ur", "abbu nashe mein the aur cheezain phenkta raha, wo ghar jane se darti hai"),
    ("bn", "baba mod kheye chechamechi korse, o barite jete bhoy pacche"),
    ("pa", "pyo ne daaru pee ke maar kutt kiti, oh ghar jaan ton darrdi aa"),
    ("en", "she's terrified to go home tonight, her mum's boyfriend hit her"),
    ("en", "he was off his face again last night and smashed up the kitchen"),
    ("cy", "roedd ei dad wedi meddwi ac yn malu pethau, dydi hi ddim isio mynd adra"),
    ("pl", "tata był pijany i rzucał rzeczami, syn boi się wrócić do domu"),
    ("pt", "ela não se sente segura em casa, o padrasto bebe e grita"),
    ("ro", "tatăl lui bea și îl bate, îi este frică să meargă acasă"),
    ("es", "su padrastro bebe mucho y le grita, no quiere volver a casa, le da miedo"),
    ("lt", "patėvis geria ir muša, ji bijo eiti namo"),
    ("so", "aabaheed ayaa khamri cabay oo garaacay, way ka baqaysaa inay guriga ku noqoto"),
    ("ar", "زوج امها بيشرب وبيضربها، هي خايفة ترجع عالبيت"),
    ("ur", "sautela baap sharab peeta hai aur maarta hai, ghar jane se darti hai"),
    ("bn", "sotbaba mod khay ar marpit kore, o bari jete bhoy pay"),
    ("pa", "matreya pyo daaru peenda te kuttda, oh ghar jaan ton darrdi"),
]

# Someone saw the child go in or set off: the register says absent, so where is the child?
SEEN_GOING_IN = [
    ("en", "the lollipop lady saw her walk into school at ten to nine"),
    ("en", "his sister saw him get off the bus right outside the school"),
    ("cy", "nath ei chwaer ei gweld hi'n mynd i mewn i'r ysgol"),
    ("pl", "sąsiadka widziała jak wchodziła do szkoły"),
    ("pt", "o irmão viu-o entrar na escola às oito e meia"),
    ("ro", "fratele ei a văzut-o intrând în școală"),
    ("es", "su hermano lo vio entrar en el colegio a las ocho y media"),
    ("lt", "kaimynė matė kaip ji įėjo į mokyklą"),
    ("so", "walaalkeed ayaa arkay iyada oo gashay iskuulka"),
    ("ar", "اخوها شافها داخلة المدرسة الصبح"),
    ("ur", "uske bhai ne dekha wo school ke andar gayi"),
    ("bn", "or bhai dekheche o school e dhukse"),
    ("pa", "ohde bhra ne dekhya oh school andar gayi"),
    ("en", "my neighbour watched him go through the school gate at 8:40"),
    ("cy", "welodd ei ffrind hi'n cerdded drwy'r giât"),
    ("pl", "kolega widział go przy bramie szkoły o 8:30"),
    ("pt", "a mãe de uma amiga viu-a entrar pelo portão"),
    ("ro", "vecina a văzut-o intrând pe poarta școlii"),
    ("es", "la vecina la vio entrando por la puerta del colegio"),
    ("lt", "draugė matė ją įeinant pro mokyklos vartus"),
    ("so", "saaxiibkeed ayaa arkay iyada oo iskuulka gelaysa"),
    ("ar", "جارتنا شافته داخل من باب المدرسة"),
    ("ur", "padosi ne usay school ke gate se andar jaate dekha"),
    ("bn", "amar bondhu oke school er gate diye dhukte dekhse"),
    ("pa", "guandi ne ohnu school de gate vich jaande vekhya"),
]

# An adult outside the family in contact with the child, and a secret.
GROOMING = [
    ("en", "some 19 year old lad has been picking her up from the park in his car and "
           "buying her vapes"),
    ("en", "a man she met on tiktok keeps sending her gifts and told her not to tell us"),
    ("cy", "mae dyn 20 oed yn ei chodi hi yn ei gar ac yn prynu petha iddi"),
    ("pl", "jakiś dorosły facet odbiera ją samochodem i kupuje jej prezenty"),
    ("pt", "um homem adulto anda a ir buscá-la de carro e a dar-lhe prendas"),
    ("ro", "un bărbat mai mare o ia cu mașina și îi cumpără cadouri"),
    ("es", "un hombre mayor la recoge en coche y le compra regalos"),
    ("lt", "suaugęs vyras ją pasiima mašina ir perka jai dovanas"),
    ("so", "nin weyn ayaa baabuur ku qaada oo hadiyado u iibiya"),
    ("ar", "في رجل كبير بيجي ياخدها بسيارته وبيشتريلها هدايا"),
    ("ur", "ek bara aadmi usay gari mein le jata hai aur tohfe deta hai"),
    ("bn", "ekjon boro manush oke gari kore niye jay ar gift kine dey"),
    ("pa", "ik vadda banda ohnu gaddi vich lai janda te tohfe dinda"),
    ("cy", "mae dyn hŷn wedi bod yn anfon negeseuon ati ac yn deud wrthi am gadw'r peth yn "
           "gyfrinach"),
    ("ro", "un bărbat mai în vârstă îi trimite mesaje și i-a spus să nu spună nimănui"),
    ("lt", "vyresnis vyras jai rašo žinutes ir liepė niekam nesakyti"),
    ("so", "nin weyn ayaa fariimo u soo diraya, wuxuu ku yiri qofna ha u sheegin"),
    ("ar", "في رجل كبير عم يبعتلها رسائل وقلها ما تقول لحدا"),
    ("ur", "ek bara aadmi usay messages bhejta hai aur kaha kisi ko mat batana"),
    ("bn", "ekta boro lok oke message pathay ar bolse kauke bolbe na"),
    ("pa", "ik vadda banda ohnu messages bhejda te kehnda kise nu na dassi"),
    ("en", "an older man she met online has been messaging her and sending her money, she "
           "says its a secret"),
    ("pl", "jakiś starszy mężczyzna pisze do niej i daje jej pieniądze, kazał nikomu nie mówić"),
    ("es", "un hombre mayor le manda mensajes y le compró un móvil nuevo, le dijo que es "
           "un secreto"),
    ("pt", "um homem mais velho anda a mandar-lhe mensagens e disse-lhe para não contar a "
           "ninguém"),
]

# A child about to leave home for someone: packed a bag, going to live with a boyfriend.
RUNNING_AWAY = [
    ("en", "she packed a bag last night and said she's going to live with her boyfriend, she's 14"),
    ("pl", "spakowała się i powiedziała że wyprowadza się do chłopaka, ma 14 lat"),
    ("es", "hizo la maleta y dijo que se va a vivir con su novio, tiene 14 años"),
    ("ur", "usne bag pack kiya aur kaha boyfriend ke paas rehne ja rahi hai"),
    ("ro", "și-a făcut bagajul și a zis că pleacă să stea cu prietenul ei"),
]

# The sender put the child on the school bus themselves.
PUT_ON_THE_BUS = [
    ("en", "I put him on the school bus myself at quarter to eight"),
    ("pl", "sama wsadziłam go do autobusu szkolnego o 7:45"),
    ("es", "yo misma lo subí al autobús del colegio a las 8"),
    ("pt", "fui eu que o pus no autocarro da escola às 8"),
    ("ro", "eu l-am urcat în autobuzul școlii la 8"),
    ("cy", "rhois i o ar y bws ysgol fy hun am chwarter i wyth"),
    ("ur", "maine khud usay school bus mein bithaya tha 8 baje"),
    ("ar", "انا حطيته بباص المدرسة الساعة 8"),
    ("lt", "pati įsodinau jį į mokyklinį autobusą 8 val."),
    ("so", "aniga ayaa baska iskuulka saaray 8da"),
    ("bn", "ami nijei oke school bus e tule diyechi 8 tay"),
    ("pa", "main aap ohnu school bus te chadhaya si 8 vaje"),
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


@pytest.mark.parametrize(("lang", "text"),
                         DESPAIR + FORCED_MARRIAGE + FEAR_AT_HOME + GROOMING + RUNNING_AWAY)
def test_harm_is_safeguarding_however_it_is_worded(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (True, Intent.SAFEGUARDING), reading


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "she came back from her dad's with bruises on her arms again"),
    ("en", "sorry to bother you, a man from the park told her to keep it a secret"),
    ("cy", "mae ganddi gleisiau ar ei breichiau eto ar ôl bod efo'i thad"),
])
def test_a_bruise_or_a_secret_no_accident_or_apology_explains_stays_urgent(
        lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).urgent


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "la dejé en la puerta del cole a las 8:30, ¿cómo que no está?"),
    ("en", "I dropped her at the school gate at twenty to nine myself"),
    ("ro", "am dus-o la școală la 8 și jumătate, cum adică lipsește?"),
])
def test_a_school_run_already_done_stays_a_dispute(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.urgent, reading


@pytest.mark.parametrize(("lang", "text"), KEPT_AWAY + NOT_COME_HOME)
def test_a_child_kept_away_or_missing_is_urgent(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.urgent, reading
    assert reading.intent in (Intent.SAFEGUARDING, Intent.WHEREABOUTS_UNKNOWN)


@pytest.mark.parametrize(("lang", "text"), SEEN_GOING_IN + PUT_ON_THE_BUS)
def test_a_child_seen_going_in_is_a_dispute(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (True, Intent.IN_SCHOOL_DISPUTE), reading


@pytest.mark.parametrize(("lang", "text"), ORDINARY)
def test_an_ordinary_destination_or_wedding_is_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_every_language_is_tried_for_every_concept() -> None:
    languages = {"en", "cy", "pl", "pt", "ro", "ar", "ur", "bn", "pa", "so", "lt", "es"}
    for concept in (DESPAIR, FORCED_MARRIAGE, KEPT_AWAY, FEAR_AT_HOME, SEEN_GOING_IN, GROOMING,
                    PUT_ON_THE_BUS, NOT_COME_HOME):
        assert {lang for lang, _ in concept} == languages


# A student writing about themselves in distress: a person reads it, never a question for a
# reason and never a code confirmed on its own.
STUDENT_IN_DISTRESS = [
    ("en", "wont be in today, i'm really struggling at the moment"),
    ("es", "hoy no voy a ir, estoy fatal y no paro de llorar"),
    ("pl", "nie przyjdę dziś, ciężko mi i ciągle płaczę"),
    ("so", "maanta ma imanayo, waan murugaysanahay"),
    ("lt", "šiandien neateisiu, labai sunku, verkiu"),
    ("bn", "aj ashbo na, khub mon kharap"),
    ("ar", "ما رح اجي اليوم، تعبانة نفسيا"),
    ("cy", "fydda i ddim mewn heddiw, dwi'n teimlo'n isel iawn"),
    ("ur", "aaj nahi aa sakti, bohat pareshan hoon"),
]


@pytest.mark.parametrize(("lang", "text"), STUDENT_IN_DISTRESS)
def test_a_student_in_distress_reaches_a_person(lang: str, text: str) -> None:
    me = facts(student("S9", "Priya"), relationship="self", language=lang)
    _, decisions = say(ConversationState(kind=ConversationKind.SELF_REPORT), text, me)
    assert [d for d in decisions if isinstance(d, Escalate)], decisions
    assert Reply("self.ask_reason") not in decisions
    assert not [d for d in decisions if isinstance(d, RecordReason | KeepNotice)
                and d.status is ReasonStatus.CONFIRMED]


def test_a_student_with_a_plain_reason_is_not_sent_to_a_person() -> None:
    me = facts(student("S9", "Priya"), relationship="self")
    _, decisions = say(ConversationState(kind=ConversationKind.SELF_REPORT),
                       "got a migraine, not coming in", me)
    assert not [d for d in decisions if isinstance(d, Escalate)], decisions
