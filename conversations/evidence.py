"""Which phrases found in a reply are evidence of what it means, and which only look it.

A sibling the register has present, and words that look like another reason beside the
ordinary one they belong to, are set aside before the reply's intent is decided.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date

from conversations import children, daytimes
from conversations.lexicon import DATE
from conversations.matching import Hit
from conversations.policy import REASON_INTENTS
from conversations.sessions import PRESENT_CODES
from conversations.types import Intent, LanguageLexicon, StudentFact

_DISPUTE = Intent.IN_SCHOOL_DISPUTE.value
_MOVED = Intent.MOVED_AWAY.value
_UNTIL = frozenset({DATE + "until", DATE + "break_before"})
_FAMILY = Intent.FAMILY_CIRCUMSTANCES.value
_HEALTH_LABELS = frozenset({Intent.ILLNESS.value, Intent.MEDICAL_APPOINTMENT.value})
_COMING_IN = frozenset({DATE + "back", DATE + "back_after"})
_ARRIVE = DATE + "arrive"  # "taking him to school", "la llevo a la escuela"
_PLAN = "role:plan"  # "I'll drop him", "la llevaré", "zawiozę go": a school run ahead
_BOUNDED = frozenset(DATE + key for key in ("today", "tomorrow", "all_week", "until",
                                            "until_after", "next_week", "school_break"))
# Right beside "not coming any more", a half day or a bound is one too ("po pietų nebegrįš");
# alone in the reply ("Good afternoon, we moved to Leeds") it bounds nothing.
_BESIDE = _BOUNDED | frozenset(DATE + key for key in ("afternoon", "morning", "break_before",
                                                      "break_after", "present_pm"))
_PLAN_WITHIN = 3  # "be in [for about] 11ish"
_OWN_REASON = 3  # a weight that makes a family word a reason beside a health one
_RELATIVE_NEAR = 3  # "my mum [is in hospital,] very poorly"
_LINK_LETTERS = 3  # "avó [da] Amy", "abuela [de] Amy", "bunica [lui] Amy": whose relative
_RELATIVE = "role:relative"
_CHILD = "role:child"
_DOCTOR, _DOCTOR_COMES = "role:visiting_doctor", "role:doctor_comes"
_DOCTOR_TO_VERB = 4  # "the doctor [is] coming", "doctor [dopahar ko ghar] aayega"
_VISIT_TIME_AFTER = 4  # "viene [por la] tarde", "is coming [to see her] this afternoon"
# The words of when, and of coming in, that a doctor's visit may own.
_VISIT_TIMES = frozenset(DATE + key for key in ("afternoon", "present_pm", "morning", "later",
                                                "midday", "back", "back_after", "arrive"))
_TAKING = frozenset({"role:moved", "role:along"})  # "took", "zabrała", "أخذه", "niye gese"
_ILLNESS = Intent.ILLNESS.value
_MEDICAL = Intent.MEDICAL_APPOINTMENT.value
_HOLIDAY = Intent.HOLIDAY.value
_VISIT = "role:visit"  # visiting someone: "to see him", "odwiedzić", "لزيارته"
_AHEAD_BESIDE = 2  # "tomorrow [she'll be in] as usual"
_TOMORROW = DATE + "tomorrow"
_DESTINATION_WITHIN = 3  # "zawiozłam [go do] lekarza": where the taking went
_REASON_LABELS = frozenset(i.value for i in REASON_INTENTS) - {Intent.LATE_OTHER.value}
_LATER = frozenset(DATE + key for key in ("later", "afternoon", "present_pm"))
_ACTIVITY = Intent.SCHOOL_ACTIVITY.value
_WHERE_HURT = 3  # "cyfergyd [yn y] gêm", "złamał rękę [na] meczu": the game is where
_TRANSPORT = Intent.TRANSPORT.value
_ACCIDENT = "role:accident"  # "fell", "rugby", "rygbi", "nukrito": an accident told
_INJURED = "role:injured"  # "broke", "złamana", "se lo rompió", "toot gaya"
_SCHOOL_BREAK = DATE + "school_break"  # "wakacje", "half term", "vacaciones": a time of year
_PLAIN_HEALTH = 2  # "asthma review", "eye test at the hospital": a health reason said plainly
_WHEN_SEEN = 4  # "apwyntiad [efo'r meddyg am] 5 heno": the appointment's own time
_INTRO, _INTRO_AFTER = "role:intro", "role:intro_after"
_NOT_THE_WRITER = frozenset({"role:of_child", _RELATIVE})
_OF_CHILD_WITHIN = 2  # "Amy['s] mum", "main Amy ko": right after the name


def present_positions(mentions: Sequence[children.Mention], students: Sequence[StudentFact],
                      today: date | None) -> list[int]:
    """Where the reply names a child whose register today shows present and nothing open."""
    if today is None:
        return []
    present = {s.student_id for s in students
               if any(m.day == today and m.code in PRESENT_CODES for m in s.marks)
               and not any(m.day == today and m.code not in PRESENT_CODES for m in s.marks)}
    return [m.position for m in mentions if m.student_id in present]


def not_about_present_children(hits: list[Hit], mentions: Sequence[children.Mention],
                               present: Sequence[int]) -> list[Hit]:
    """ "Jayden went in as normal, he got the bus" about a sibling the register has present is
    no dispute, and the words inside it are no reason (the bus is how he went, not why anyone
    is out): such a hit, and every hit within it, is dropped when the child named nearest it
    is present."""
    if not present:
        return hits
    def about_present(hit: Hit) -> bool:
        nearest = min(mentions, key=lambda m: abs(m.position - hit.start)).position
        return nearest in present
    gone = [h for h in hits if h.label == _DISPUTE and about_present(h)]
    return [h for h in hits if h not in gone and not any(
        g.start <= h.start and h.end <= g.end for g in gone)]


def ordinary_readings(hits: list[Hit], words: Sequence[str],
                      langs: Sequence[LanguageLexicon]) -> list[Hit]:
    """Words that look like something else beside the ordinary reason they belong to:

    - "he should be in for about 11ish", "she'll be in after": a plan to come in later, not a
      dispute (a dispute phrase that is a coming-in phrase, with a later moment just after);
      so is "taking him to school after lunch", "dropping her at school about 1.30" (a word of
      coming in, `arrive`, with the afternoon just after: never a morning time, which is the
      morning's drop-off);
    - "took him to the doctor, then I'll drop him at school", "levei ao médico e depois
      deixei na escola": the school run told after an ordinary reason and a word for later is
      the day's plan, not a dispute (told first, "dropped her at school, then went to the
      doctor", it still is), and so is a verb of taking whose destination is the reason
      ("zawiozłam go do lekarza", "nuvežiau jį pas gydytoją": I drove him to the doctor);
    - "tomorrow as usual", "berri sidii caadiga ah": a day ahead beside "as usual" is a
      return, not a dispute ("she went in as usual");
    - "nu mai vine la școală azi", "no longer coming this week", "nu se mai întoarce azi",
      "nu se mai întoarce după-amiază", "po pietų nebegrįš", "ya no va hasta después de las
      vacaciones": a weak "not coming any more" with a bounded day, half day or school break,
      or any with it right beside it, is an absence, not a move away;
    - "emergency dentist", "ਐਮਰਜੈਂਸੀ ਡੈਂਟਿਸਟ": a family word right beside a health one
      describes the appointment, it is no family circumstance;
    - "concussion at the match", "cyfergyd yn y gêm rygbi", "torceu o pé no jogo": a weak
      word of a game beside an illness or injury is where it happened, not an activity; and
      "złamana w wakacje", "broke it in the holidays": a school break beside it is when;
    - "a temperature, GP appointment at 4pm", "gwres, apwyntiad efo'r meddyg heno", "febre,
      consulta às 17h": an appointment after the school day is not why the child is out
      today: the illness told with it is;
    - "his asthma review at the Royal and with the traffic ...": one weak word of travel
      ("traffic", "bus") beside a health reason said plainly is how the day went, not a
      second reason ("the car broke down" still is one).
    """
    labels = {h.label for h in hits}
    dates_named = bool(labels & _BOUNDED)
    health = [h for h in hits if h.label in _HEALTH_LABELS]
    comings = [h for h in hits if h.label in _COMING_IN]
    reasons = [h for h in hits if h.label in _REASON_LABELS]
    ahead = [h for h in hits if h.label == _TOMORROW]
    afterwards = [h.start for h in hits if h.label in _LATER]
    date_hits = [Hit(h.label[len(DATE):], h.start, h.end, h.weight) for h in hits
                 if h.label.startswith(DATE)]
    later = (daytimes.later_starts(words, date_hits, langs)
             if comings and _DISPUTE in labels else frozenset())
    arrivals = [h for h in hits if h.label == _ARRIVE]
    afternoon = (daytimes.afternoon_starts(words, date_hits, langs)
                 if arrivals and _DISPUTE in labels else frozenset())
    # "orthodontist at 9.20, I'll drop him off for about 10.30": a drop-off the sender plans
    # (`plan`, never "I dropped him at 10.30") for late in the morning, beside a health
    # reason, is coming in late after it.
    late_drop = (daytimes.late_morning_starts(words, date_hits, langs)
                 if arrivals and health and _DISPUTE in labels else frozenset())
    plans = [h for h in hits if h.label == _PLAN]
    ill = sum(h.weight for h in health if h.label == _ILLNESS) >= 1
    breaks_named = [h for h in hits if h.label == _SCHOOL_BREAK]
    accidents = [h for h in hits if h.label == _ACCIDENT]
    injuries = [h for h in hits if h.label == _INJURED
                or (h.label == _ILLNESS and h.weight >= 1)] if breaks_named else []
    after_school = (daytimes.after_school_starts(
        words, [Hit(h.label[len(DATE):], h.start, h.end, h.weight)
                for h in hits if h.label.startswith(DATE)], langs)
        if ill and any(h.label == _MEDICAL for h in health) else frozenset())

    days = {word for lex in langs for group in (*lex.weekdays, *lex.months) for word in group}

    def ordinary(hit: Hit) -> bool:
        if hit.label == _DISPUTE:
            return (any(abs(hit.start - d.end) <= _AHEAD_BESIDE
                        or abs(d.start - hit.end) <= _AHEAD_BESIDE for d in ahead)
                    or any(_overlaps(hit, [c]) and any(0 <= x - c.end <= _PLAN_WITHIN
                                                       for x in later) for c in comings)
                    or any(_overlaps(hit, [a]) and any(0 <= x - a.end <= _PLAN_WITHIN
                                                       for x in afternoon) for a in arrivals)
                    or (any(_overlaps(hit, [p]) for p in plans) and any(
                        _overlaps(hit, [a]) and any(0 <= x - a.end <= _PLAN_WITHIN
                                                    for x in late_drop) for a in arrivals))
                    or any(r.end <= x < hit.start for r in reasons for x in afterwards)
                    or (hit.end - hit.start == 1 and any(
                        0 <= r.start - hit.end <= _DESTINATION_WITHIN for r in reasons)))
        if hit.label == _MOVED:
            # ... or overlapping it: "nu mai vine după-amiază" holds "vine după-amiază".
            return (dates_named and hit.weight <= 1) or any(
                h.label in _BESIDE and (h.start == hit.end or h.end == hit.start
                                        or (h.start < hit.end and hit.start < h.end))
                and _a_bound(h, hits, words, days) for h in hits)
        if hit.label == _HOLIDAY:
            # "złamana w wakacje", "broke it in the summer holidays", "se lo rompió en
            # vacaciones": a school break beside an injury (a word of breaking, or an
            # illness) is when it happened, not a holiday taken now.
            spans = [b for b in breaks_named if b.start <= hit.start and hit.end <= b.end]
            return any(0 <= b.start - h.end < _WHERE_HURT or 0 <= h.start - b.end < _WHERE_HURT
                       for b in spans for h in injuries)
        if hit.label == _ACTIVITY and hit.weight <= 1:
            # "a knock in the rugby game ... huge bruise": a game word told as the accident
            # (`accident`: "rugby", "rygbi", "mecz") is where it happened, however far the
            # injury is told from it.
            return any(h.label == _ILLNESS and h.weight >= 1 and (
                0 <= hit.start - h.end < _WHERE_HURT or 0 <= h.start - hit.end < _WHERE_HURT)
                for h in health) or (ill and any(
                    a.start < hit.end + _WHERE_HURT and hit.start < a.end + _WHERE_HURT
                    for a in accidents))
        if hit.label == _MEDICAL and after_school:
            return any(-_WHEN_SEEN <= x - hit.start <= _WHEN_SEEN for x in after_school)
        if hit.label == _TRANSPORT:
            return (hit.end - hit.start == 1 and hit.weight <= 1
                    and sum(h.weight for h in health) >= _PLAIN_HEALTH)
        if hit.label == _FAMILY:  # a strong word ("embassy") is a reason of its own
            return hit.end - hit.start == 1 and hit.weight < _OWN_REASON and any(
                h.start == hit.end or h.end == hit.start for h in health)
        return False
    return [h for h in hits if not ordinary(h)]


def relatives_illness(hits: list[Hit], mentions: Sequence[children.Mention],
                      words: Sequence[str]) -> list[Hit]:
    """ "amar abba khub osustho", "my mum is in hospital and very poorly", "meri ammi bimar
    hain", "jedziemy do szpitala do dziadka": an illness or a hospital told just after (or
    just before) a relative of the sender's ("my mum", "her nan") is the relative's, a family
    circumstance, unless the child is named or meant between them ("her nan says she is
    poorly"). Beside a visit ("went to see him", "odwiedzić", "booqanno"), every hospital or
    appointment in the reply is the relative's: the family is visiting, the child is not the
    patient."""
    relatives = [h for h in hits if h.label == _RELATIVE]
    if not relatives:
        return hits
    # "Babcia Amy", "a avó da Amy", "جدة ايمي": a name right after the relative is whose
    # relative it is (Amy's grandmother), not the child told about.
    owners = {m.position for m in mentions for r in relatives
              if m.position == r.end or (m.position == r.end + 1
                                         and len(words[r.end]) <= _LINK_LETTERS)}
    # "جدته أخذه عالمستشفى" (his grandmother took him to hospital), "babcia zabrała ją do
    # szpitala": the relative's own verb of taking, one word right after them, carries the
    # child there, so the visit is the child's ("my mum was taken to hospital", "a mi madre
    # la llevaron al hospital" are still hers).
    about_child = [m.position for m in mentions if m.position not in owners] + [
        h.start for h in hits if h.label == _CHILD] + [
        h.start for h in hits if h.label in _TAKING and h.end - h.start == 1
        and any(r.end == h.start for r in relatives)]
    visiting = any(h.label == _VISIT for h in hits)

    def between(a: int, b: int) -> bool:
        return any(a <= c < b for c in about_child)

    def theirs(hit: Hit) -> bool:
        if hit.label not in _HEALTH_LABELS:
            return False
        if visiting and hit.label == _MEDICAL:
            return True
        return any((0 <= hit.start - r.end <= _RELATIVE_NEAR and not between(r.end, hit.start))
                   or (hit.label == _MEDICAL and 0 <= r.start - hit.end <= _RELATIVE_NEAR
                       and not between(hit.end, r.start))
                   for r in relatives)
    hits = [Hit(_FAMILY, h.start, h.end, h.weight) if theirs(h) else h for h in hits]
    if visiting and any(h.label == _FAMILY for h in hits):
        # "chcemy go odwiedzić", "vamos visitá-lo": the visit to the relative in hospital is
        # that circumstance, not a holiday visit to family.
        visits = [h for h in hits if h.label == _VISIT]
        hits = [Hit(_FAMILY, h.start, h.end, h.weight)
                if h.label == _HOLIDAY and _overlaps(h, visits) else h for h in hits]
    return hits


def doctors_visit(hits: list[Hit], mentions: Sequence[children.Mention]) -> list[Hit]:
    """ "el médico viene por la tarde", "the doctor is coming to see her this afternoon",
    "doctor dopahar ko ghar aayega": the doctor coming to the child (the doctor, then their
    coming within a few words, no child between them) owns the time of day and the coming
    words said with it; those are the doctor's visit, never the child coming in later, so
    the illness covers the day; so does the doctor named right after their coming ("po
    południu przyjdzie lekarz"). "The doctor says she can come in this afternoon" names the
    child between: her coming stays hers."""
    doctors = [h for h in hits if h.label == _DOCTOR]
    if not doctors:
        return hits
    named = [m.position for m in mentions] + [h.start for h in hits if h.label == _CHILD]
    comings = [h for h in hits if h.label == _DOCTOR_COMES]
    visits = [(d.start, v.end + _VISIT_TIME_AFTER) for d in doctors for v in comings
              if 0 <= v.start - d.end <= _DOCTOR_TO_VERB
              and not any(d.end <= c < v.start for c in named)]
    # The doctor named just after the coming ("miercuri vine doctorul", "po południu
    # przyjdzie lekarz", "viene el médico"): the time just before the coming is theirs too.
    visits += [(max(0, v.start - _VISIT_TIME_AFTER), d.end + _VISIT_TIME_AFTER)
               for d in doctors for v in comings if 0 <= d.start - v.end <= 1]
    return [h for h in hits if h.label not in _VISIT_TIMES
            or not any(start <= h.start < end for start, end in visits)]


def _overlaps(hit: Hit, spans: Sequence[Hit]) -> bool:
    return any(s.start < hit.end and hit.start < s.end for s in spans)


def child_writes(hits: Sequence[Hit], name_positions: Sequence[int]) -> bool:
    """The writer names themself as the student: "its Amy from year 13", "sou a Amy do 12º
    ano", "cia Amy is 12 klasės", "main Amy year 12 se", "Tania here". Then "I'm ill" is the
    student's own illness, not a parent's circumstance. A name with a word after it that makes
    the child someone else's ("Amy's mum", "tu mama Amy", "main Amy ko le jaungi": I'll take
    Amy) is not the writer. `name_positions`: where the reply writes a child's name as it is
    (not "Amy's")."""
    intros = [h.end for h in hits if h.label == _INTRO]
    afters = [h.start for h in hits if h.label == _INTRO_AFTER]
    others = [h.start for h in hits if h.label in _NOT_THE_WRITER]
    return any((p in intros or p + 1 in afters)
               and not any(0 < o - p <= _OF_CHILD_WITHIN for o in others)
               for p in name_positions)


def _a_bound(hit: Hit, hits: Sequence[Hit], words: Sequence[str],
             days: Collection[str]) -> bool:
    """Whether a date hit bounds the days: an "until" or "before" word ("do", "hasta el") only
    with a day, a month, a figure or another date word (a break) after it. Polish "do" is "to"
    as often ("wróciliśmy na stałe do Polski", "zapisany do szkoły"): a place after it bounds
    nothing."""
    if hit.label not in _UNTIL or hit.end >= len(words):
        return hit.label not in _UNTIL
    after = words[hit.end]
    return after in days or after[:1].isdigit() or any(
        h.start == hit.end and h.label.startswith(DATE) for h in hits)
