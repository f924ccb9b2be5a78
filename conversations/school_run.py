"""The school run told in a reply: the child went, was taken or was seen going to school today
and is marked absent (a disputed school run, urgent), or the run is one the reply sets aside —
another day's or a habit's beside today's reason, a plan for later, a place that is not school,
a child not brought back *to school* after an appointment."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from conversations.matching import Hit
from conversations.policy import REASON_INTENTS
from conversations.reply_shape import ROLE, Shape, by_role, gap, negated
from conversations.types import Intent

TO_SCHOOL_NEAR = 5  # words between "took/went" and "to school", either side (SOV languages)
_WAY_NEAR = 2  # "bajarse del autobús": the bus a verb of going took, not a reason
MYSELF_NEAR = 3  # words between "took" and "myself": "I took [her in] myself"
_PLACE_AFTER = 3  # words between "dropped her off" and the place: "at [the] dentist"
_BACK_TO_SCHOOL = 2  # words between "won't bring her back" and "to school"
OTHER_DAY_NEAR = 4  # "ayer [la llevamos] al colegio": another day's word before the run
_LATER_AFTER_THE_RUN = 3  # "lo llevo al cole [después]": the later word after the school run
_HABITUAL = ROLE + "habitual"
_RELATIVE = ROLE + "relative"
_REASON_LABELS = frozenset(i.value for i in REASON_INTENTS)
_TO_SCHOOL, _NOT_BACK = ROLE + "to_school", ROLE + "not_back"
_TRANSPORT, _DISPUTE = Intent.TRANSPORT.value, Intent.IN_SCHOOL_DISPUTE.value
_SAFEGUARDING = Intent.SAFEGUARDING.value
PAPER_NEAR = 4  # "the letter [went in]", "chithi [gota shoptahe school e] gese": a paper, its going
_PAPER, _MOVED, _CHILD = ROLE + "paper", ROLE + "moved", ROLE + "child"


def school_run_told(shape: Shape, found: dict[str, list[Hit]]) -> bool:
    """The child went or was taken to school, or was seen going in, and did not come back."""
    moved, to_school = found.get("moved", []), found.get("to_school", [])
    return not (shape.cancelled or (shape.in_later and shape.reason_named)) and (
        _went_to_school(shape, moved, to_school)
        or _saw_them_go(shape, found.get("saw", []), moved, to_school)
        or _took_them_myself(shape, found))


def _took_them_myself(shape: Shape, found: dict[str, list[Hit]]) -> bool:
    """ "but I dropped her off myself!", "ond es i â hi fy hun!", "main khud chhod ke aayi
    thi": a school run the sender did in person (`myself` beside a verb of taking), the place
    left unsaid in a reply to an absence text; not beside an ordinary reason (that is where
    the child was taken), a plan, or a child not brought back."""
    if shape.reason_named:
        return False
    plans = [*found.get("plan", []), *found.get("not_back", [])]
    return any(gap(verb, me) <= MYSELF_NEAR
               for verb in found.get("moved", []) for me in found.get("myself", [])
               if not negated(shape, verb) and not about_a_present_child(shape, verb)
               and not any(p.start <= verb.start and verb.end <= p.end for p in plans))


def _went_to_school(shape: Shape, moved: Sequence[Hit], to_school: Sequence[Hit]) -> bool:
    # "school" inside a longer reason ("school trip", "school bus didn't come") is not a place.
    to_school = [p for p in to_school if not any(
        r.start <= p.start and p.end <= r.end and r.end - r.start > p.end - p.start
        for r in shape.reason_hits)]
    found = by_role(shape.roles)
    not_going = found.get("not_going", [])
    # The school run still to come ("lo llevo a la escuela como a las 10:30", "I'll drop him
    # in after"): the child has not gone, so there is nothing to dispute.
    # Nor is a child not brought back ("hasn't brought her back to school yet"), nor a going
    # the child fears or refuses ("doesn't feel safe walking to school", "refuses to go in").
    plans = [*found.get("plan", []), *found.get("not_back", [])]
    unwilling = [*found.get("fear", []), *found.get("unwilling", [])]
    for verb in moved:
        if negated(shape, verb) or about_a_present_child(shape, verb) or any(
                plan.start <= verb.start and verb.end <= plan.end for plan in plans) or any(
                0 <= verb.start - u.end <= 1 for u in unwilling):
            continue
        # A verb's place is the one nearest it: "chokher daktar er kache niye gese, aj ar school
        # e jabe na" took him to the eye doctor; school is where he won't go. "Took" inside
        # "taken away" is measured as the whole phrase; a bus or a car is the way the child
        # went, never the place ("fue en el bus al colegio").
        span = max((h for h in moved if h.start <= verb.start and verb.end <= h.end),
                   key=lambda h: h.end - h.start)
        for place in to_school:
            if _not_going_there(place, not_going) or _negated_between(
                    shape, span, place) or _another_days_run(
                    shape, verb, place) or _school_run_after_a_reason(
                    shape, place.start) or any(
                    gap(reason, span) <= gap(place, span) for reason in shape.reason_hits
                    if reason.label != _TRANSPORT):
                continue
            # Either side: Urdu, Bengali, Punjabi and Somali name the place before the verb,
            # and a verb phrase may hold the place itself ("school gayi").
            if gap(place, verb) <= TO_SCHOOL_NEAR:
                return True
    return False


def _negated_between(shape: Shape, verb: Hit, place: Hit) -> bool:
    """ "Aeth hi ddim i'r ysgol" (she did not go to school), "dugsiga ma aadin": a negation
    between the verb of going and the school, on whichever side the language puts it, is a
    going that did not happen. The reply's own language's negation: English "no" is Portuguese
    "in the" ("o pus no autocarro da escola")."""
    start, end = min(verb.end, place.end), max(verb.start, place.start)
    return any(word in shape.own_negations for word in shape.words[start:end])


def _another_days_run(shape: Shape, verb: Hit, place: Hit) -> bool:
    """ "ayer la llevamos al colegio pero hoy tiene fiebre", "her dad normally drops her at the
    gate but she's got a temperature", "kal usay school chhod kar aaye the lekin aaj bukhar
    hai": a school run of another day (`other_days`) or of habit (`habitual`), beside an
    ordinary reason for today, is no dispute."""
    start, end = min(verb.start, place.start), max(verb.end, place.end)
    return shape.reason_named and _told_of_another_day(
        start, end, shape.roles, shape.other_days, shape.todays)


def without_back_to_school(hits: Sequence[Hit], roles: Sequence[Hit]) -> list[Hit]:
    """Not bringing the child back (the lexicon's abduction phrases, "hasn't brought her back",
    and the `not_back` role) set aside where it is back to school ("... back to school yet",
    "não a traz de volta à escola"): an appointment running on, not a child kept away."""
    places = [r for r in roles if r.label == _TO_SCHOOL]
    to_school = [r for r in roles if r.label == _NOT_BACK and any(
        0 <= place.start - r.end <= _BACK_TO_SCHOOL for place in places)]
    return [hit for hit in hits if hit.label not in (_SAFEGUARDING, _NOT_BACK)
            or not any(gap(hit, back) < 0 for back in to_school)]


def without_papers_sent(hits: Sequence[Hit], roles: Sequence[Hit],
                        children: Collection[int]) -> list[Hit]:
    """The school-run phrases and verbs of going whose subject is a paper set aside: "the
    letter went in last week", "chithi gota shoptahe school e gese", "الرسالة وصلت المدرسة": a
    letter, a note or a form (`paper`) went to school, not the child. Only the first going after
    the paper is its own ("the note went in and I dropped her at the gate" still tells a run),
    and none across a word for the child ("gave her the note and she went")."""
    papers = [r for r in roles if r.label == _PAPER]
    goings = [h for h in hits if h.label in (_DISPUTE, _MOVED)]
    if not papers or not goings:
        return list(hits)
    kids = {r.start for r in roles if r.label == _CHILD} | set(children)
    sent: list[Hit] = []
    for paper in papers:
        after = [g for g in goings if 0 <= g.start - paper.end <= PAPER_NEAR
                 and not any(paper.end <= kid < g.start for kid in kids)]
        if after:
            first = min(after, key=lambda g: (g.start, -g.end))
            sent += [g for g in after if gap(g, first) < 0]
    return [hit for hit in hits if hit not in sent]


def without_runs_elsewhere(hits: Sequence[Hit], roles: Sequence[Hit]) -> list[Hit]:
    """The lexicon's school-run phrases ("dropped her off") set aside when the place just after
    is another one — an ordinary reason's ("at the dentist") or a relative's ("at her nan's") —
    and no school place follows: the child was taken there, not to school."""
    reasons = [h for h in hits if h.label in _REASON_LABELS and h.label != _TRANSPORT]
    elsewhere = [*reasons, *(r for r in roles if r.label == _RELATIVE)]
    places = [r for r in roles if r.label == _TO_SCHOOL]
    return [hit for hit in hits if hit.label != _DISPUTE or not any(
        0 <= other.start - hit.end <= _PLACE_AFTER for other in elsewhere) or any(
        0 <= place.start - hit.end <= _PLACE_AFTER for place in places)]


def without_other_days_runs(hits: Sequence[Hit], roles: Sequence[Hit],
                            other_days: Collection[int], todays: Collection[int], *,
                            reason_named: bool) -> list[Hit]:
    """The lexicon's school-run phrases ("dropped her at the gate") told of another day or of
    habit beside an ordinary reason for today set aside, as the net sets its own aside."""
    if not reason_named:
        return list(hits)
    return [hit for hit in hits if hit.label != _DISPUTE
            or not _told_of_another_day(hit.start, hit.end, roles, other_days, todays)]


def _told_of_another_day(start: int, end: int, roles: Sequence[Hit],
                         other_days: Collection[int], todays: Collection[int]) -> bool:
    """A word for another day or for habit just before the run or inside it, and no word for
    today between ("kal bukhar tha, aaj school chhod ke aayi" is today's run)."""
    times = [*other_days, *(h.start for h in roles if h.label == _HABITUAL)]
    return any(start - OTHER_DAY_NEAR <= pos < end
               and not any(pos < today < start for today in todays) for pos in times)


def _not_going_there(place: Hit, not_going: Sequence[Hit]) -> bool:
    """ "aaj school nahi jayegi", "school e jabe na": where a verb-final language puts the
    negated going after the place, school is where the child will not go."""
    return any(0 <= hit.start - place.end <= 1 for hit in not_going)


def _school_run_after_a_reason(shape: Shape, position: int) -> bool:
    """ "took him to the doctor, then I'll drop him at school", "levei ao médico e depois
    deixei na escola", "dentista a las 9:15, lo llevo al cole después": the school run told
    after an ordinary reason with a word for later before it or just after it is the plan
    for the day, not a dispute (one told first, "dropped her at school, then went to the
    doctor", still is)."""
    return any(reason.end <= later < position or (
        reason.end <= position and 0 < later - position <= _LATER_AFTER_THE_RUN)
        for reason in shape.reason_hits for later in shape.later_positions)


def _saw_them_go(shape: Shape, saw: Sequence[Hit], moved: Sequence[Hit],
                 to_school: Sequence[Hit]) -> bool:
    """ "I saw him get on the bus", "l-am văzut intrând pe poartă": the sender watched the child
    set off or go in, unless the reply is plainly about an ordinary reason. The bus the child
    was seen getting off (or on) is the way it went, not a reason: the bus inside the going
    ("saw him get off the bus") or just beside a verb of going ("la vio bajarse del autobús",
    "bus se utarte dekha"); a bus only seen ("saw the school bus go past") is one, and no
    place the child went."""
    buses = [r for r in shape.reason_hits if r.label == _TRANSPORT]
    going = [*moved, *(p for p in to_school if not any(gap(p, bus) < 0 for bus in buses))]
    own = [r for r in shape.reason_hits
           if not any(r.start < g.end and g.start < r.end for g in going)
           and not (r.label == _TRANSPORT and any(gap(r, verb) <= _WAY_NEAR for verb in moved))]
    if not saw or (shape.reason_named and not shape.asks
                   and (own or not shape.reason_hits)):
        return False
    return any(max(g.start - s.end, s.start - g.end) <= TO_SCHOOL_NEAR
               for s in saw for g in going if not negated(shape, g)
               and not about_a_present_child(shape, g))


def about_a_present_child(shape: Shape, verb: Hit) -> bool:
    """The child named nearest the verb is one the register has present today."""
    named = list(shape.child_positions)
    if not named or not shape.present_positions:
        return False
    nearest = min(named, key=lambda pos: abs(pos - verb.start))
    return nearest in shape.present_positions
