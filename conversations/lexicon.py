"""Building the engine's lexicons from plain data (the parsed `locales/<lang>/lexicon.toml`).

Pure: the store reads the files and hands the parsed dicts here, so the engine never does I/O
and a school can extend vocabulary without touching code.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from conversations.matching import PhraseIndex
from conversations.reply_shape import ROLE
from conversations.safety import ROLES
from conversations.text import sound
from conversations.text import tokens as split
from conversations.types import Intent, LanguageLexicon, Lexicons, Phrase

# Index labels for phrases that are not intents.
ALL_CHILDREN = "children:all"
DEFUSE = "defuse"  # a longer phrase that shows an urgent-looking one is not ("not in school")
CANCEL_DISPUTE = "cancel_dispute"  # "sent home", "picked her up": she was in and left
FIRST_PERSON = "first_person_illness"  # "I'm ill": family for a parent, illness for a student
GREETING = "greeting"  # "hi", "salam", "sat sri akal ji": says hello, acknowledges nothing
DATE = "date:"


def phrase(entry: str) -> Phrase:
    """One lexicon string ("dropped ... at school ^2") as a normalised Phrase."""
    text, weight = entry, 1.0
    if " ^" in entry:
        text, _, raw_weight = entry.rpartition(" ^")
        weight = float(raw_weight)
    words = tuple(_split_keeping_markers(text))
    return Phrase(words, weight)


def _split_keeping_markers(text: str) -> Iterable[str]:
    for part in text.split():
        if part == "...":
            yield part
        elif part.endswith("*"):
            stem = "".join(split(part[:-1]))
            if stem:
                yield stem + "*"
        else:
            yield from split(part)


def _phrases(entries: Iterable[str]) -> tuple[Phrase, ...]:
    return tuple(p for p in (phrase(e) for e in entries) if p.tokens)


def _words(entries: Iterable[str]) -> frozenset[str]:
    return frozenset(" ".join(split(e)) for e in entries)


def _marks(entries: Iterable[str]) -> frozenset[str]:
    """Tense words and endings ("-ega"), folded as replies are; an ending keeps its dash."""
    found = set()
    for entry in entries:
        ending = entry.startswith("-")
        folded = " ".join(split(entry[1:] if ending else entry))
        if folded:
            found.add("-" + folded if ending else folded)
    return frozenset(found)


def _spellings(raw: Mapping[str, str]) -> dict[str, str]:
    """Misspelt word -> the word the phrases use, both folded as replies are; one word each."""
    found: dict[str, str] = {}
    for wrong, right in raw.items():
        wrong_words, right_words = split(wrong), split(str(right))
        if len(wrong_words) == 1 and len(right_words) == 1:
            found[wrong_words[0]] = right_words[0]
    return found


def build_language(raw: Mapping[str, Any]) -> LanguageLexicon:
    """A LanguageLexicon (index compiled) from one parsed lexicon file."""
    labelled = _labelled(raw)
    grouped: dict[str, list[Phrase]] = {name: [] for name in raw.get("intents", {})}
    for label, tokens, weight in labelled:
        if label in grouped:
            grouped[label].append(Phrase(tokens, weight))
    intents = {Intent(name): tuple(phrases) for name, phrases in grouped.items()}
    commands = raw.get("commands", {})
    raw_dates = raw.get("dates", {})
    if raw.get("mutations"):
        labelled += _mutated_phrases(labelled)
    index = PhraseIndex(labelled, typo_labels={intent.value for intent in intents},
                        fillers=_words(raw.get("fillers", ())))
    romanised = bool(raw.get("romanised", False))
    return LanguageLexicon(
        language=raw["language"],
        script=raw.get("script", "latin"),
        romanised=romanised,
        markers=_words(raw.get("markers", ())),
        intents=intents,
        negations=_words(raw.get("negations", ())),
        verb_negations=_words(raw.get("verb_negations", ())),
        opt_out=_words(commands.get("opt_out", ())),
        opt_in=_words(commands.get("opt_in", ())),
        help=_words(commands.get("help", ())),
        no_words=_words(raw.get("no_words", ())),
        yes_words=_words(raw.get("yes_words", ())),
        weekdays=tuple(_words(day) for day in raw_dates.get("weekdays", ())),
        months=tuple(_words(month) for month in raw_dates.get("months", ())),
        numbers={" ".join(split(k)): int(v) for k, v in raw.get("numbers", {}).items()},
        spellings=_spellings(raw.get("spellings", {})),
        name_endings=_words(raw.get("children", {}).get("name_endings", ())),
        hour_endings=_words(raw.get("hour_endings", ())),
        either_day=_words(raw.get("tense", {}).get("either_day", ())),
        future=_marks(raw.get("tense", {}).get("future", ())),
        past=_marks(raw.get("tense", {}).get("past", ())),
        present=_marks(raw.get("tense", {}).get("present", ())),
        since=_words(raw.get("tense", {}).get("since", ())),
        index=index,
        sounds=(_sounds(_known_words(index.all_words, raw_dates), _labels_of(labelled))
                if romanised else _mutations(index.all_words) if raw.get("mutations") else {}),
    )


def _labelled(raw: Mapping[str, Any]) -> list[tuple[str, tuple[str, ...], float]]:
    """Every phrase of one parsed lexicon (or of one concept file) with the label the index
    finds it by: its intent, date key, role or list. One phrase's label never depends on another
    file's, so a lexicon's are its files' together."""
    labelled = [(Intent(name).value, p.tokens, p.weight)
                for name, entries in raw.get("intents", {}).items() for p in _phrases(entries)]
    labelled += [(DATE + key, p.tokens, p.weight) for key, entries in raw.get("dates", {}).items()
                 if key not in ("weekdays", "months") for p in _phrases(entries)]
    for label, key in ((ALL_CHILDREN, "all"),):
        labelled += [(label, p.tokens, 1.0) for p in _phrases(raw.get("children", {}).get(key, ()))]
    for label, key in ((DEFUSE, "defuse"), (CANCEL_DISPUTE, "cancel_dispute"),
                       (GREETING, "greetings")):
        labelled += [(label, p.tokens, 1.0) for p in _phrases(raw.get(key, ()))]
    labelled += [(FIRST_PERSON, p.tokens, p.weight)
                 for p in _phrases(raw.get(FIRST_PERSON, ()))]
    labelled += [(ROLE + role, p.tokens, 1.0) for role, entries in raw.get("roles", {}).items()
                 if role in ROLES for p in _phrases(entries)]
    return labelled


def _known_words(phrase_words: Iterable[str], raw_dates: Mapping[str, Any]) -> set[str]:
    """The phrases' words and the names of days and months: a day's name is a word of the
    language, never a misspelling of another ("peer", Monday, is no "phir", then)."""
    names = [word for key in ("weekdays", "months") for group in raw_dates.get(key, ())
             for word in _words(group)]
    return {*phrase_words, *(word for word in names if " " not in word)}


# Welsh initial mutations: soft, nasal and aspirate ("taro" -> "daro", "nharo", "tharo").
_MUTATIONS = {"p": ("b", "mh", "ph"), "t": ("d", "nh", "th"), "c": ("g", "ngh", "ch"),
              "b": ("f", "m"), "d": ("dd", "n"), "g": ("", "ng"), "m": ("f",), "ll": ("l",),
              "rh": ("r",)}
# ... and back: the radicals a mutated initial may come from, longest initial first ("ngh"
# before "ng"); a word that begins with a vowel, "w", "l" or "r" may have lost a "g" ("wely",
# "gwely"). "ll", "rh" and "ff" begin radicals of their own.
_RADICALS = (("ngh", ("c",)), ("mh", ("p",)), ("nh", ("t",)), ("ng", ("g",)), ("ph", ("p",)),
             ("th", ("t",)), ("ch", ("c",)), ("dd", ("d",)), ("ll", ()), ("rh", ()), ("ff", ()),
             ("b", ("p",)), ("d", ("t",)), ("g", ("c",)), ("f", ("b", "m")), ("m", ("b",)),
             ("n", ("d",)), ("l", ("ll",)), ("r", ("rh",)))
_LOST_G = frozenset("aeiouwylr")


def _mutated(word: str) -> set[str]:
    """The word and its soft, nasal and aspirate forms."""
    forms = {word}
    for radical in ("ll", "rh", word[:1]):
        if word.startswith(radical) and radical in _MUTATIONS:
            forms.update(initial + word[len(radical):] for initial in _MUTATIONS[radical])
            break
    return forms


def _forms(word: str) -> set[str]:
    """Every form of the word a Welsh reply may write: the word as listed, the radicals it may
    be a mutation of ("wely" of "gwely", "ddolur" of "dolur", "fam" of "mam"), and each of
    those radicals' mutations ("ngwely", "nolur")."""
    radicals = {word}
    for initial, sources in _RADICALS:
        if word.startswith(initial):
            radicals.update(source + word[len(initial):] for source in sources)
            break
    if word[:1] in _LOST_G:
        radicals.add("g" + word)
    return {form for radical in radicals for form in _mutated(radical) if len(form) >= 3}


def _mutations(words: Iterable[str]) -> dict[str, str]:
    """Each form of a Welsh lexicon word (its mutations, its radical and the radical's other
    mutations) -> the word, where the form is no other word of the lexicon and the words it
    may be a form of are forms of one another. The lexicon need list only one form."""
    known = set(words)
    found: dict[str, set[str]] = {}
    for word in known:
        for form in _forms(word) - known:
            found.setdefault(form, set()).add(word)
    return {form: min(same) for form, same in found.items()
            if all(other in _forms(first) or first in _forms(other)
                   for first in same for other in same)}


def _mutated_phrases(labelled: Sequence[tuple[str, tuple[str, ...], float]]
                     ) -> list[tuple[str, tuple[str, ...], float]]:
    """Each phrase again with one word as another form of it the lexicon also lists: "dolur
    gwddf" as "ddolur gwddf", "yn ei wely" as "yn ei gwely". A reply's word the lexicon lists
    in one form is read in the phrases that list another ("mae ganddi ddolur gwddf": "ddolur"
    is listed, in "ddolur rhydd", so it is never respelt to "dolur"). Only forms the lexicon
    uses in phrases of one kind are one word: "chi" (you) is no form of "ci" (a dog)."""
    labels = _labels_of(labelled)
    family = {word: sorted(form for form in (_forms(word) - {word}) & labels.keys()
                           if labels[form] & labels[word]) for word in labels}
    return [(label, (*tokens[:i], other, *tokens[i + 1:]), weight)
            for label, tokens, weight in labelled for i, token in enumerate(tokens)
            for other in family.get(token, ())]


def _sounds(words: Iterable[str], labels: Mapping[str, frozenset[str]]) -> dict[str, str]:
    """Each Latin word of a romanised lexicon by how it sounds, where only one word sounds so,
    or where the words that sound so are spellings of one word (used in phrases of one kind):
    the lexicon lists "bukhar" and "bukhaar", so "bhukhar" is either; "call" and "chal" (walk)
    sound alike but share no kind of phrase, so neither is guessed."""
    found: dict[str, set[str]] = {}
    for word in words:
        key = sound(word)
        if key is not None:
            found.setdefault(key, set()).add(word)
    return {key: min(same) for key, same in found.items()
            if frozenset.intersection(*(labels.get(word, frozenset()) for word in same))}


def _labels_of(labelled: Iterable[tuple[str, tuple[str, ...], float]]
               ) -> dict[str, frozenset[str]]:
    """Each whole word of the lexicon's phrases -> the labels of the phrases it is in."""
    found: dict[str, set[str]] = {}
    for label, tokens, _ in labelled:
        for token in tokens:
            if token != "..." and not token.endswith("*"):
                found.setdefault(token, set()).add(label)
    return {word: frozenset(labels) for word, labels in found.items()}


def build_lexicons(languages: Iterable[Mapping[str, Any]],
                   nicknames: Mapping[str, Iterable[str]] | None = None) -> Lexicons:
    """Lexicons for every language given; `nicknames` maps a short name to full names."""
    built = {lex.language: lex for lex in map(build_language, languages)}
    names: dict[str, set[str]] = {}
    for short, fulls in (nicknames or {}).items():
        for full in fulls:
            # Both directions: "Ollie" finds Oliver, and "Oliver" finds a child known as Ollie.
            names.setdefault(" ".join(split(short)), set()).add(" ".join(split(full)))
            names.setdefault(" ".join(split(full)), set()).add(" ".join(split(short)))
    vocabulary: dict[str, list[str]] = {}
    stems: dict[str, list[str]] = {}
    extra = {raw["language"]: _words(raw.get("words", ())) for raw in languages}
    # Every language's words, Arabic letters too: they weigh language detection (which decides
    # Arabic, Bengali and Gurmukhi letters by script first) and keep everyday words ("ابني",
    # "my son") from being read as a child's name. `words` lists the language's words no
    # phrase uses: for English, the English words other lexicons borrow ("sir", "tension"),
    # so that such a word is shared evidence, never another language's own.
    for code, lex in built.items():
        days = {word for group in (*lex.weekdays, *lex.months) for word in group
                if " " not in word}
        for word in lex.markers | lex.index.all_words | days | extra.get(code, frozenset()):
            if " " not in word:
                vocabulary.setdefault(word, []).append(code)
        for stem in lex.index.stems:
            if len(stem) >= MIN_STEM:
                stems.setdefault(stem, []).append(code)
    return Lexicons(languages=built, nicknames={k: frozenset(v) for k, v in names.items()},
                    vocabulary={word: tuple(codes) for word, codes in vocabulary.items()},
                    stems={stem: tuple(codes) for stem, codes in stems.items()},
                    shared_words=_shared_words(built.values()))


MIN_STEM = 4  # a shorter stem ("bol*") says too little about a word's language


_HEALTH = "health"
_HEALTH_INTENTS = frozenset({Intent.ILLNESS, Intent.MEDICAL_APPOINTMENT})


def _shared_words(languages: Iterable[LanguageLexicon]) -> frozenset[str]:
    """Words one language reads as a reason by themselves that another language uses otherwise.

    "test" alone is a medical test in Roman Urdu, but English only knows it inside longer
    phrases ("blood test", "driving test"): alone it may just be a test message. Such a word
    is weak evidence: it never decides a reply by itself.
    """
    alone: dict[str, set[tuple[str, str]]] = {}  # word -> (language, intent) read alone
    used: dict[str, set[tuple[str, str]]] = {}  # word -> (language, intent) of longer phrases
    for lex in languages:
        for intent, phrases in lex.intents.items():
            for p in phrases:
                # Illness and appointments are one family here: "doctor" is either.
                meaning = _HEALTH if intent in _HEALTH_INTENTS else intent.value
                if len(p.tokens) == 1:
                    alone.setdefault(p.tokens[0], set()).add((lex.language, meaning))
                    continue
                for token in p.tokens:
                    used.setdefault(token, set()).add((lex.language, meaning))
    shared = set()
    for word, readings in alone.items():
        meanings = {intent for _, intent in readings}
        readers = {language for language, _ in readings}
        elsewhere = {intent for language, intent in used.get(word, ()) if language not in readers}
        if len(meanings) > 1 or elsewhere - meanings:
            shared.add(word)
    return frozenset(shared)
