"""The labelled set's targets: urgent recall 100%, nothing confirmed that a person should
decide, intent accuracy >= 90% in English and >= 80% in every other language."""

from __future__ import annotations

import pytest

from store.lexicons import load_lexicons
from tests.conversations.accuracy import (
    Outcome,
    accuracy_by_language,
    evaluate,
    labelled_replies,
    unsafe_auto_confirms,
    urgent_recall,
)


@pytest.fixture(scope="module")
def outcomes() -> list[Outcome]:
    return evaluate(load_lexicons())


def test_the_labelled_set_is_big_enough_in_every_language() -> None:
    rows = labelled_replies()
    assert len(rows) >= 300
    per_language = {lang: sum(r["lang"] == lang for r in rows)
                    for lang in ("cy", "pl", "ro", "es", "pt", "ar", "ur", "bn", "pa", "so", "lt")}
    assert min(per_language.values()) >= 25, per_language


def test_every_urgent_reply_is_urgent(outcomes: list[Outcome]) -> None:
    found, total = urgent_recall(outcomes)
    missed = [o.text for o in outcomes if o.gold.value in
              ("in_school_dispute", "whereabouts_unknown", "safeguarding") and not o.urgent]
    assert found == total, missed


def test_nothing_is_auto_confirmed_that_a_person_should_decide(outcomes: list[Outcome]) -> None:
    assert [o.text for o in unsafe_auto_confirms(outcomes)] == []


def test_intent_accuracy_per_language(outcomes: list[Outcome]) -> None:
    for lang, (right, total) in accuracy_by_language(outcomes).items():
        floor = 0.90 if lang == "en" else 0.80
        assert right / total >= floor, (lang, right, total)
