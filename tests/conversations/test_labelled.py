"""The issue-14 labelled rows are well formed, frozen, and judged the way the README says.

The targets themselves are figures (`python -m tests.conversations.accuracy`), not tests: the
held-out part must stay unseen, so nothing here fails on how well the engine reads it.
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from datetime import date
from pathlib import Path

from conversations.types import Intent, Session, SessionRef
from store.lexicons import load_lexicons
from tests.conversations.evaluation import PARTS, facts_for, judge, rows, sent_at

LANGUAGES = {"en", "cy", "pl", "ro", "ur", "ar", "bn", "pa", "so", "pt", "es", "lt"}
CLASSES = {"plain", "time", "session", "evening", "closed", "siblings", "weak", "urgent",
           "ok_sibling", "all_poorly", "wrong_number", "intent"}
SPLITTER = Path(__file__).resolve().parents[2] / "bench" / "split_labelled.py"


def test_every_language_has_thirty_new_replies_and_every_class() -> None:
    every = rows("tuning") + rows("heldout")
    per_language = Counter(r["lang"] for r in every)
    assert set(per_language) == LANGUAGES and min(per_language.values()) >= 30, per_language
    for lang in LANGUAGES:
        assert {r["class"] for r in every if r["lang"] == lang} == CLASSES, lang
    assert {r["intent"] for r in every} == {i.value for i in Intent}


def test_rows_carry_what_the_engine_is_given_and_what_is_right() -> None:
    for part in PARTS:
        for row in rows(part):
            facts = facts_for(row)
            assert sent_at(row).tzinfo is not None and facts.today.year in (2026, 2027)
            assert isinstance(row["clear"], bool), row
            Intent(row["intent"])
            for child in row["children"]:
                for mark in child["marks"]:
                    date.fromisoformat(mark["day"]), Session(mark["session"])
                if "intent" in child:
                    Intent(child["intent"])
                    for ref in child["sessions"]:
                        day, half = ref.split()
                        assert SessionRef(date.fromisoformat(day), Session(half))
            if row["clear"]:
                assert all(c["sessions"] for c in row["children"] if "intent" in c), row


def test_the_held_out_part_is_the_seeded_split_and_has_not_moved() -> None:
    spec = importlib.util.spec_from_file_location("split_labelled", SPLITTER)
    assert spec and spec.loader
    splitter = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(splitter)
    stored = rows("heldout")
    _, heldout = splitter.split(rows("tuning") + stored)
    assert sorted((r["lang"], r["text"]) for r in heldout) == sorted(
        (r["lang"], r["text"]) for r in stored)
    share = len(stored) / (len(stored) + len(rows("tuning")))
    assert 0.38 <= share <= 0.42


def test_a_weak_reply_confirmed_and_a_wrong_session_are_counted() -> None:
    """The judge itself: "Test" confirmed as an appointment is a weak confirmation, and a code
    past the session the reply covers is a wrong session (whatever the engine does today)."""
    row = {"text": "at the dentist til 11", "lang": "en", "intent": "medical_appointment",
           "class": "time", "sent": "2026-11-25T09:40", "clear": True,
           "children": [{"id": "S1", "name": "Amy", "intent": "medical_appointment",
                         "marks": [{"day": "2026-11-25", "session": "AM", "code": "N"}],
                         "sessions": ["2026-11-25 AM"]}]}
    outcome = judge(row, load_lexicons())
    wrong = {ref for _, ref in outcome.confirmed} - {SessionRef(date(2026, 11, 25), Session.AM)}
    assert set(outcome.wrong_session) == wrong
    weak = dict(row, text="Test", intent="unclear", clear=False, **{"class": "weak"})
    outcome = judge(weak, load_lexicons())
    assert outcome.weak_confirmed is bool(outcome.confirmed)
