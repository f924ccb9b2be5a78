"""Every real reply email under tests/fixtures/email_replies/ comes down to the family's own
words: exactly the expected reply, except the known failures listed here and in the README
("Email replies"), and none of those loses a word the family wrote."""

from __future__ import annotations

import pytest

from tests.channels.email_reply_cases import ReplyCase, extract, lost_words, reply_cases, same_words

# Known failures: what is read still holds something that is not the family's (never less).
KNOWN_FAILURES = {
    # A home-made signature with no delimiter and no device words in it.
    "crisp/email_6",
    # Gmail's "2016-03-03 17:21 GMT+01:00 Some One" with neither address nor colon: a date and
    # a name alone are not taken for an attribution (a parent may write just that).
    "discourse/embedded_email_11",
}

CASES = reply_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_reply_is_exactly_the_familys_words(case: ReplyCase) -> None:
    got = extract(case)
    assert lost_words(got, case.expected) == []  # never a word of theirs lost
    if case.id in KNOWN_FAILURES:
        assert not same_words(got, case.expected), "fixed: take it off KNOWN_FAILURES"
    else:
        assert got.split() == case.expected.split()


def test_the_corpus_is_all_there() -> None:
    # A fixture folder that failed to load would make every test above pass vacuously.
    corpora = {c.corpus for c in CASES}
    assert corpora == {
        "built",
        "crisp",
        "discourse",
        "github",
        "quotequail",
        "talon",
        "willdurand",
        "zapier",
    }
    assert len(CASES) >= 300
    assert {c.id for c in CASES} >= KNOWN_FAILURES
