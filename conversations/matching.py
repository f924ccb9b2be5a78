"""Finding lexicon phrases in a reply's words, fast.

Phrases are indexed by their first word (or, for stems, the stem), so a reply is scanned once,
word by word, trying only the phrases that can start there. Longer phrases win over the shorter
ones they contain: "school trip" is an activity, not a holiday; "missed the bus" is a late, not
a transport failure.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

GAP = "..."
_WAW = "\u0648"
MAX_GAP = 3


@dataclass(frozen=True, slots=True)
class Hit:
    """One phrase found in a reply: its label, the words it spans [start, end) and its weight."""

    label: str
    start: int
    end: int
    weight: float


@dataclass(frozen=True, slots=True)
class _Entry:
    label: str
    tokens: tuple[str, ...]
    weight: float


class PhraseIndex:
    """Every phrase of one language, indexed for a single left-to-right scan."""

    __slots__ = ("_exact", "_prefix", "_prefix_lengths", "first_words", "words")

    def __init__(self, phrases: Iterable[tuple[str, tuple[str, ...], float]], *,
                 typo_labels: Collection[str] = ()) -> None:
        """`typo_labels`: labels whose single words may be found again when misspelt."""
        self._exact: dict[str, list[_Entry]] = {}
        self._prefix: dict[str, list[_Entry]] = {}
        self.words: dict[str, str] = {}  # single whole words -> label, for typo fallback
        seen: set[tuple[str, tuple[str, ...]]] = set()
        for label, tokens, weight in phrases:
            if not tokens or tokens[0] == GAP or (label, tokens) in seen:
                continue  # two spellings may fold to one phrase: count it once
            seen.add((label, tokens))
            entry = _Entry(label, tokens, weight)
            first = tokens[0]
            if first.endswith("*"):
                self._prefix.setdefault(first[:-1], []).append(entry)
            else:
                self._exact.setdefault(first, []).append(entry)
                if len(tokens) == 1 and len(first) >= 5 and label in typo_labels:
                    self.words.setdefault(first, label)
        self._prefix_lengths = sorted({len(stem) for stem in self._prefix})
        self.first_words = frozenset(self._exact)

    def scan(self, words: Sequence[str]) -> list[Hit]:
        """Every phrase occurrence in `words` (overlaps included)."""
        hits: list[Hit] = []
        exact, prefix, lengths = self._exact, self._prefix, self._prefix_lengths
        for i, word in enumerate(words):
            candidates = exact.get(word)
            if candidates:
                _extend(hits, candidates, words, i)
            elif word[:1] == _WAW and len(word) > 3:
                # Arabic writes "and" joined to the next word: "ومريض" is "and sick".
                candidates = exact.get(word[1:])
                if candidates:
                    _extend(hits, candidates, [*words[:i], word[1:], *words[i + 1:]], i)
            for length in lengths:
                if length > len(word):
                    break
                candidates = prefix.get(word[:length])
                if candidates:
                    _extend(hits, candidates, words, i)
        return hits


def _extend(hits: list[Hit], entries: list[_Entry], words: Sequence[str], start: int) -> None:
    for entry in entries:
        end = _match(words, start + 1, entry.tokens, 1)
        if end is not None:
            hits.append(Hit(entry.label, start, end, entry.weight))


def _match(words: Sequence[str], pos: int, tokens: tuple[str, ...], k: int) -> int | None:
    """The end of the phrase when tokens[k:] match words from pos, else None."""
    while k < len(tokens):
        token = tokens[k]
        if token == GAP:
            for skip in range(MAX_GAP + 1):
                end = _match(words, pos + skip, tokens, k + 1)
                if end is not None:
                    return end
            return None
        if pos >= len(words) or not _same(words[pos], token):
            return None
        pos += 1
        k += 1
    return pos


def _same(word: str, token: str) -> bool:
    if token.endswith("*"):
        return word.startswith(token[:-1])
    return word == token


def longest(hits: list[Hit]) -> list[Hit]:
    """Drop every hit that lies inside a longer one, so the more specific phrase decides."""
    if len(hits) < 2:
        return hits
    ordered = sorted(hits, key=lambda h: h.start - h.end)
    kept: list[Hit] = []
    for hit in ordered:
        if not any(k.start <= hit.start and hit.end <= k.end and k.end - k.start >
                   hit.end - hit.start for k in kept):
            kept.append(hit)
    return kept
