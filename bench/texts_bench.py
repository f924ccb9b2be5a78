"""Rendering messages through the Babel catalogs: microseconds a message, per language.

    python bench/texts_bench.py [--messages 20000]

Times `render()` with the work it does for a reply (catalog lookup, plural form, the date and
the names written in the language) and the runs' cached `run_text()` (a template per school,
day and language; only the names differ), both after one warm-up message.
"""

from __future__ import annotations

import argparse
import time
from datetime import date

from channels.catalogs import SUPPORTED_LANGUAGES
from channels.texts import render
from scheduling.wording import run_text

DAY = date(2026, 11, 23)


def per_message(call: object, messages: int) -> float:
    """Microseconds a message for `call(i)` over `messages` calls."""
    call(0)  # type: ignore[operator]
    start = time.perf_counter()
    for i in range(messages):
        call(i)  # type: ignore[operator]
    return (time.perf_counter() - start) / messages * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=20000)
    messages = parser.parse_args().messages
    print(f"{'language':9} {'render us':>10} {'run_text us':>12}")
    for language in (*SUPPORTED_LANGUAGES, "cy+en"):
        lang, bilingual = ("cy", True) if language == "cy+en" else (language, False)
        rendered = per_message(lambda i, lang=lang, bi=bilingual: render(
            "absence.first", lang, bilingual=bi,
            params={"school": "Oakfield Academy", "names": [f"Amy{i}", "Ben"], "date": DAY}),
            messages)
        composed = per_message(lambda i, lang=lang, bi=bilingual: run_text(
            "absence", school_name="Oakfield Academy", language=lang, bilingual=bi,
            names=[f"Amy{i}", "Ben"], day=DAY), messages)
        print(f"{language:9} {rendered:10.1f} {composed:12.1f}")


if __name__ == "__main__":
    main()
