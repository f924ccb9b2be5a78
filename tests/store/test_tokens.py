"""The one token hash: API tokens and link tokens are stored as it, never in clear."""

from __future__ import annotations

from store.tokens import hash_token


def test_a_token_is_kept_as_its_sha256() -> None:
    # SHA-256("abc"), FIPS 180-2 appendix B.1: the stored form is the plain hex digest.
    assert hash_token("abc") == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    assert hash_token("rc_one") != hash_token("rc_two")
