"""The urgent safety net under the lexicon: urgent replies found by their shape, not their words.

The lexicon's urgent phrases catch the common wordings; people find others ("her dad has taken
her and won't tell me where they are", "larguei a menina no portão"). Each language lists a few
small roles (`[roles]` in its lexicon: "where", a word for the child, "took/left", "to school",
"don't know", "won't say", "without my permission" ...) and this module combines them by position:

- a question where the child is ("where is she??", "onde está o meu filho");
- not knowing where, or someone refusing to say ("don't really know where", "won't say where");
- the child went or was taken to school ("went off on the bus to school as always"), unless
  negated ("didn't take her to school") or the child came home ("picked her up at lunch");
- someone took the child and will not say (or answer) where, or took it against the sender's
  wishes. A named ordinary destination ("dad's taken her to the dentist") is not urgent;
- someone took the child and has not brought it back or will not ("hasn't brought him back",
  "dib uma soo celinayo"): kept away from the sender, an abduction like one against their wishes;
  not brought back beside the sender's objection or silence is one even when the taking is not
  told ("ficou com ele ... não o quer devolver, eu não autorizei");
- a marriage for the child, or being sent abroad, beside the child not wanting it, being forced
  or the sender's objection ("me quieren casar ... no quiero", "zabardasti meri mangni",
  "doonaya in la i guursado ... ma rabo"): a forced marriage, whatever words name it;
- fear of going home ("scared to go back home since he moved in"): a disclosure;
- a child sent or taken away (`sent_away`: taken abroad, sent to live with relatives, left
  the country with one parent, "stop texting") beside no return (`no_return`: "she won't be
  back", "not coming back", "zostaje tam na stałe"): a child missing education, whom nobody
  will be teaching. A family's own move told with its new school is no `sent_away` word;
- despair said without a word of dying (`despair`: "no point in anything", "goodbye letters",
  "better for everyone if she wasn't here", "how many tablets", "done with everything"), or
  nobody minding the writer's absence (`nobody` then `notice` within a few words: "nobody would
  even notice", "no one will miss me", "koi yaad nahi karega"): a wish not to exist;
- a wish to die or vanish told as an idiom ("wants to go to sleep and never wake up",
  "queria sumir", "isio mynd i gysgu a peidio deffro", "marna chahti"): a wish (`wish`: a
  want, a threat or an attempt, in any person) and a way of dying or vanishing (`death`)
  within a few words, either order;
- killing oneself, however the reflexive is placed: a verb of killing (`kill`) with a
  reflexive (`self`) just before it, where one word may stand between ("me quiero matar",
  "se va a matar" with "va a matar" one verb, "się chce zabić", "nijeke mere felbe", "khud
  ko maar degi"), right after it ("kill herself", "zabić się", "matar-se", "lladd ei hun",
  "تقتل نفسها"); a verb with the reflexive built in ("matarse", "nusižudyti") is a `death`
  word. The lexicon's `kill` lists only forms in which a reflexive means suicide: not the
  past where it also tells an accident ("se mató en la moto", "zabił się w wypadku");
- hurting or cutting oneself (`hurt` with `self`, as above) beside a wish, a threat or an
  attempt ("se quiere hacer daño", "tentou se machucar", "nijeke kosto dite chay"); alone it
  is an accident ("hurt herself at football") and the lexicon decides;
- the sender saw the child set off or go in ("I watched her walk through the gate", "I saw
  him get on the bus");
- a disclosure told sideways: an adult who asks the child to keep a secret ("told her it's
  their little secret", "kazał nic nikomu nie mówić"), or two signs of harm in one reply
  (`SIGNS`: an adult outside the family's care, contact with the child, drink, violence,
  neglect, a plan to leave home for someone, being sent abroad, wounds on the child's arms or
  wrists, a marriage arranged for the child, a girl watched or kept in for the family's
  honour, a warning sign of self-harm, the sender's own distress or plea for help):
  "the coach has been messaging her", "father drank all weekend and she came back hungry",
  "alone all weekend with no food", "people online telling him to leave home and come to
  them". One sign alone is an ordinary word ("messages", "alone", "passport"); two together
  are what a safeguarding lead is trained to hear. A long reply the bot cannot otherwise read
  needs only one.

Running away from a thing ("ran away from a dog and fell", "kutte se bhaag gaya") is an accident
told, not a runaway: a verb of fleeing (`flee`) beside an animal or insect (`fled`) sets the
urgent phrase and the sign aside (`without_fled_things`), unless the child took it along.

A sibling the register has present ("Jayden went in as normal") going to school is no dispute,
and neither is a plan to bring the child in later beside an ordinary reason ("hospital this
morning, I'll take her in after lunch"). The school run's own rules (told, seen, done in person,
or set aside) are in `conversations/school_run.py`; the reply's shape and the position rules
both share, in `conversations/reply_shape.py`.

Pure: words and hits in, an urgent intent (or None) out.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from conversations.matching import Hit
from conversations.reply_shape import ROLE, Shape, by_role, gap, negated, pairs
from conversations.school_run import school_run_told, without_back_to_school
from conversations.types import Intent

# Signs of harm, each weak alone ("messages", "alone", "passport"); two kinds make a disclosure.
# `honour`: a girl watched for the family's name ("because of a boy", "her brothers watch her
# every move"); two, or one beside her being kept in (`kept_in`: a phone taken, not let out),
# are control. A phone taken and not let out alone are a strict home (a grounded teenager).
# `warning`: a sign of self-harm or suicide weak alone ("wrote a note", "stopped eating",
# "searching how to"): two together, or one beside a wound or distress, are heard.
# `outcry`: a child's scream or cry, heard beside another sign ("screams if he tries to bath
# her"); beside an illness alone it is pain, beside the sender's distress a tantrum.
SIGNS = ("adult", "contact", "drink", "violence", "neglect", "runaway", "abroad", "wound",
         "marriage", "distress", "help", "injury", "honour", "warning", "outcry")
ROLES = ("where", "child", "question", "moved", "to_school", "dont_know", "wont_say",
         "against_will", "not_back", "unwilling", "fear", "home", "saw", "secret", "wish",
         "death", "despair", "nobody", "notice", "self", "kill", "hurt", "relative", "visit",
         "accident", "said", "sorry", "not_going", "low_mood", "plan", "flee", "fled", "along",
         "about", "search", "habitual", "myself", "intro", "intro_after", "of_child",
         "stay_out", "not_there", "belongings", "fgm", "purify", "rite", "emergency",
         "recovered", "sent_away", "no_return", "give_back", "thing", "trim", "thing_first",
         "trim_first", "kept", "at_home", "ongoing",
         "swallowed", "lot",
         "kept_in",  # honour_based_abuse: kept in, beside an honour word
         "paper",  # a letter, a note, a form: what went to school (school_run.py)
         "more",  # a turn to another matter (conversations/beside_the_reason.py)
         *SIGNS,
         # Read by conversations/evidence.py, not the safety net: the doctor coming to the
         # child, and a word of injuring beside the holidays it happened in.
         "visiting_doctor", "doctor_comes", "injured",
         # Read by conversations/siblings.py: a child said to be well shares no reason.
         "well")
STAY_NEAR = 20  # "said she was stopping at Chloe's [...] but Chloe's mum says she never turned up"
GONE_NEAR = 12  # "took her clothes and bag [...], can't find her anywhere", either order
NEAR = 3  # words between "where" and the child, or "don't know" and "where"
WISH_NEAR = 4  # "wants to [go to sleep and] never wake up"
SELF_NEAR = 1  # words between a reflexive and the verb after it: "se [quiere] matar"
AWAY_NEAR = 8  # "taken abroad [and she is] not coming back", "nie piszcie [...] nie wróci"
FLED_NEAR = 3  # words between running away and the thing fled: "kutte se dar ke bhaag gaya"
SWALLOWED_NEAR = 2  # "swallowed [nearly] a whole packet", "a înghițit [aproape] o cutie de"
ONGOING_NEAR = 2  # "anda a [cortar]-se", "khud ko kaat [rahi hai]", "znowu [się] tnie"
KEPT_HOME_NEAR = 1  # "se la quedó [en] casa", "ghar [pe] rakh liya"; not "en su casa"
OBJECT_NEAR = 2  # words between a verb and its object: "negrąžino [bibliotekos] knygų"
# The sender's own state, not what happens to the child: their distress, or a request for help
# ("I don't know what to do", "what should we do?"; conversations/beside_the_reason.py).
_HELP = ROLE + "help"
_DISTRESS = frozenset({ROLE + "distress", _HELP})
_WHEREABOUTS = Intent.WHEREABOUTS_UNKNOWN.value
_DISPUTE = Intent.IN_SCHOOL_DISPUTE.value
_ACCIDENT, _INJURY, _SAID = ROLE + "accident", ROLE + "injury", ROLE + "said"
SAID_NEAR = 2  # "says [that] he fell", "wuxuu yiri wuu dhacay"
_FLEE, _FLED, _ALONG = ROLE + "flee", ROLE + "fled", ROLE + "along"
_NOT_BACK = ROLE + "not_back"
_EMERGENCY, _RECOVERED = ROLE + "emergency", ROLE + "recovered"
_SWALLOWED = ROLE + "swallowed"
_ILLNESS = Intent.ILLNESS.value
_AGAINST_WILL = ROLE + "against_will"
_SAFEGUARDING = Intent.SAFEGUARDING.value
# Messages, gifts, a new phone: grooming beside an adult or a secret, but beside the sender's
# distress alone as often unkind classmates ("nasty to her on snapchat, I don't know what to
# do"), which is school refusal or bullying, not a disclosure.
_CONTACT = ROLE + "contact"
_OUTCRY = ROLE + "outcry"
QUESTION_MARKS = ("?", "\u061f")  # Latin and Arabic question marks
# Words from which a reply the bot cannot read (or reads only as "ok") is for a person at once,
# and from which one sign of harm in it is enough to make it urgent.
LONG_UNREAD_WORDS = 12


def urgent_shape(shape: Shape) -> Intent | None:
    """The urgent intent this reply's shape shows, or None."""
    found = by_role(shape.roles)
    moved = found.get("moved", [])
    where = found.get("where", [])
    fear, home = found.get("fear", []), found.get("home", [])
    wish, death = found.get("wish", []), found.get("death", [])
    selves = found.get("self", [])
    hurting = _to_oneself(found.get("hurt", []), selves)
    # Harm first: the more specific reading, and the one a safeguarding lead must see.
    nobody, notice = found.get("nobody", []), found.get("notice", [])
    if (pairs(fear, home, NEAR) or pairs(home, fear, NEAR) or pairs(wish, death, WISH_NEAR)
            or pairs(death, wish, WISH_NEAR) or _to_oneself(found.get("kill", []), selves)
            or pairs(wish, hurting, WISH_NEAR) or pairs(hurting, wish, WISH_NEAR)
            or found.get("despair") or pairs(nobody, notice, WISH_NEAR)
            or pairs(notice, nobody, WISH_NEAR) or _forced(found) or _cutting(found)
            or _hurting_on_and_on(found, hurting)
            or pairs(found.get("swallowed", []), found.get("lot", []), SWALLOWED_NEAR)
            or _sent_away(found) or _kept_for_honour(found)
            or _disclosed(shape, _without_a_runaway_missing(found), lone=False)):
        return Intent.SAFEGUARDING
    if (_asks_where_the_child_is(shape, where)
            or pairs(found.get("dont_know", []), where, NEAR)
            or pairs(found.get("wont_say", []), where, NEAR)
            or (moved and found.get("wont_say"))
            or _not_where_they_said(found)):
        return Intent.WHEREABOUTS_UNKNOWN
    # "não a traz de volta à escola", "won't bring her back to school today": back to school,
    # not back to the sender.
    against_will = found.get("against_will")
    not_back = without_back_to_school(found.get("not_back", []), shape.roles)
    if (moved and (against_will or not_back)) or (not_back and (against_will or found.get(
            "wont_say"))) or _kept_from_the_sender(found, not_back):
        # Taken against the sender's wishes, or kept: an abduction. Not brought back and the
        # sender objects or cannot reach them is one even when the taking is not told.
        return Intent.SAFEGUARDING
    if school_run_told(shape, found):
        return Intent.IN_SCHOOL_DISPUTE
    # One sign in a long reply read no other way is the weakest evidence of harm: a dispute
    # the reply plainly tells ("the neighbour saw him go through the gate") comes first.
    if _disclosed(shape, found, lone=True):
        return Intent.SAFEGUARDING
    return None


def _without_a_runaway_missing(found: dict[str, list[Hit]]) -> dict[str, list[Hit]]:
    """The roles less the running away, when the reply says the sender does not know where the
    child is ("fugiu de casa depois de uma discussão com o padrasto ... não sabemos onde está"):
    a child who ran away and is not found is missing first, as a safeguarding lead files it;
    the row it ran from is no second sign. Other signs ("he hits her") still tell harm."""
    # The sender not knowing, not the child not saying ("comes back with money and won't say
    # where from" is the child's secret, a sign in itself).
    if not pairs(found.get("dont_know", []), found.get("where", []), NEAR):
        return found
    return {role: hits for role, hits in found.items() if role != "runaway"}


def _kept_from_the_sender(found: dict[str, list[Hit]], not_back: Sequence[Hit]) -> bool:
    """Someone kept the child ("her dad kept her", "se la quedó", "apne paas rakh liya") and
    will not bring them back, told apart: a child kept from the sender. Keeping the child at
    home (`at_home` just beside: "I kept her home, she was sick", "dw i wedi'i chadw hi adre,
    dw i ddim am ei hanfon hi nôl") is the sender's own: nobody keeps the child from them."""
    homes = found.get("at_home", [])
    kept = [k for k in found.get("kept", [])
            if not any(0 <= gap(k, home) <= KEPT_HOME_NEAR for home in homes)]
    return any(k.end <= n.start or n.end <= k.start for k in kept for n in not_back)


def _not_where_they_said(found: dict[str, list[Hit]]) -> bool:
    """A night away told ("said she was staying at Chloe's", "went to a party", "nocuje u
    kolezanki") and then the host saying the child was never there ("Chloe's mum says she
    never turned up", "ma shafouha", "aayi hi nahi"); or the child's clothes or bag gone beside
    not being found ("kapor choppor loiya ... kunu jagat pairam na"): a missing child. A night
    away alone ("stayed at her friend's after the party, she's tired") is none."""
    not_there, belongings = found.get("not_there", []), found.get("belongings", [])
    return (pairs(found.get("stay_out", []), not_there, STAY_NEAR)
            or pairs(belongings, not_there, GONE_NEAR) or pairs(not_there, belongings, GONE_NEAR))


def missing_or_disputed(shape: Shape, urgent: Sequence[Hit]) -> Intent | None:
    """Which of the two a reply about an unaccounted-for child is, from its `urgent` phrases
    and its shape: missing (whereabouts unknown) when anything says the child is lost to the
    sender — not come home, nobody knows, not seen going in ("el hermano no lo vio entrar") —
    else a disputed school run when the run to school is told ("I took her to the gate
    myself ... where is she?", "kithe aa oh" after "gate te chhad ke gayi"). A question where
    the child is or a plea to look for it ("Unde e??", "please find him") says neither: it is
    what any worried parent asks; nor does a phone not answered. None: the phrases decide."""
    found = by_role(shape.roles)
    asking = [*found.get("where", []), *found.get("search", []), *found.get("wont_say", [])]
    # "¿Cómo que no llegó?", "Jak to nie dotarła?" (what do you mean she didn't arrive?): the
    # not arriving inside or just after the sender's disbelief is the school's news repeated,
    # not what the sender knows.
    disbelief = [hit for hit in urgent if hit.label == _DISPUTE]
    saw = found.get("saw", [])
    if (found.get("dont_know") or any(negated(shape, hit) for hit in saw)
            or any(hit.label == _WHEREABOUTS and not any(gap(hit, a) < 0 for a in asking)
                   and not any(gap(hit, d) <= 0 for d in disbelief) for hit in urgent)):
        return Intent.WHEREABOUTS_UNKNOWN
    if school_run_told(shape, found):
        return Intent.IN_SCHOOL_DISPUTE
    return None


def only_kept_away(shape: Shape, urgent: Sequence[Hit]) -> bool:
    """Whether the lexicon's safeguarding phrases in this reply all tell a child kept from the
    sender ("hasn't brought him back", "court order"): beside a place the sender cannot tell
    ("I've no idea where they've gone") the child is first of all missing, as a safeguarding
    lead files it; taken to a place the reply names, against the sender's wishes, stays
    safeguarding (the net reads no whereabouts there)."""
    kept = [r for r in shape.roles if r.label in (_NOT_BACK, _AGAINST_WILL)]
    told = [hit for hit in urgent if hit.label == _SAFEGUARDING]
    return bool(told) and all(any(gap(hit, k) < 0 for k in kept) for hit in told)


def without_accident_injuries(urgent: Sequence[Hit], roles: Sequence[Hit]) -> list[Hit]:
    """The urgent phrases left once a bruise the reply explains by an accident is set aside:
    "came off the trampoline, nothing broken, just badly bruised" is an injury, not harm."""
    if not _explained_by_accident(roles):
        return list(urgent)
    injuries = [role for role in roles if role.label == _INJURY]
    return [hit for hit in urgent
            if not any(i.start <= hit.start and hit.end <= i.end for i in injuries)]


def without_emergencies_over(urgent: Sequence[Hit], roles: Sequence[Hit],
                              reasons: Sequence[Hit], words: Sequence[str],
                              negations: Collection[str]) -> list[Hit]:
    """The urgent phrases left once a medical emergency the reply tells as over is set aside:
    a call to the emergency services (`emergency`: "999") beside an illness and the child
    recovered (`recovered`: "she's fine now", "hun theek aa", "ya está bien") is the illness
    ("we rang 999 last night for her croup, she's fine now"). The call alone ("999 last
    night", "we had to call 999"), or with no illness told, stays urgent, and so does every
    other urgent phrase beside it ("police came", "he hit her"): only the call is set aside.
    A recovery negated ("not better") is none. Phrases join words only a few apart; an
    emergency and its outcome are often a sentence apart, hence a rule."""
    calls = [r for r in roles if r.label == _EMERGENCY]
    # Something swallowed or drunk ("połknęła tabletki", "a înghițit pastile") may be an
    # overdose or a poisoning whatever the outcome: the call stays for a person.
    if not calls or any(r.label == _SWALLOWED for r in roles) or not any(
            h.label == _ILLNESS for h in reasons) or not any(
            r.label == _RECOVERED and not (r.start and words[r.start - 1] in negations)
            for r in roles):
        return list(urgent)
    return [hit for hit in urgent
            if not any(c.start <= hit.start and hit.end <= c.end for c in calls)]


def on_ordinary_objects(roles: Sequence[Hit]) -> list[Hit]:
    """The verbs that act on a thing, not on the child: giving back (`give_back`) a thing
    (`thing`, `thing_first`: "negrąžino bibliotekos knygų", "no devolvió los libros",
    "buugaagta ma soo celin") is no child kept, and cutting (`hurt`) hair or nails (`trim`,
    `trim_first`: "le van a cortar el pelo", "torri ei gwallt", "baal kaat") no cutting. The
    object stands a few words after the verb, or before it where the object comes first.
    After a taking told ("pasiėmė ją ir negrąžino, knygas irgi": took her and did not give
    her back, the books too) the giving back is the child's, whatever thing follows."""
    found = by_role(roles)
    taken = [hit.end for hit in found.get("moved", [])]
    giving_back = [verb for verb in found.get("give_back", [])
                   if not any(end <= verb.start for end in taken)]
    return [*_acting_on(giving_back, found.get("thing", []), found.get("thing_first", [])),
            *_acting_on(found.get("hurt", []), found.get("trim", []), found.get("trim_first", []))]


def _acting_on(verbs: Sequence[Hit], after: Sequence[Hit], before: Sequence[Hit]) -> list[Hit]:
    """The verbs with their object a few words after them, or, in a language that puts the
    object first (`thing_first`, `trim_first`: "buugga ma soo celin", "baal kaat"), a few
    words before: a thing on the other side starts another clause ("ma soo celin,
    telefoonka ayuu haystaa": did not bring her back, he has the phone)."""
    return [verb for verb in verbs if any(
        0 <= thing.start - verb.end <= OBJECT_NEAR for thing in after) or any(
        0 <= verb.start - thing.end <= OBJECT_NEAR for thing in before)]


def without_fled_things(hits: Sequence[Hit], roles: Sequence[Hit]) -> list[Hit]:
    """The hits left once running away from a thing is set aside: "ran away from a dog and
    fell", "uciekała przed psem", "kutte se bhaag gaya" tell an accident, not a child who left
    home."""
    fled = flights(roles)
    return [hit for hit in hits if not any(gap(hit, flight) < 0 for flight in fled)]


def flights(roles: Sequence[Hit]) -> list[Hit]:
    """The verbs of fleeing (`flee`) with an animal or an insect (`fled`) a few words either
    side; not one the child took along ("ran away with the dog": `along` between)."""
    fled = [r for r in roles if r.label == _FLED]
    if not fled:
        return []
    along = [r for r in roles if r.label == _ALONG]
    return [r for r in roles if r.label == _FLEE and any(
        gap(r, thing) <= FLED_NEAR and not any(
            min(r.end, thing.end) <= a.start and a.end <= max(r.start, thing.start)
            for a in along) for thing in fled)]


def explained_injuries(roles: Sequence[Hit]) -> list[Hit]:
    """The bruise words an accident the reply tells explains ("came off his bike ... a big
    bruise"): no sign of harm, and no misspelling of one ("bruise" is no "bruised")."""
    if not _explained_by_accident(roles):
        return []
    return [role for role in roles if role.label == _INJURY]


def _explained_by_accident(roles: Sequence[Hit]) -> bool:
    """The reply tells an accident itself: not only the child's own account of one ("he says
    he fell", "wuxuu yiri wuu dhacay"), which beside bruises is a sign to hear, no answer."""
    said = [role for role in roles if role.label == _SAID]
    return any(role.label == _ACCIDENT and not any(0 <= role.start - s.end <= SAID_NEAR
                                                    for s in said) for role in roles)


def _hurting_on_and_on(found: dict[str, list[Hit]], hurting: Sequence[Hit]) -> bool:
    """Hurting or cutting oneself told as something that goes on (`ongoing` a few words either
    side: "anda a cortar-se", "khud ko kaat rahi hai", "znowu się tnie"): self-harm, no wish
    needed. Beside an accident ("hurt himself at football again") it is the accident."""
    ongoing = found.get("ongoing", [])
    return not found.get("accident") and any(
        0 <= gap(verb, on) <= ONGOING_NEAR for verb in hurting for on in ongoing)


def _forced(found: dict[str, list[Hit]]) -> bool:
    """A marriage for the child, or being sent abroad, and someone unwilling: the child does
    not want it, is forced, is afraid, or the sender objects. A wedding the family goes to is
    no `marriage` word, so "going to Pakistan for a wedding" stays a holiday."""
    unwilling = found.get("unwilling") or found.get("against_will")
    return bool(unwilling and found.get("abroad")) or bool(
        found.get("marriage") and (unwilling or found.get("fear")))


def _sent_away(found: dict[str, list[Hit]]) -> bool:
    """A child taken or sent away ("been taken abroad", "sent him to live with relatives",
    "left the country with her dad", "don't send any more texts") and not coming back ("she
    won't be back", "wapas nahi aayegi"), either order: missing education, with no school to go
    to. A trip abroad with a day back, or a move with its new school, has no `no_return`."""
    away, gone = found.get("sent_away", []), found.get("no_return", [])
    return pairs(away, gone, AWAY_NEAR) or pairs(gone, away, AWAY_NEAR)


def _kept_for_honour(found: dict[str, list[Hit]]) -> bool:
    """A girl kept in or cut off (`kept_in`: "took her phone", "not allowed out") for the
    family's name (`honour`: "because of a boy", "her brothers watch her"), in other words: a
    phone taken from a teenager who stayed up all night and "grounded" is no honour word."""
    honour = found.get("honour", [])
    return any(k.end <= h.start or h.end <= k.start
               for k in found.get("kept_in", []) for h in honour)


def _cutting(found: dict[str, list[Hit]]) -> bool:
    """FGM: named outright ("khitan for her", "gudniinteeda", "تطهيرها"), or said indirectly
    ("purify her", "the cutting") beside the girls' rite or tradition ("like the other girls").
    "Clean her room", "cut her hair" and a family ceremony alone are no `fgm` or `purify` word."""
    return bool(found.get("fgm")) or bool(found.get("purify") and found.get("rite"))


def _disclosed(shape: Shape, found: dict[str, list[Hit]], *, lone: bool) -> bool:
    """A secret kept with the child, or two signs of harm in different words ("alone all
    weekend" and "no food" are two; one, in a long reply nothing else explains, when `lone`).
    A negated sign ("not hungry") is no sign."""
    # A negation inside a sign's own phrase is part of it ("no food", "nie wiem co robić",
    # "not to tell anyone"): only one just before it negates it.
    # "sorry for not telling you" / "sori am beidio deud" is the sender's apology, no secret.
    sorry = found.get("sorry", [])
    if any(not negated(shape, hit, inside=False)
           and not any(0 <= hit.start - own.end <= 1 for own in sorry)
           for hit in found.get("secret", [])):
        return True
    # A negation inside the sign before is that sign's ("cunto ma haysanno, kuleyl ma jiro":
    # no food, no heating), never a negation of the next.
    told = {i for kind in SIGNS for hit in found.get(kind, []) for i in range(hit.start, hit.end)}
    # A bruise beside a fall or a game is the injury of an accident the reply tells ("came off
    # the trampoline ... badly bruised"), not a sign of harm.
    # A bruise word another role also reads as violence ("moretón", "siniak", "mėlynė") is the
    # same injury: set aside with it.
    injuries = found.get("injury", []) if _explained_by_accident(
        [*found.get("accident", []), *found.get("said", [])]) else []
    kinds = [k for k in SIGNS if not (k == "injury" and injuries)]
    signs = _without_cries_of_pain(shape, found, [
        hit for kind in kinds for hit in found.get(kind, [])
        if not negated(shape, hit, inside=False, told=told)
        and not any(i.start <= hit.start and hit.end <= i.end for i in injuries)])
    # The sender's distress alone ("crying every morning, I don't know what to do") is no
    # disclosure: at least one sign must be about what happens to the child. But a long reply
    # the bot cannot read that asks for help is for a person at once: what it asks help with
    # is what the bot could not read.
    if lone:
        return shape.long_unread and any(
            (hit.label not in _DISTRESS and hit.label != _OUTCRY) or hit.label == _HELP
            for hit in signs)
    # A child's scream is heard beside what happens to them ("screams if he tries to bath
    # her"), never beside the sender's distress alone (a tantrum at the school gate).
    return any((a.end <= b.start or b.end <= a.start) and a.label not in _DISTRESS
               and not (a.label in (_CONTACT, _OUTCRY) and b.label in _DISTRESS)
               and shape.words[a.start:a.end] != shape.words[b.start:b.end]
               for a in signs for b in signs)


def _without_cries_of_pain(shape: Shape, found: dict[str, list[Hit]],
                           signs: list[Hit]) -> list[Hit]:
    """The signs left once a scream or a cry (`outcry`: "screaming", "cheekan", "țipa") beside
    an illness the reply tells is set aside: "up all night with her ear, proper screaming" is the
    child's pain, no violence. A scream at someone ("screaming at her") is no bare outcry, and
    beside another sign of harm ("drinking and screaming") the scream is heard as before."""
    cries = {(c.start, c.end) for c in found.get("outcry", [])}
    if not cries or not any(h.label == _ILLNESS for h in shape.reason_hits):
        return signs
    pains = [s for s in signs if (s.start, s.end) in cries]
    others = [s for s in signs if s not in pains and s.label not in _DISTRESS]
    return signs if others or not pains else [s for s in signs if s not in pains]


def distressed(shape: Shape) -> bool:
    """The writer's own distress or low mood ("i keep crying", "really struggling", "no paro de
    llorar"), not negated: from a student writing about themselves, for a person to read."""
    found = by_role(shape.roles)
    # Only the word just before negates: "ma imanayo, waan murugaysanahay" (not coming, I am
    # sad) is a negated coming and a sadness, in a reply whose commas are gone.
    return any(hit.start == 0 or shape.words[hit.start - 1] not in shape.negations
               for hit in (*found.get("distress", []), *found.get("low_mood", [])))


def asks_about_child(shape: Shape) -> bool:
    """Whether the reply asks a question about the child (a person should answer it)."""
    found = by_role(shape.roles)
    opens = [h for h in found.get("question", []) + found.get("where", []) if h.start == 0]
    if not (shape.asks or opens):
        return False
    # "co się z nią stało?", "¿qué le pasó?": a word for the child that is never the one a
    # "where" asks about ("¿dónde le llevo el justificante?") is `about`, not `child`.
    return bool(found.get("child") or found.get("about") or shape.child_positions)


def asks_where_the_child_is(shape: Shape) -> bool:
    """The reply asks where the child is ("gdzie ona jest??", "where is he")."""
    return _asks_where_the_child_is(shape, by_role(shape.roles).get("where", []))


def _asks_where_the_child_is(shape: Shape, where: Sequence[Hit]) -> bool:
    """ "where" then the child within a few words: a question, unless it is plainly a relative
    clause beside an ordinary reason ("at the hospital where she has her op")."""
    if not where or (shape.reason_named and not shape.asks):
        return False
    children = [h.start for h in by_role(shape.roles).get("child", [])]
    children += list(shape.child_positions)
    return any(0 <= child - w.end <= NEAR for w in where for child in children)


def _to_oneself(verbs: Sequence[Hit], selves: Sequence[Hit]) -> list[Hit]:
    """The verbs done to oneself: a reflexive ends at most SELF_NEAR words before the verb or
    starts right after it (a verb with the reflexive inside it is a `death` word)."""
    return [verb for verb in verbs if any(
        0 <= verb.start - own.end <= SELF_NEAR or own.start == verb.end for own in selves)]
