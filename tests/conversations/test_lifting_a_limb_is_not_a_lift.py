"""A child who cannot lift their head, arm or leg is ill or hurt ("can barely lift his head"),
not a lift to school: the body part after "lift" makes it illness. Near misses must not: a
lift missed or a car broken down stays transport.

English only: the clash is the English word "lift" (a ride); the other languages name a ride
with a word no body part follows. Every reply here is written for these tests."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS


@pytest.mark.parametrize(
    "text",
    [
        "Amy can barely lift her head, staying home",
        "Amy cant lift her arm after the fall, staying home",
        "Amy has flu and can barely lift his head, back next week",
    ],
)
def test_lifting_a_limb_is_illness(text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint="en").intent is Intent.ILLNESS


@pytest.mark.parametrize(
    "text",
    ["Amy missed her lift this morning, she will be late", "no lift today, car broke down"],
)
def test_a_lift_is_still_transport(text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint="en").intent is Intent.TRANSPORT
