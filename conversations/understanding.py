"""Understanding one reply: its intent (per child), its dates, its language, how sure we are.

Safety first: any urgent phrase makes the whole reply urgent, whatever else it says, and only a
longer phrase that plainly says otherwise ("not in school") can set one aside.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import date

from rapidfuzz import fuzz, process

from conversations import children, dates, evidence, language, safety, spelling
from conversations.lexicon import ALL_CHILDREN, CANCEL_DISPUTE, DATE, DEFUSE, FIRST_PERSON
from conversations.matching import Hit, longest
from conversations.policy import REASON_INTENTS, SUGGESTED_CODE, needs_staff
from conversations.text import tokens
from conversations.types import (
    URGENT_INTENTS,
    ChildReading,
    Intent,
    LanguageLexicon,
    Lexicons,
    Policy,
    Reading,
    Span,
    StudentFact,
)

# Ties go to the earlier intent: the more specific or the one a person must see.
_URGENT_ORDER = (Intent.SAFEGUARDING, Intent.WHEREABOUTS_UNKNOWN, Intent.IN_SCHOOL_DISPUTE)
_REASON_ORDER = (
    Intent.BEREAVEMENT, Intent.EXCLUSION, Intent.MOVED_AWAY, Intent.SCHOOL_REFUSAL,
    Intent.SCHOOL_ACTIVITY, Intent.RELIGIOUS_OBSERVANCE, Intent.HOLIDAY,
    Intent.FAMILY_CIRCUMSTANCES, Intent.TRANSPORT, Intent.ILLNESS, Intent.MEDICAL_APPOINTMENT,
    Intent.LATE_OTHER,
)
_COMPATIBLE = frozenset({Intent.ILLNESS, Intent.MEDICAL_APPOINTMENT})
# Words of lateness ride along with a real reason without making it a mixed one.
_NEVER_RIVALS = frozenset({Intent.LATE_OTHER})
_URGENT_LABELS = frozenset(i.value for i in URGENT_INTENTS)
_DEFAULT_POLICY = Policy()
_DISPUTE = Intent.IN_SCHOOL_DISPUTE.value
FUZZY_CUTOFF = 85
MIXED_MIN_SCORE = 1.0  # evidence of one plain phrase: less is weak
WEAK_WEIGHT = 0.5
WEAK_REPLY_WORDS = 3


def classify(text: str, *, lexicons: Lexicons, language_hint: str | None = None,
             students: Sequence[StudentFact] = (), today: date | None = None,
             self_report: bool = False) -> Reading:
    """What `text` means. Pure and fast: no I/O, a few dozen microseconds for a short reply.

    `self_report`: the sender is the student, so "I'm ill" is illness, not a parent's
    circumstance.
    """
    words = tokens(text)
    lang = language.detect(words, lexicons, language_hint) if words else (language_hint or "en")
    langs = _languages(lexicons, lang, language_hint)
    if not words:
        return Reading(Intent.UNCLEAR, None, False, False, 0.0, lang)
    words = spelling.respelled(words, langs)
    if _whole(words, langs, "opt_out"):
        return Reading(Intent.OPT_OUT, None, False, False, 1.0, lang)
    # Everyday words of the languages we know ("will", "may") are never fuzzy-read as names.
    mentions = children.find_mentions(
        words, students, nicknames=lexicons.nicknames, common_words=lexicons.vocabulary,
        endings=frozenset().union(*(lex.name_endings for lex in langs)))
    present = evidence.present_positions(mentions, students, today)
    words = spelling.by_form(words, langs, lexicons.vocabulary,
                            {m.position for m in mentions})
    hits = _weakened(_hits(words, langs, self_report=self_report), words, lexicons)
    hits = evidence.not_about_present_children(hits, mentions, present)
    hits = evidence.ordinary_readings(hits, words, langs)
    intent_hits = [h for h in hits if h.label in _INTENT_OF]
    intent, confidence, mixed = _decide(intent_hits)
    if intent is Intent.UNCLEAR:
        intent, confidence = _typo_fallback(words, langs)
    elif _weak_reply(words, intent_hits, intent):
        intent, confidence, mixed = Intent.UNCLEAR, 0.3, False
    shape = safety.Shape(
        words=words, roles=[h for h in hits if h.label.startswith(safety.ROLE)],
        child_positions=[m.position for m in mentions],
        negations=frozenset().union(*(lex.negations for lex in langs)),
        asks=any(mark in text for mark in safety.QUESTION_MARKS),
        cancelled=any(h.label == CANCEL_DISPUTE for h in hits),
        reason_named=intent in REASON_INTENTS,
        reason_hits=[h for h in intent_hits if h.label in _REASON_LABELS],
        present_positions=present,
        in_later=_in_later(hits),
        later_positions=[h.start for h in hits if h.label in _LATER_LABELS],
        long_unread=(intent in (Intent.UNCLEAR, Intent.ACKNOWLEDGEMENT)
                     and len(words) >= safety.LONG_UNREAD_WORDS))
    found = safety.urgent_shape(shape)
    # Recall must not hang on the lexicon's exact phrases; and harm the shape shows outranks
    # a word that only reads as missing ("wishes she could disappear").
    if found is not None and (intent not in URGENT_INTENTS or (
            found is Intent.SAFEGUARDING and intent is not Intent.SAFEGUARDING)):
        intent, confidence, mixed = found, 1.0, False
    urgent = intent in URGENT_INTENTS
    asks = (intent in (Intent.UNCLEAR, Intent.ACKNOWLEDGEMENT)
            and safety.asks_about_child(shape))
    per_child, all_children = _per_child(words, hits, intent_hits, mentions, present)
    span = sessions = None
    if today is not None:
        date_hits = _date_hits(hits)
        in_phrases = {i for h in hits if not h.label.startswith(DATE) and h.end - h.start > 1
                      for i in range(h.start, h.end)}
        span = dates.read_span(words, date_hits, langs, today, in_phrases)
        sessions = dates.span_sessions(span) if span else ()
        per_child = _children_days(per_child, words, hits, mentions, langs, today, in_phrases)
    return Reading(
        intent=intent,
        code=SUGGESTED_CODE.get(intent),
        needs_staff=needs_staff(intent, _DEFAULT_POLICY, mixed=mixed, confidence=confidence),
        urgent=urgent,
        confidence=round(confidence, 2),
        language=lang,
        children=per_child,
        sessions=sessions or (),
        span=span,
        all_children=all_children,
        mixed=mixed,
        asks_about_child=asks,
        answer_language=language.written_in(words, lexicons, language_hint, lang),
    )


def _in_later(hits: Sequence[Hit]) -> bool:
    """The reply says the child comes in later in the day ("in after lunch")."""
    labels = {h.label for h in hits}
    return DATE + "present_pm" in labels or (
        DATE + "afternoon" in labels and bool(labels & {DATE + "back", DATE + "back_after"}))


def command_of(text: str, *, lexicons: Lexicons, language_hint: str | None = None) -> str | None:
    """ "opt_out", "opt_in" or "help" when the whole message is such a keyword, else None."""
    words = tokens(text)
    if not words or len(words) > 4:
        return None
    langs = list(lexicons.languages.values())  # keywords work whatever the contact's language
    for command in ("opt_out", "opt_in", "help"):
        if _whole(words, langs, command):
            return command
    return None


def answer_of(text: str, *, lexicons: Lexicons, language_hint: str | None = None) -> bool | None:
    """True for "yes" ("yes", "tak", "haa", "1"), False for "no" ("no", "nie", "2"), None when
    the reply is neither, to a question that asks to confirm. The whole reply, or else its
    first word ("yes thanks"; the caller reads a new reason or new days, as in "no, until
    Friday", before the answer); the contact's language first, then English, then the others
    (a student may answer "ok" whatever they write in)."""
    words = tokens(text)
    if not words or len(words) > 6:
        return None
    numbered = {"1": True, "2": False}
    if len(words) == 1 and words[0] in numbered:
        return numbered[words[0]]
    codes = dict.fromkeys(c for c in (language_hint, "en", *lexicons.languages)
                          if c is not None and c in lexicons.languages)
    langs = [lexicons.languages[code] for code in codes]
    for candidate in (" ".join(words), words[0]):
        for lex in langs:
            if candidate in lex.yes_words:
                return True
            if candidate in lex.no_words:
                return False
    return None


def _languages(lexicons: Lexicons, lang: str, hint: str | None = None) -> list[LanguageLexicon]:
    """The detected language first, then the contact's own (a short reply may not show which
    it is: "Mudámo-nos para o Porto" has as many Spanish words as Portuguese), then English:
    replies mix in English words freely."""
    languages = lexicons.languages
    codes = dict.fromkeys(c for c in (lang, hint, "en") if c is not None and c in languages)
    return [languages[code] for code in codes]


def _whole(words: Sequence[str], langs: Sequence[LanguageLexicon], command: str) -> bool:
    joined = " ".join(words)
    return any(joined in getattr(lex, command) for lex in langs)


def _hits(words: Sequence[str], langs: Sequence[LanguageLexicon], *,
          self_report: bool = False) -> list[Hit]:
    """Every phrase found, negated reasons dropped, urgent ones kept unless plainly defused."""
    raw: list[Hit] = []
    own = langs[0].markers if langs else frozenset()
    for index, lex in enumerate(langs):
        # A language's own negations only: English "no" is Portuguese "in the" ("no dentista").
        # Another language's one-word reading of the reply's own everyday word is none:
        # Lithuanian "bus" is "will be", not a bus.
        raw += [h for h in lex.index.scan(words) if not _negated(h, words, lex.negations)
                and not (index and h.end - h.start == 1 and words[h.start] in own)]
    if len(langs) > 1:
        raw = _once(raw)
    urgent: list[Hit] = []
    other: list[Hit] = []
    defusers: list[Hit] = []
    kept_aside: list[Hit] = []
    cancel = False
    for hit in raw:
        label = hit.label
        if label in _URGENT_LABELS:
            urgent.append(hit)
        elif label == CANCEL_DISPUTE:
            cancel = True
            kept_aside.append(hit)
        elif label.startswith(safety.ROLE):
            kept_aside.append(hit)  # the safety net reads every role word, overlaps and all
        elif label == FIRST_PERSON:
            mine = _ILLNESS if self_report else _FAMILY
            other.append(Hit(mine, hit.start, hit.end, hit.weight))
        else:
            other.append(hit)
            if label == DEFUSE:
                defusers.append(hit)
    # A sign of harm inside a phrase that plainly says otherwise is none ("hit her head"), nor
    # is a verb of killing in an idiom ("zabić nudę", "matar el tiempo", "killing time").
    kept_aside = [h for h in kept_aside if h.label not in _DEFUSABLE_ROLES
                  or not _overlaps(h, defusers)]
    if urgent and (defusers or cancel):
        # A defuser overlapping an urgent phrase is that phrase negated: "didn't go to
        # school today" holds "to school today".
        urgent = [h for h in urgent if not _overlaps(h, defusers)
                  and not (cancel and h.label == _DISPUTE)]
    # Dates and "both" compete only among themselves: "ill today" must not hide "today".
    roles = [h for h in other if h.label.startswith(_ROLE_PREFIXES)]
    if roles:
        other = [h for h in other if not h.label.startswith(_ROLE_PREFIXES)]
    kept = [h for h in longest(other) if h.label != DEFUSE] + longest(roles)
    return urgent + kept + kept_aside


def _once(hits: list[Hit]) -> list[Hit]:
    """A loanword both lexicons know ("doctor" in Roman Urdu and English) counts once."""
    best: dict[tuple[str, int, int], Hit] = {}
    for hit in hits:
        key = (hit.label, hit.start, hit.end)
        if key not in best or hit.weight > best[key].weight:
            best[key] = hit
    return list(best.values())


def _overlaps(hit: Hit, spans: Sequence[Hit]) -> bool:
    return any(s.start < hit.end and hit.start < s.end for s in spans)


def _negated(hit: Hit, words: Sequence[str], negations: frozenset[str]) -> bool:
    """A reason, or a call asked for, with a negation just before it: "not sick", and
    "sorry I didn't phone" / "nie zadzwoniłam" is an apology, not a request for a call."""
    if hit.start == 0 or (hit.label not in _REASON_LABELS and hit.label != _CALL):
        return False
    return words[hit.start - 1] in negations


_REASON_LABELS = frozenset(i.value for i in REASON_INTENTS)
_INTENT_OF = {i.value: i for i in Intent}
_DISPUTE = Intent.IN_SCHOOL_DISPUTE.value
_ILLNESS = Intent.ILLNESS.value
_CALL = Intent.CALL_REQUEST.value
_ROLE_PREFIXES = (DATE, "children:")
_COMING = frozenset(DATE + key for key in ("back", "back_after", "as_usual"))
_LATER_LABELS = frozenset(DATE + key for key in ("later", "afternoon", "present_pm"))
_DEFUSABLE_ROLES = frozenset(safety.ROLE + role for role in (*safety.SIGNS, "kill"))
_FAMILY = Intent.FAMILY_CIRCUMSTANCES.value  # a dict lookup is far cheaper than Intent(value)


def _decide(hits: Sequence[Hit]) -> tuple[Intent, float, bool]:
    """The reply's intent, a confidence in [0, 1], and whether it gives several reasons."""
    scores: dict[Intent, float] = {}
    for hit in hits:
        intent = _INTENT_OF[hit.label]
        scores[intent] = scores.get(intent, 0.0) + hit.weight
    if not scores:
        return Intent.UNCLEAR, 0.3, False
    urgent = [i for i in _URGENT_ORDER if i in scores]
    if urgent:
        return max(urgent, key=lambda i: scores[i]), 1.0, False
    if scores.get(Intent.WRONG_NUMBER, 0.0) >= 2:
        return Intent.WRONG_NUMBER, _confidence(scores, Intent.WRONG_NUMBER), False
    if scores.get(Intent.OPT_OUT, 0.0) >= 2:
        return Intent.OPT_OUT, _confidence(scores, Intent.OPT_OUT), False
    reasons = [i for i in _REASON_ORDER if i in scores]
    if reasons:
        best = max(reasons, key=lambda i: scores[i])
        rivals = [i for i in reasons if _rival(i, best, scores[i])]
        mixed = bool(rivals) or scores.get(Intent.CALL_REQUEST, 0.0) >= 2
        return best, _confidence({i: scores[i] for i in reasons}, best), mixed
    for intent in (Intent.WRONG_NUMBER, Intent.OPT_OUT, Intent.CALL_REQUEST,
                   Intent.ACKNOWLEDGEMENT):
        if intent in scores:
            return intent, _confidence(scores, intent), False
    return Intent.UNCLEAR, 0.3, False


def _confidence(scores: dict[Intent, float], best: Intent) -> float:
    """How sure: the best intent's own evidence, shared only with real rivals.

    Evidence adds up by weight: one plain phrase (weight 1) is a clear reason (0.85); weak
    words (weight under 1: "home", "walk", "football") are not enough alone. Ordinary words
    around a clear reason do not make it less clear: only another intent with evidence of
    its own (a phrase of weight 1 or more) is a rival, and lateness never is one.
    """
    top = scores[best]
    rest = sum(v for i, v in scores.items() if _rival(i, best, v))
    return min(0.99, top / (top + rest) * min(1.0, 0.45 + 0.4 * top))


def _rival(intent: Intent, best: Intent, score: float) -> bool:
    return (intent is not best and score >= MIXED_MIN_SCORE and not {intent, best} <= _COMPATIBLE
            and intent not in _NEVER_RIVALS)


def _weakened(hits: list[Hit], words: Sequence[str], lexicons: Lexicons) -> list[Hit]:
    """Weak words count for at most WEAK_WEIGHT: an emoji, or a word languages read differently.

    "Test" is a medical test in Roman Urdu but a test message in English; "🤒" is a feeling,
    not a reason a register can carry. Either may support a reason, never make one alone.
    """
    shared = lexicons.shared_words
    weakened = []
    for hit in hits:
        if hit.end - hit.start == 1 and hit.weight > WEAK_WEIGHT:
            word = words[hit.start]
            if word in shared or not word[:1].isalnum():
                hit = Hit(hit.label, hit.start, hit.end, WEAK_WEIGHT)
        weakened.append(hit)
    return weakened


def _weak_reply(words: Sequence[str], hits: Sequence[Hit], intent: Intent) -> bool:
    """One to three words whose only evidence for a reason is weak: never a reason at all.

    Emoji count for nothing here: "🤒🤒" is a feeling, however many times it is sent."""
    if intent not in REASON_INTENTS or len(words) > WEAK_REPLY_WORDS:
        return False
    evidence = sum(h.weight for h in hits
                   if h.label == intent.value and words[h.start][:1].isalnum())
    return evidence < MIXED_MIN_SCORE


def _typo_fallback(words: Sequence[str], langs: Sequence[LanguageLexicon]) -> tuple[Intent, float]:
    """A misspelt key word ("temprature", "apointment") still counts, with less confidence."""
    for word in words:
        if len(word) < 5:
            continue
        for lex in langs:
            found = process.extractOne(word, lex.index.words.keys(), scorer=fuzz.ratio,
                                       score_cutoff=FUZZY_CUTOFF)
            if found:
                return Intent(lex.index.words[found[0]]), 0.6
    return Intent.UNCLEAR, 0.3


def _date_hits(hits: Sequence[Hit]) -> list[Hit]:
    """The reply's date phrases, labelled by their role ("back", "tomorrow"). A coming word
    inside a longer reason is that reason's, not a return: "vai ser operada" (will have an
    operation) holds "vai" (goes)."""
    reasons = [h for h in hits if h.label in _REASON_LABELS and h.end - h.start > 1]
    return [Hit(h.label[len(DATE):], h.start, h.end, h.weight) for h in hits
            if h.label.startswith(DATE) and not (h.label in _COMING and any(
                r.start <= h.start and h.end <= r.end and r.end - r.start > h.end - h.start
                for r in reasons))]


def _children_days(readings: tuple[ChildReading, ...], words: Sequence[str],
                   hits: Sequence[Hit], mentions: Sequence[children.Mention],
                   langs: Sequence[LanguageLexicon], today: date,
                   in_phrases: Collection[int]) -> tuple[ChildReading, ...]:
    """Each sibling's own days, when two or more are named and one's own words name days
    ("Hugo: off today and tomorrow. Martina: the optician at 10, in after break"). A child
    with a reason of its own takes the days of its own words (none named: none, not its
    sibling's), or those of a part about all of them ("both off till Friday"); a child who
    shares a reason ("Amy and Ben are off all week") shares the whole reply's days."""
    if len({r.student_id for r in readings}) < 2:
        return readings
    date_hits = _date_hits(hits)
    parts: dict[str, list[tuple[int, int]]] = {}
    for index, mention in enumerate(mentions):
        end = mentions[index + 1].position if index + 1 < len(mentions) else len(words)
        parts.setdefault(mention.student_id, []).append((0 if index == 0 else mention.position,
                                                         end))
    own: dict[str, Span | None] = {}
    dated: dict[str, bool] = {}
    shared: Span | None = None
    for student_id, ranges in parts.items():
        spans = [dates.part_span(words, date_hits, langs, today, start=a, end=b,
                                 in_phrases=in_phrases) for a, b in ranges]
        own[student_id] = next((found for found in spans if found), None)
        dated[student_id] = any(h.label in _REASON_LABELS and a <= h.start < b
                                for h in hits for a, b in ranges)
        if any(h.label == ALL_CHILDREN and a <= h.start < b for h in hits for a, b in ranges):
            shared = shared or own[student_id]
    if not any(own.values()):
        return readings
    return tuple(replace(r, span=own.get(r.student_id) or shared, dated=True)
                 if dated.get(r.student_id) or own.get(r.student_id) else r for r in readings)


def _per_child(words: Sequence[str], hits: Sequence[Hit], intent_hits: Sequence[Hit],
               mentions: Sequence[children.Mention], present: Collection[int] = (),
               ) -> tuple[tuple[ChildReading, ...], bool]:
    """The intent for each named child: the words from one name up to the next are about it.

    Each child's reason is judged on its own words: "Amy has a cold, Ben is at his nan's in
    Spain" is a clear illness for Amy however unclear Ben's holiday is. "All of them" with no
    name leaves the children to the dialogue, which knows who is absent. A child the register
    has present ("Jayden went in as normal") shares no one else's reason.
    """
    all_children = any(h.label == ALL_CHILDREN for h in hits)
    if not mentions:
        return (), all_children
    overall, confidence, mixed = _decide(intent_hits)
    readings: dict[str, ChildReading] = {}
    for index, mention in enumerate(mentions):
        start = 0 if index == 0 else mention.position
        end = mentions[index + 1].position if index + 1 < len(mentions) else len(words)
        if mention.position in present:
            start = mention.position  # what comes before a present child's name is not its
        own = _decide([h for h in intent_hits if start <= h.start < end])
        no_reason = own[0] in (Intent.UNCLEAR, Intent.ACKNOWLEDGEMENT)
        if no_reason and mention.position in present:
            continue
        # A later segment that names no reason of its own ("Nico, Irene y Marcos") shares the
        # one before ("Amy and Ben are sick"), which the overall reading already holds.
        if no_reason or overall in URGENT_INTENTS:
            own = (overall, confidence, mixed)
        readings.setdefault(mention.student_id, ChildReading(
            mention.student_id, own[0], confidence=round(own[1], 2), mixed=own[2]))
    return tuple(readings.values()), all_children
