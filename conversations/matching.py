"""Finding lexicon phrases in a reply's words, fast.

Phrases live in a word trie, so a reply is scanned once, word by word, following only the
branches its words allow; stems (`gorącz*`) are looked up by their length at the root. Longer
phrases win over the shorter ones they contain: "school trip" is an activity, not a holiday;
"missed the bus" is a late, not a transport failure.

A language may list filler words ("mai" in Romanian, "way" in Somali, "even" in English) that
may stand between two words of any phrase without breaking it: "nu s-a mai întors" is still
"nu s-a întors" (has not come back), "nolosha way ka daashay" still "nolosha ka daashay".
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import NamedTuple

GAP = "..."
MAX_GAP = 4
MAX_FILLERS = 2  # "abhi tak" (yet) between two words of a phrase: two fillers in a row
# Arabic one-letter clitics (waw, lam, beh, feh) -> the shortest word they may join.
_CLITICS = {"\u0648": 3, "\u0644": 4, "\u0628": 4, "\u0641": 4}
_ON_THE = "\u0639\u0627\u0644"  # "عال"
_MAX_CACHED = 50_000


class Hit(NamedTuple):
    """One phrase found in a reply: its label, the words it spans [start, end) and its weight.

    A named tuple, not a dataclass: a reply makes dozens and tuples are the cheapest to build."""

    label: str
    start: int
    end: int
    weight: float


class _Node:
    __slots__ = ("ends", "exact", "gap", "stems")

    def __init__(self) -> None:
        self.exact: dict[str, _Node] = {}
        self.stems: list[tuple[str, _Node]] = []
        self.gap: _Node | None = None
        self.ends: list[tuple[str, float]] = []  # (label, weight) of phrases ending here

    def child(self, token: str) -> _Node:
        if token == GAP:
            self.gap = self.gap or _Node()
            return self.gap
        if token.endswith("*"):
            stem = token[:-1]
            for known, node in self.stems:
                if known == stem:
                    return node
            node = _Node()
            self.stems.append((stem, node))
            return node
        return self.exact.setdefault(token, _Node())


class PhraseIndex:
    """Every phrase of one language, in a trie for a single left-to-right scan."""

    __slots__ = ("_fillers", "_root", "_root_stems", "_roots", "_stem_lengths", "all_words",
                 "first_words", "stems", "words")

    def __init__(self, phrases: Iterable[tuple[str, tuple[str, ...], float]], *,
                 typo_labels: Collection[str] = (), fillers: Collection[str] = ()) -> None:
        """`typo_labels`: labels whose single words may be found again when misspelt;
        `fillers`: words that may stand inside any phrase without breaking it."""
        self._fillers = frozenset(fillers)
        self._root = _Node()
        self.words: dict[str, str] = {}  # single whole words -> label, for typo fallback
        seen: dict[tuple[str, tuple[str, ...]], _Node] = {}
        every: set[str] = set()
        stems: set[str] = set()
        for label, tokens, weight in phrases:
            if not tokens or tokens[0] == GAP:
                continue
            known = seen.get((label, tokens))
            if known is not None:
                # Two spellings may fold to one phrase: count it once, at its greater weight
                # ("sâl" and "sal", or a word listed again by concept with its weight).
                known.ends = [(lab, max(w, weight) if lab == label else w)
                              for lab, w in known.ends]
                continue
            every.update(t for t in tokens if t != GAP and not t.endswith("*"))
            stems.update(t[:-1] for t in tokens if t.endswith("*"))
            node = self._root
            for token in tokens:
                node = node.child(token)
            seen[(label, tokens)] = node
            node.ends.append((label, weight))
            word = tokens[0].rstrip("*")  # a stem ("dentist*") is a word too
            if len(tokens) == 1 and len(word) >= 5 and label in typo_labels:
                self.words.setdefault(word, label)
        self._root_stems = {stem: node for stem, node in self._root.stems}
        self._stem_lengths = sorted({len(stem) for stem in self._root_stems})
        self.first_words = frozenset(self._root.exact)
        self.all_words = frozenset(every)  # every whole word any phrase uses
        self.stems = frozenset(stems)  # every stem any phrase uses, without its "*"
        # word -> the trie nodes a phrase can start from with it. Replies reuse a small
        # vocabulary, so this saves the stem look-ups for nearly every word; bounded.
        self._roots: dict[str, tuple[_Node, ...]] = {}

    def scan(self, words: Sequence[str]) -> list[Hit]:
        """Every phrase occurrence in `words` (overlaps included)."""
        hits: list[Hit] = []
        roots = self._roots
        for i, word in enumerate(words):
            starts = roots.get(word)
            if starts is None:
                starts = self._starts(word)
                if len(roots) >= _MAX_CACHED:
                    roots.clear()
                roots[word] = starts
            for node in starts:
                _walk(node, words, i, i + 1, hits, self._fillers)
        return hits

    def _starts(self, word: str) -> tuple[_Node, ...]:
        found = []
        node = self._root.exact.get(word)
        stems = self._stem_nodes(word)
        clitic = word[:1] in _CLITICS and len(word) >= _CLITICS[word[0]]
        if node is None and (clitic or word.startswith(_ON_THE)):
            # Arabic writes "and", "to", "with" and "so" joined to the next word: "ومريض" is
            # "and sick", "وما" "and not", "لدكتور" "to the doctor", "وضربهم" "and hit them";
            # spoken Arabic writes "على ال" (to the) as "عال": "عالدكتور", to the doctor.
            node = self._root.exact.get(word[1:])
            stems += self._stem_nodes(word[1:])
        if node is not None:
            found.append(node)
        return (*found, *stems)

    def _stem_nodes(self, word: str) -> list[_Node]:
        found = []
        for length in self._stem_lengths:
            if length > len(word):
                break
            node = self._root_stems.get(word[:length])
            if node is not None:
                found.append(node)
        return found


def _walk(node: _Node, words: Sequence[str], start: int, pos: int, hits: list[Hit],
          fillers: frozenset[str], skips: int = MAX_FILLERS) -> None:
    if node.ends:
        for label, weight in node.ends:
            hits.append(Hit(label, start, pos, weight))
    _advance(node, words, start, pos, hits, fillers, skips)


def _advance(node: _Node, words: Sequence[str], start: int, pos: int, hits: list[Hit],
             fillers: frozenset[str], skips: int, *, gaps: bool = True) -> None:
    """The phrase words after `node` from `pos` on (a filler there may be stepped over; a
    gap already reaches past it)."""
    if pos < len(words):
        word = words[pos]
        if node.exact:
            nxt = node.exact.get(word)
            if nxt is not None:
                _walk(nxt, words, start, pos + 1, hits, fillers)
        if node.stems:
            for stem, stem_node in node.stems:
                if word.startswith(stem):
                    _walk(stem_node, words, start, pos + 1, hits, fillers)
        if skips and word in fillers and (node.exact or node.stems):
            _advance(node, words, start, pos + 1, hits, fillers, skips - 1, gaps=False)
    if gaps and node.gap is not None:
        gap = node.gap
        for skip in range(MAX_GAP + 1):
            if pos + skip < len(words):
                _walk_after_gap(gap, words, start, pos + skip, hits, fillers)


def _walk_after_gap(gap: _Node, words: Sequence[str], start: int, pos: int,
                    hits: list[Hit], fillers: frozenset[str]) -> None:
    """After "...", the next phrase word must come at `pos` (ends at a gap are not phrases)."""
    word = words[pos]
    nxt = gap.exact.get(word)
    if nxt is not None:
        _walk(nxt, words, start, pos + 1, hits, fillers)
    for stem, stem_node in gap.stems:
        if word.startswith(stem):
            _walk(stem_node, words, start, pos + 1, hits, fillers)


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
