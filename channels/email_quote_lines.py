"""The lines mail clients write above the message they quote, in the languages rollcall serves
(en, cy, pl, pt, ro, ar, ur, bn, pa, so, lt, es) and the common European ones.

Where they come from: the corpora under tests/fixtures/email_replies/ (Gmail, Outlook, Apple Mail,
Thunderbird, Evolution, Yahoo, mail.ru), Thunderbird for Android's translated reply headers
(`message_compose_reply_header_fmt`, `message_compose_quote_header_*`), and the built fixtures
for the languages no public corpus covers (see their SOURCE.md). Each is data, read by
`channels.email_reply`; a new language is new words here, not new code.
"""

from __future__ import annotations

import re

# "<someone> wrote:" and its translations: the verb a client's attribution line ends with
# (Welsh and Arabic Evolution/K-9 put it before the name).
_WROTE = (
    r"wrote|writes|has written|sent|a\s+écrit|écrit|schrieb|hat\s+geschrieben|schreef"
    r"|heeft\s+geschreven|geschreven|đã\s+viết|escribió|escreveu|scrisse|ha\s+scritto|napisał\s*\(a\)|napisał/a"
    r"|napisała|napisał|pisze|a\s+scris|skrev|skriver|kirjoitti|rašė|parašė|ysgrifennodd"
    r"|كَ?تَ?بَ?|الرسالة|написал\(\u0430\)|написала|написал|написав|пишет|napsal\(a\)|napsal|írta"
    r"|έγραψε|ayaa\s+qoray|wuxuu\s+qoray|waxay\s+qortay|লিখেছেন|ਨੇ\s+ਲਿਖਿਆ|ਲਿਖਿਆ"
    r"|نے\s+لکھا|لکھا|ha\s+escrit|写道|작성|のメッセージ"
)
# The last word of each of those, to rule out most lines before the full pattern is tried.
_WROTE_LAST = (
    "wrote writes written sent écrit schrieb geschrieben schreef geschreven escribió "
    "escreveu scrisse scritto (a) /a napisała napisał pisze scris skrev skriver "
    "kirjoitti rašė ysgrifennodd ب بَ الرسالة (\u0430) написала написал написав пишет "
    "napsal írta έγραψε qoray qortay লিখেছেন ਲਿਖਿਆ لکھا escrit 写道 작성 のメッセージ viết"
)
_WROTE_LAST_WORDS = tuple(_WROTE_LAST.split())
WROTE_AT_END = re.compile(rf"(?:^|[\s,>)\]])(?:{_WROTE})\s*[:\uff1a]?\s*$", re.IGNORECASE)
WROTE_ANYWHERE = re.compile(rf"(?:^|[\s,])(?:{_WROTE})(?:[\s:\uff1a]|$)", re.IGNORECASE)

# How an attribution line begins: "On", "Le", "Am", "W dniu", "Em", "Pe", "Ar", "في" ... or a
# date ("2017-11-24 16:32 GMT+01:00 Name <a@b>:", "30.09.2017, 18.30, ...", "Wednesday, ...").
ATTRIBUTION_START = re.compile(
    r"^\s*(?:(?:On|Le|Am|El|Op|Il|W\s+dniu|Dnia|Em|Pe|În|In|Ar|Den|Dne|Dňa|Na|På|Στις|في"
    r"|بتاريخ)\s|\d|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*,"
    r"|(?:pon|wt|śr|czw|pt|sob|niedz|seg|ter|qua|qui|sex|sáb|dom|lun|mar|mie|joi|vin|sâm)\.,?\s)",
    re.IGNORECASE,
)

# A date or time, or an address: what makes "... <a@b>:" an attribution and not a sentence.
HAS_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+|mailto:", re.IGNORECASE)
HAS_TIME = re.compile(r"\b\d{1,2}[:.h]\d{2}\b|\b\d{4}\b")

# Outlook, Windows Mail and Thunderbird header blocks: "From: ... / Sent: ... / To: ...".
_FROM = (
    r"From|De|Von|Van|Od|Da|De\s+la|Fra|Från|Lähettäjä|Oddi\s*wrth|Oddiwrth|Gan|Nuo"
    r"|Siuntėjas|من|مِن|থেকে|প্রেরক|منجانب|از|ਤੋਂ|ਵੱਲੋਂ|Ka|Kimden|От|От\s+кого|Від|Feladó|Od\s+koho"
)
_SENT = (
    r"Sent|Date|Message\s+du|Envoyé|Envoyé\s+le|Gesendet|Datum|Verzonden|Wysłane|Wysłano|Data|Enviado"
    r"|Enviada|Inviato|Trimis|Dată|Sendt|Skickat|Lähetetty|Päivämäärä|Anfonwyd|Dyddiad"
    r"|Išsiųsta|تم\s+الإرسال|التاريخ|المُرسل|পাঠানো\s+হয়েছে|তারিখ|بھیجا\s+گیا|تاریخ"
    r"|ਭੇਜਿਆ|ਮਿਤੀ|La\s+diray|Taariikh|Fecha|Отправлено|Дата|Elküldve"
)
_TO = (
    r"To|À|A|An|Aan|Do|Para|Către|Til|Till|Vastaanottaja|At|I|Kam|Gavėjas|إلى|প্রতি|بنام"
    r"|ਨੂੰ|Ku|Кому|Címzett|Cc|DW|Kopia|CC"
)
_SUBJECT = (
    r"Subject|Objet|Betreff|Onderwerp|Temat|Assunto|Oggetto|Subiect|Emne|Ämne|Aihe"
    r"|Pwnc|Testun|Tema|الموضوع|বিষয়|موضوع|ਵਿਸ਼ਾ|Mawduuc|Ujeedo|Asunto|Тема|Tárgy"
)
_LABEL = r"^\s*[*_]{{0,2}}\s*(?:{})\s*[*_]{{0,2}}\s*[:\uff1a]"
HEADER_FROM = re.compile(_LABEL.format(_FROM), re.IGNORECASE)
HEADER_OTHER = re.compile(_LABEL.format(f"{_SENT}|{_TO}|{_SUBJECT}"), re.IGNORECASE)
HEADER_BLOCK_REACH = 6  # Outlook wraps a long From: address onto a second line

# "-----Original Message-----", "-------- Wiadomość oryginalna --------" and their kin, with
# or without the dashes; "Begin forwarded message:"; Outlook's line of underscores.
_ORIGINAL = (
    r"Original\s+Message|Reply\s+Message|Forwarded\s+message|Antwort\s+Nachricht"
    r"|Oprindelig\s+meddelelse|Message\s+d'origine|Message\s+original"
    r"|Message\s+transféré|Ursprüngliche\s+Nachricht|Originalnachricht|Weitergeleitete\s+Nachricht"
    r"|Oorspronkelijk\s+bericht|Doorgestuurd\s+bericht|Oprindelig\s+besked|Opprinnelig\s+melding"
    r"|Ursprungligt\s+meddelande|Alkuperäinen\s+viesti|Messaggio\s+originale"
    r"|Messaggio\s+inoltrato|Mensaje\s+original|Mensaje\s+reenviado|Mensagem\s+original"
    r"|Mensagem\s+encaminhada|Wiadomość\s+oryginalna|Oryginalna\s+wiadomość"
    r"|Wiadomość\s+przekazana|Mesaj\s+original|Mesaj\s+redirecționat|Neges\s+Wreiddiol"
    r"|Neges\s+wedi'i\s+hanfon\s+ymlaen|Originalus\s+tekstas|Originalus\s+laiškas"
    r"|Persiųstas\s+laiškas|الرسالة\s+الأصلية|رسالة\s+مُعاد\s+توجيهها|Původní\s+zpráva"
    r"|Исходное\s+сообщение|Пересылаемое\s+сообщение|Eredeti\s+üzenet|Farriintii\s+asalka"
    r"|মূল\s+বার্তা|اصل\s+پیغام|ਮੂਲ\s+ਸੁਨੇਹਾ"
)
SEPARATOR = re.compile(
    rf"^[\s>]*(?:[-=_*]{{2,}}\s*(?:{_ORIGINAL})\s*[-=_*]{{2,}}|(?P<bare>{_ORIGINAL})\s*[:\uff1a]?"
    r"|Begin\s+forwarded\s+message\s*:|Début\s+du\s+message\s+réexpédié\s*:"
    r"|Anfang\s+der\s+weitergeleiteten\s+Nachricht\s*:|Inicio\s+del\s+mensaje\s+reenviado\s*:"
    r"|Início\s+da\s+mensagem\s+reencaminhada\s*:|Początek\s+przekazanej\s+wiadomości\s*:"
    r"|_{20,}|-{20,}|-{4,}\s*[^\W\d_][\w' ]{2,40}-{4,})\s*$",
    re.IGNORECASE,
)

# The subset of those that start a forwarded message rather than a quoted one.
FORWARDED = re.compile(
    r"^[\s>]*[-=_*]*\s*(?:Forwarded\s+message|Begin\s+forwarded\s+message|Message\s+transféré"
    r"|Weitergeleitete\s+Nachricht|Anfang\s+der\s+weitergeleiteten\s+Nachricht"
    r"|Début\s+du\s+message\s+réexpédié|Mensaje\s+reenviado|Inicio\s+del\s+mensaje\s+reenviado"
    r"|Mensagem\s+encaminhada|Início\s+da\s+mensagem\s+reencaminhada|Wiadomość\s+przekazana"
    r"|Początek\s+przekazanej\s+wiadomości|Mesaj\s+redirecționat|Neges\s+wedi'i\s+hanfon\s+ymlaen"
    r"|Persiųstas\s+laiškas|رسالة\s+مُعاد\s+توجيهها|Messaggio\s+inoltrato|Doorgestuurd\s+bericht"
    r"|Пересылаемое\s+сообщение)\s*[:\uff1a]?\s*[-=_*]*\s*$",
    re.IGNORECASE,
)

# "-- " (RFC 3676) and the look-alikes people type: everything below is a signature.
SIGNATURE_DELIMITER = re.compile(r"^(?:--|-- |—+|\u2013{2,}|__)\s*$")

# Footers phones and mail apps add, in full: the whole line must be one, so "Sent from my work
# email because my phone is broken" stays the reply.
_DEVICE = r"[\w'\u2019®™.\-]+(?:[ \t]+[\w'\u2019®™.\-]+){0,3}"  # at most four words
DEVICE_FOOTER = re.compile(
    r"^\s*(?:"
    rf"Sent\s+(?:from|via|using)\s+(?:(?:my|a|an|the)\s+)?{_DEVICE}"
    rf"|Sent\s+with\s+Proton\s*Mail(?:\s+{_DEVICE})?"
    r"|Get\s+Outlook\s+for\s+\w+|Sent\s+from\s+Mail\s+for\s+Windows(?:\s+\d+)?"
    rf"|(?:Wysłane|Wysłano)\s+(?:z|ze)\s+(?:mojego\s+|mojej\s+|aplikacji\s+)?{_DEVICE}"
    r"|Pobierz\s+aplikację\s+Outlook\s+dla\s+\w+(?:\s+\w+)?"
    rf"|Enviad[oa]\s+(?:do|desde|a\s+partir\s+do|a\s+partir\s+de|pelo|da)\s+(?:meu\s+|mi\s+|minha\s+)?{_DEVICE}"
    r"|(?:Obter|Obtener|Obtenir|Obțineți|Pobierz)\s+(?:o\s+)?Outlook\s+(?:para|pour|pentru)\s+\w+"
    rf"|Trimis\s+(?:de\s+pe|din|cu)\s+{_DEVICE}"
    rf"|Envoyé\s+(?:de|depuis|à\s+partir\s+de)\s+(?:mon\s+)?{_DEVICE}"
    rf"|Von\s+meinem\s+{_DEVICE}|Gesendet\s+von\s+(?:meinem\s+)?{_DEVICE}"
    rf"|Inviato\s+da\s+(?:mio\s+|il\s+mio\s+)?{_DEVICE}"
    rf"|(?:Verzonden|Verstuurd)\s+(?:vanaf|met|van)\s+(?:mijn\s+)?{_DEVICE}"
    rf"|(?:Sendt|Skickat|Skickad)\s+(?:fra|från)\s+(?:min\s+)?{_DEVICE}"
    rf"|Anfonwyd\s+o\s+(?:fy\s+)?{_DEVICE}"
    rf"|(?:Išsiųsta|Siųsta)\s+iš\s+(?:mano\s+)?{_DEVICE}"
    r"|(?:أُ?رسلت|أرسلت|تم\s+الإرسال|مرسل)\s+من\s+.{1,40}"
    r"|میرے\s+.{1,30}\s+سے\s+بھیجا\s+گیا|.{1,30}\s+سے\s+بھیجا\s+گیا"
    r"|আমার\s+.{1,30}\s+থেকে\s+পাঠানো(?:\s+হয়েছে)?|.{1,30}\s+থেকে\s+পাঠানো\s+হয়েছে"
    r"|ਮੇਰੇ\s+.{1,30}\s+ਤੋਂ\s+ਭੇਜਿਆ(?:\s+ਗਿਆ)?"
    rf"|Waxaa\s+laga\s+soo\s+diray\s+{_DEVICE}|Laga\s+soo\s+diray\s+{_DEVICE}"
    r")\s*(?:<[^>\s]*>)?\s*$",
    re.IGNORECASE,
)  # Outlook adds its link: "...for iOS<https://aka.ms/..>"


def ends_with_wrote(text: str) -> bool:
    """Whether the text ends with "wrote" or a translation of it (a colon may follow)."""
    words = text.rstrip(" \t:\uff1a").rsplit(None, 1)
    if not words or not words[-1].casefold().endswith(_WROTE_LAST_WORDS):
        return False
    return bool(WROTE_AT_END.search(text[-40:]))
