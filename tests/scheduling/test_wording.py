"""A run's wording: the cached templates write exactly what run_text writes."""

from __future__ import annotations

import pytest

from channels.catalogs import SUPPORTED_LANGUAGES
from scheduling.wording import RunWording, message_language, run_text
from tests.scheduling.families import MONDAY


@pytest.mark.parametrize("kind", ["absence", "catch_up:1000", "pm_absence", "late", "chase"])
@pytest.mark.parametrize("welsh_bilingual", [False, True])
def test_a_runs_wording_is_run_text(kind: str, welsh_bilingual: bool) -> None:
    wording = RunWording(kind, school_name="Hillside Primary", welsh_bilingual=welsh_bilingual,
                         day=MONDAY)
    for contact_language in (*SUPPORTED_LANGUAGES, "de"):
        language, bilingual = message_language(contact_language,
                                               welsh_bilingual=welsh_bilingual)
        for channel in ("sms", "email", "telegram"):
            for names in (("Amy",), ("Elin",), ("Amy", "Elin"), ("Amy", "Ben", "Isabel")):
                expected = run_text(kind, school_name="Hillside Primary", language=language,
                                    bilingual=bilingual, names=names, day=MONDAY,
                                    channel=channel)
                assert wording.text(contact_language, channel, names) == (language, expected)
                assert names[-1] in expected
