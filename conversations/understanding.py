"""Understanding one reply: its intent (per child), its dates, its language, how sure we are.

Safety first: any urgent phrase makes the whole reply urgent, whatever else it says, and only a
longer phrase that plainly says otherwise ("not in school") can set one aside.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date

from conversations import (
    beside_the_reason,
    breaks,
    children,
    dates,
    daytimes,
    evidence,
    language,
    reply_shape,
    safety,
    school_run,
    scoring,
    siblings,
    spelling,
)
from conversations.lexicon import (
    ALL_CHILDREN,
    CANCEL_DISPUTE,
    DATE,
    DEFUSE,
    FIRST_PERSON,
    GREETING,
)
from conversations.matching import Hit, longest
from conversations.policy import REASON_INTENTS, SUGGESTED_CODE, needs_staff
from conversations.text import tokens
from conversations.types import (
    URGENT_INTENTS,
    Intent,
    LanguageLexicon,
    Lexicons,
    Policy,
    Reading,
    StudentFact,
)

_URGENT_LABELS = frozenset(i.value for i in URGENT_INTENTS)
# A request for a call says what the reply asks, never what it is about: it hides no urgent
# phrase inside it, and a long reply that plainly asks for one is as unread as one with none.
_ORDINARY_LABELS = frozenset(i.value for i in Intent) - _URGENT_LABELS - {
    Intent.CALL_REQUEST.value}
_DEFAULT_POLICY = Policy()
_DISPUTE = Intent.IN_SCHOOL_DISPUTE.value


def classify(text: str, *, lexicons: Lexicons, language_hint: str | None = None,
             students: Sequence[StudentFact] = (), today: date | None = None,
             self_report: bool = False, closed_days: Collection[date] = ()) -> Reading:
    """What `text` means. Pure and fast: no I/O, a few dozen microseconds for a short reply.

    `self_report`: the sender is the student, so "I'm ill" is illness, not a parent's
    circumstance. `closed_days`: the school's closed days, where "until after half term" ends.
    """
    words = tokens(text)
    lang = language.detect(words, lexicons, language_hint) if words else (language_hint or "en")
    langs = _languages(lexicons, lang, language_hint,
                       language.tied(words, lexicons, lang) if words else ())
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
    hits = _hits(words, langs, self_report=self_report)
    if not self_report and mentions and evidence.child_writes(
            hits, _names_as_written(words, mentions, students, lexicons)):
        self_report = True
        hits = _hits(words, langs, self_report=True)
    hits = scoring.weakened(hits, words, lexicons)
    hits = evidence.not_about_present_children(hits, mentions, present)
    hits = evidence.ordinary_readings(hits, words, langs)
    hits = evidence.relatives_illness(hits, mentions, words)
    hits = evidence.doctors_visit(hits, mentions)
    intent_hits = breaks.outside_breaks([h for h in hits if h.label in scoring.INTENT_OF],
                                        siblings.date_hits(hits), _REASON_LABELS)
    other_days = [h.start for h in hits if h.label in _OTHER_DAY_LABELS] + [
        i for i, word in enumerate(words) if any(word in lex.either_day for lex in langs)]
    todays = [h.start for h in hits if h.label == _TODAY]
    # A letter that went in is no child that did ("the letter went in last week").
    child_positions = [m.position for m in mentions]
    roles = school_run.without_papers_sent(
        [h for h in hits if h.label.startswith(reply_shape.ROLE)], hits, child_positions)
    intent_hits = school_run.without_papers_sent(intent_hits, hits, child_positions)
    intent_hits = school_run.without_back_to_school(school_run.without_other_days_runs(
        school_run.without_runs_elsewhere(intent_hits, roles), roles, other_days, todays,
        reason_named=any(h.label in _REASON_LABELS for h in intent_hits)), roles)
    intent, confidence, mixed = scoring.decide(intent_hits)
    guessed = intent is Intent.UNCLEAR and not any(h.label == _UNCLEAR for h in intent_hits)
    if guessed:
        intent, confidence = scoring.typo_fallback(words, langs, _defused(words, langs))
    elif scoring.weak_reply(words, intent_hits, intent):
        intent, confidence, mixed = Intent.UNCLEAR, 0.3, False
    if intent is Intent.ACKNOWLEDGEMENT and any(mark in text for mark in safety.QUESTION_MARKS):
        # "Da?", "hanji?", "ok?": a yes or an ok asked as a question acknowledges nothing.
        intent, confidence = Intent.UNCLEAR, 0.3
    reason_hits = [h for h in intent_hits if h.label in _REASON_LABELS]
    negations = frozenset().union(*(lex.negations for lex in langs))
    shape = reply_shape.Shape(
        words=words, roles=roles,
        child_positions=child_positions,
        negations=negations,
        own_negations=langs[0].negations if langs else frozenset(),
        asks=any(mark in text for mark in safety.QUESTION_MARKS),
        cancelled=any(h.label == CANCEL_DISPUTE for h in hits),
        # A reason guessed from a misspelling ("heading" for "headache") names none.
        reason_named=intent in REASON_INTENTS and any(
            h.label in _REASON_LABELS for h in intent_hits),
        reason_hits=reason_hits,
        present_positions=present,
        in_later=_in_later(hits, words, langs),
        later_positions=[h.start for h in hits if h.label in _LATER_LABELS],
        # A long reply read only by a guessed misspelling ("trainers" for "trains"), or only as
        # a request for a call ("can someone ring me, something happened with her stepdad"),
        # is as unread as one with no phrase at all.
        long_unread=((guessed or intent in (Intent.UNCLEAR, Intent.ACKNOWLEDGEMENT) or (
            intent is Intent.CALL_REQUEST and scoring.asks_for_a_call(intent_hits)))
                     and len(words) >= safety.LONG_UNREAD_WORDS)
        or beside_the_reason.unread_after_a_turn(words, roles, reason_hits),
        other_days=other_days, todays=todays)
    found = safety.urgent_shape(shape)
    # Recall must not hang on the lexicon's exact phrases; and harm the shape shows outranks
    # a word that only reads as missing ("wishes she could disappear").
    if found is not None and (intent not in URGENT_INTENTS or (
            found is Intent.SAFEGUARDING and intent is not Intent.SAFEGUARDING)):
        intent, confidence, mixed = found, 1.0, False
    if (intent is Intent.SAFEGUARDING and found is Intent.WHEREABOUTS_UNKNOWN
            and safety.only_kept_away(shape, intent_hits)):
        intent = Intent.WHEREABOUTS_UNKNOWN  # taken, and the sender cannot say where
    if (intent is Intent.IN_SCHOOL_DISPUTE and found is Intent.WHEREABOUTS_UNKNOWN
            and safety.asks_where_the_child_is(shape)):
        # "gdzie ona jest?? wyszła z domu o 8": a child who left the house, asked after, is
        # missing; a run to school the reply tells stays a dispute (below).
        intent = Intent.WHEREABOUTS_UNKNOWN
    if intent in _MISSING_OR_DISPUTED:
        intent = safety.missing_or_disputed(
            shape, [h for h in intent_hits if h.label in _MISSING_OR_DISPUTED_LABELS]) or intent
    urgent = intent in URGENT_INTENTS
    # "headache. Ond dwi isio siarad efo rhywun, ...": a person reads what came with the reason.
    more = intent in REASON_INTENTS and beside_the_reason.more_than_a_reason(
        words, roles, reason_hits, negations)
    asks = (intent in (Intent.UNCLEAR, Intent.ACKNOWLEDGEMENT)
            and safety.asks_about_child(shape))
    per_child, all_children = siblings.per_child(words, hits, intent_hits, mentions, present)
    span = sessions = None
    if today is not None:
        date_hits = siblings.date_hits(hits)
        in_phrases = {i for h in hits if not h.label.startswith(DATE) and h.end - h.start > 1
                      for i in range(h.start, h.end)}
        # "حمزة وريم الاثنين" (Hamza and Reem, both of them): "both" just after the children's
        # names, not the weekday the same word also is ("الاثنين": Monday).
        named = {m.position for m in mentions}
        in_phrases |= {h.start for h in hits if h.label == ALL_CHILDREN
                       and any(0 < h.start - p <= _BOTH_AFTER_NAME for p in named)}
        span = dates.read_span(words, date_hits, langs, today, in_phrases, closed_days)
        sessions = dates.span_sessions(span) if span else ()
        per_child = siblings.children_days(per_child, words, hits, mentions, langs, today,
                                           in_phrases, closed_days)
    return Reading(
        intent=intent,
        code=SUGGESTED_CODE.get(intent),
        needs_staff=more or needs_staff(intent, _DEFAULT_POLICY, mixed=mixed,
                                        confidence=confidence),
        urgent=urgent,
        confidence=round(confidence, 2),
        language=lang,
        children=per_child,
        sessions=sessions or (),
        span=span,
        all_children=all_children,
        mixed=mixed,
        asks_about_child=asks,
        distressed=self_report and safety.distressed(shape),
        more_than_reason=more,
        answer_language=language.written_in(words, lexicons, language_hint, lang),
    )


def _names_as_written(words: Sequence[str], mentions: Sequence[children.Mention],
                      students: Sequence[StudentFact], lexicons: Lexicons) -> list[int]:
    """Where a child's name stands as it is ("Amy", not "Amy's")."""
    names = {s.student_id: children.names_of(s, lexicons.nicknames) for s in students}
    return [m.position for m in mentions if words[m.position] in names.get(m.student_id, ())]


def _in_later(hits: Sequence[Hit], words: Sequence[str],
              langs: Sequence[LanguageLexicon]) -> bool:
    """The reply says the child comes in later in the day: "in after lunch", "back this
    afternoon", and a word of coming in beside the afternoon ("taking him to school after
    lunch", "dropping her at school about 1.30"; a morning time is the drop-off): a plan, not
    a dispute."""
    labels = {h.label for h in hits}
    if DATE + "present_pm" in labels or (
            DATE + "afternoon" in labels and bool(labels & {DATE + "back", DATE + "back_after"})):
        return True
    arrivals = [h for h in hits if h.label == _ARRIVE]
    if not arrivals:
        return False
    later = daytimes.afternoon_starts(words, siblings.date_hits(hits), langs)
    return any(a.start - _LATER_BESIDE <= x <= a.end + _LATER_BESIDE
               for a in arrivals for x in later)


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


def _languages(lexicons: Lexicons, lang: str, hint: str | None = None,
               tied: Sequence[str] = ()) -> list[LanguageLexicon]:
    """The detected language first, then the contact's own (a short reply may not show which
    it is: "Mudámo-nos para o Porto" has as many Spanish words as Portuguese), then those
    tied with the detected one (Roman Urdu and Roman Punjabi), then English: replies mix in
    English words freely."""
    languages = lexicons.languages
    codes = dict.fromkeys(c for c in (lang, hint, *tied, "en")
                          if c is not None and c in languages)
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
    # "no estaba en clase porque ...", "wasn't in class": the absence told, not a dispute;
    # nor is a leaving negated with its verb ("hasn't left the house all week").
    negations = frozenset().union(*(lex.negations for lex in langs))
    before_verbs = negations.union(*(lex.verb_negations for lex in langs))
    raw = [h for h in raw if h.label != _DISPUTE or h.start == 0
           or words[h.start - 1] not in before_verbs]
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
        elif label.startswith(reply_shape.ROLE):
            kept_aside.append(hit)  # the safety net reads every role word, overlaps and all
        elif label == FIRST_PERSON:
            mine = _ILLNESS if self_report else _FAMILY
            other.append(Hit(mine, hit.start, hit.end, hit.weight))
        else:
            other.append(hit)
            if label == DEFUSE:
                defusers.append(hit)
    # An urgent phrase wholly inside a longer phrase of an ordinary intent is a word of that
    # phrase, as the longest phrase wins everywhere else: "lost her" in "lost her voice" or
    # "lost her nan", "klaida" (a mistake) in "klaida numeris" (wrong number). Never inside a
    # request for a call: asking to talk never outweighs what the reply tells.
    urgent = [h for h in urgent if not _inside_a_longer_ordinary_phrase(h, other)]
    # A sign of harm inside a phrase that plainly says otherwise is none ("hit her head"), nor
    # is a verb of killing in an idiom ("zabić nudę", "matar el tiempo", "killing time").
    kept_aside = [h for h in kept_aside if not (
        _overlaps(h, defusers) if h.label in _DEFUSABLE_ROLES
        else h.label == _NO_RETURN and any(d.start <= h.start and h.end <= d.end
                                           for d in defusers))]
    urgent = safety.without_accident_injuries(urgent, kept_aside)
    # "came off his bike ... a big bruise", "glec yn y gêm rygbi, clais anferth": a bruise an
    # accident the reply tells explains is the child's injury, which is illness (README).
    other += [Hit(_ILLNESS, h.start, h.end, 1.0) for h in safety.explained_injuries(kept_aside)]
    # "negrąžino bibliotekos knygų", "cortar el pelo": a thing given back, hair cut, not a
    # child kept or a cutting; the net reads neither verb.
    objects = safety.on_ordinary_objects(kept_aside)
    if objects:
        urgent = [h for h in urgent if not _overlaps(h, objects)]
        kept_aside = [h for h in kept_aside if not _overlaps(h, objects)]
    # "rang 999 for her croup, she's fine now": an emergency over is the illness it was for.
    urgent = safety.without_emergencies_over(urgent, kept_aside, other, words, negations)
    # "ran away from a dog" is no runaway: neither an urgent phrase nor a sign of harm.
    urgent = safety.without_fled_things(urgent, kept_aside)
    kept_aside = safety.without_fled_things(kept_aside, kept_aside)
    if urgent and (defusers or cancel):
        # A defuser overlapping an urgent phrase is that phrase negated: "didn't go to
        # school today" holds "to school today".
        urgent = [h for h in urgent if not _overlaps(h, defusers)
                  and not (cancel and h.label == _DISPUTE)]
    # Dates and "both" compete only among themselves: "ill today" must not hide "today".
    roles = [h for h in other if h.label.startswith(_ROLE_PREFIXES)]
    if roles:
        other = [h for h in other if not h.label.startswith(_ROLE_PREFIXES)]
    # A word of coming in ("school e jabe") stands beside the return words it holds ("jabe"),
    # never in their place: it only says when, with a time of day (conversations/daytimes.py).
    # Inside a phrase of staying out ("be in bed", "be in hospital") it is no coming in.
    arrivals = [h for h in roles if h.label == _ARRIVE and not any(
        n.label == _NOT_BACK and n.start <= h.start and h.end <= n.end for n in roles)]
    roles = [h for h in roles if h.label != _ARRIVE]
    # A greeting only swallows the words inside it ("ji" of "sat sri akal ji" is no "yes").
    kept = ([h for h in longest(other) if h.label not in (DEFUSE, GREETING)] + longest(roles)
            + longest(arrivals))
    return urgent + kept + kept_aside


def _defused(words: Sequence[str], langs: Sequence[LanguageLexicon]) -> set[int]:
    """Words inside a phrase that plainly says otherwise ("police at the neighbours", "ran
    away from a dog"), that greets ("sveiki") or a bruise an accident explains: no misspelt key
    word is looked for in them."""
    found = [h for lex in langs for h in lex.index.scan(words)]
    # Nor in running away from a thing ("fugiu de uma vespa"): "fugiu" is no misspelt urgent.
    # Nor in a verb acting on a thing ("negrazino knygos", "cortar el pelo"), nor in the thing
    # itself ("striukes" is a jacket, no misspelt strike).
    return {i for h in (*(h for h in found if h.label in (DEFUSE, GREETING, *_OBJECTS)),
                        *safety.flights(found), *safety.explained_injuries(found),
                        *safety.on_ordinary_objects(found))
            for i in range(h.start, h.end)}


def _inside_a_longer_ordinary_phrase(hit: Hit, others: Sequence[Hit]) -> bool:
    return any(o.label in _ORDINARY_LABELS and o.start <= hit.start and hit.end <= o.end
               and o.end - o.start > hit.end - hit.start for o in others)


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
_DISPUTE = Intent.IN_SCHOOL_DISPUTE.value
_ILLNESS = Intent.ILLNESS.value
_CALL = Intent.CALL_REQUEST.value
_UNCLEAR = Intent.UNCLEAR.value
_ROLE_PREFIXES = (DATE, "children:")
_ARRIVE = DATE + "arrive"
_NOT_BACK = DATE + "not_back"
_BOTH_AFTER_NAME = 2  # "Hamza [and Reem] both"
_LATER_BESIDE = 4  # "taking him [to school] after lunch", "after lunch [I'll] bring her"
_LATER_LABELS = frozenset(DATE + key for key in ("later", "afternoon", "present_pm"))
_DEFUSABLE_ROLES = frozenset(
    reply_shape.ROLE + role for role in (*safety.SIGNS, "kill", "unwilling", "despair"))
# "won't be back till Monday" is a return told, holding its "won't be back" (no `no_return`);
# "nie wróci do szkoły" only touches the "wróci do szkoły" of a day back, and stays one.
_NO_RETURN = reply_shape.ROLE + "no_return"
_TODAY = DATE + "today"
_OBJECTS = tuple(reply_shape.ROLE + role for role in ("thing", "trim", "thing_first",
                                                       "trim_first"))
_OTHER_DAY_LABELS = frozenset(DATE + key for key in ("yesterday", "tomorrow"))
_MISSING_OR_DISPUTED = (Intent.WHEREABOUTS_UNKNOWN, Intent.IN_SCHOOL_DISPUTE)
_MISSING_OR_DISPUTED_LABELS = frozenset(i.value for i in _MISSING_OR_DISPUTED)
_FAMILY = Intent.FAMILY_CIRCUMSTANCES.value  # a dict lookup is far cheaper than Intent(value)


