"""How sure a reply's reading is: the intent its phrases add up to, with a confidence, and
whether it gives several reasons. Weak words (an emoji, a word languages read differently)
support a reason but never make one alone; a misspelt key word still counts, with less
confidence."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from rapidfuzz import fuzz, process

from conversations.matching import Hit
from conversations.policy import REASON_INTENTS
from conversations.types import Intent, LanguageLexicon, Lexicons

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
FUZZY_CUTOFF = 85
MIXED_MIN_SCORE = 1.0  # evidence of one plain phrase: less is weak
WEAK_WEIGHT = 0.5
WEAK_REPLY_WORDS = 3
PLAIN_REQUEST = 2.0  # a call, a wrong number or a stop said in a phrase, not a weak word ("phone")
INTENT_OF = {i.value: i for i in Intent}
_CALL = Intent.CALL_REQUEST.value


def decide(hits: Sequence[Hit]) -> tuple[Intent, float, bool]:
    """The reply's intent, a confidence in [0, 1], and whether it gives several reasons."""
    scores: dict[Intent, float] = {}
    for hit in hits:
        intent = INTENT_OF[hit.label]
        scores[intent] = scores.get(intent, 0.0) + hit.weight
    if not scores:
        return Intent.UNCLEAR, 0.3, False
    urgent = [i for i in _URGENT_ORDER if i in scores]
    if urgent:
        return max(urgent, key=lambda i: scores[i]), 1.0, False
    # "fariimo ha ii soo dirina lambarkan" (don't send messages to this number): the number
    # named is where to stop, no wrong number; a plain wrong number outweighs a stop beside it.
    wrong, stop = scores.get(Intent.WRONG_NUMBER, 0.0), scores.get(Intent.OPT_OUT, 0.0)
    if wrong >= PLAIN_REQUEST and wrong >= stop:
        return Intent.WRONG_NUMBER, _confidence(scores, Intent.WRONG_NUMBER), False
    if stop >= PLAIN_REQUEST:
        return Intent.OPT_OUT, _confidence(scores, Intent.OPT_OUT), False
    reasons = [i for i in _REASON_ORDER if i in scores]
    if scores.get(Intent.CALL_REQUEST, 0.0) >= PLAIN_REQUEST and all(
            scores[i] < MIXED_MIN_SCORE for i in reasons):
        # "could you call me, it's about something personal": a plain request for a call is
        # what the reply asks; a weak word of a reason beside it is its topic, not the reason.
        return Intent.CALL_REQUEST, _confidence(scores, Intent.CALL_REQUEST), False
    if reasons:
        best = max(reasons, key=lambda i: scores[i])
        rivals = [i for i in reasons if _rival(i, best, scores[i])]
        mixed = bool(rivals) or scores.get(Intent.CALL_REQUEST, 0.0) >= PLAIN_REQUEST
        return best, _confidence({i: scores[i] for i in reasons}, best), mixed
    # "ok I don't understand", "thanks, who is this?": saying it is not understood outweighs
    # the ok.
    for intent in (Intent.WRONG_NUMBER, Intent.OPT_OUT, Intent.CALL_REQUEST, Intent.UNCLEAR,
                   Intent.ACKNOWLEDGEMENT):
        if intent in scores:
            return intent, _confidence(scores, intent), False
    return Intent.UNCLEAR, 0.3, False


def asks_for_a_call(hits: Sequence[Hit]) -> bool:
    """The reply plainly asks for a call ("can someone ring me"), not only a weak word of one
    ("a new phone")."""
    return sum(h.weight for h in hits if h.label == _CALL) >= PLAIN_REQUEST


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


def weakened(hits: list[Hit], words: Sequence[str], lexicons: Lexicons) -> list[Hit]:
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


def weak_reply(words: Sequence[str], hits: Sequence[Hit], intent: Intent) -> bool:
    """One to three words whose only evidence for a reason is weak: never a reason at all.

    Emoji count for nothing here: "🤒🤒" is a feeling, however many times it is sent."""
    if intent not in REASON_INTENTS or len(words) > WEAK_REPLY_WORDS:
        return False
    evidence = sum(h.weight for h in hits
                   if h.label == intent.value and words[h.start][:1].isalnum())
    return evidence < MIXED_MIN_SCORE


def typo_fallback(words: Sequence[str], langs: Sequence[LanguageLexicon],
                  skip: Collection[int] = ()) -> tuple[Intent, float]:
    """A misspelt key word ("temprature", "apointment") still counts, with less confidence.
    `skip`: words a phrase already read otherwise ("police" in "police at the neighbours")."""
    for position, word in enumerate(words):
        if len(word) < 5 or position in skip:
            continue
        for lex in langs:
            found = process.extractOne(word, lex.index.words.keys(), scorer=fuzz.ratio,
                                       score_cutoff=FUZZY_CUTOFF)
            if found:
                return Intent(lex.index.words[found[0]]), 0.6
    return Intent.UNCLEAR, 0.3

