"""A concept file's romanised words hide no spelling the lexicon reads (conversations/text.py
`sound`, conversations/spelling.py `by_form`): a word of any lexicon is read as itself, so a
concept listing "chhuri", "takar" or "bhukki" stopped the Bengali "churi" and "thakar" and the
Urdu "bhooki" (hungry) from being found under their other spellings, and made a hungry child
read as poppy husk. Checked for the concepts listed: every language's files of them are taken
out and put back, and Roman Urdu, Banglish and Roman Punjabi must read each spelling as before
(one load for each group of them: the lexicons are slow to build on a busy machine). The
KCSIE abuse concepts (neglect, physical, emotional, domestic) are a group of their own: they
write "samne", "jaati", "khaan" as the lexicons do, and "the wal*" as a stem, so that
Roman Punjabi "vaal" (hair) is not read as "wall"."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conversations.text import sound
from store.lexicons import LOCALES, load_lexicons

CHECKED = ("criminal_exploitation", "serious_violence", "substance_misuse", "radicalisation",
           "fell_off_a_bike", "cannot_stand_school")
ABUSE = ("neglect", "physical_abuse", "emotional_abuse", "domestic_abuse")
AWAY = ("honour_based_abuse", "missing_education", "self_harm", "running_away")


@pytest.mark.parametrize("checked", [CHECKED, ABUSE, AWAY], ids=["exploitation", "abuse", "away"])
def test_the_concepts_hide_no_romanised_spelling(tmp_path: Path, checked: tuple[str, ...]) -> None:
    root = tmp_path / "locales"
    shutil.copytree(LOCALES, root, ignore=shutil.ignore_patterns("*.po", "*.mo", "*.pot"))
    for concept in checked:
        for path in root.glob(f"*/concepts/{concept}.toml"):
            path.unlink()
    without, with_it = load_lexicons(root), load_lexicons()
    added = set(with_it.vocabulary) - set(without.vocabulary)
    for language, before in without.languages.items():
        if not (before.sounds and before.romanised):
            continue
        hidden = {word: before.sounds[key] for word in added
                  if (key := sound(word)) is not None and before.sounds.get(key, word) != word}
        lost = {key: word for key, word in before.sounds.items()
                if with_it.languages[language].sounds.get(key) != word}
        assert (language, hidden, lost) == (language, {}, {})
