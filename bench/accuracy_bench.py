"""Issue 14's numbers: the labelled replies through the whole engine `step`.

    python bench/accuracy_bench.py [--failures] [--readme]

Prints, for the tuning part and the seven held-out rounds apart (each scored once before it was
tuned on; the README keeps those first scores): urgent recall, intent accuracy
per language, the share of clear single reasons confirmed without staff, and the confirmed codes
on a wrong session, a closed day or a weak reply (tests/conversations/evaluation.py explains
how each is judged). Targets on the held-out part: urgent recall 100%; intent >= 95% English and
>= 90% every other language; >= 90% of clear single reasons confirmed; zero bad confirmations.
`--failures` lists every part's misses.
`--readme` writes the tables into README.md between its step-accuracy markers.
"""

from __future__ import annotations

import os
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from store.lexicons import load_lexicons
from tests.conversations import evaluation

README = Path(__file__).resolve().parent.parent / "README.md"
BEGIN = "<!-- step-accuracy: regenerate with bench/accuracy_bench.py -->"
END = "<!-- /step-accuracy -->"


def main() -> None:
    lexicons = load_lexicons()
    started = time.perf_counter()
    parts = {evaluation.PART_NAMES[part]: evaluation.evaluate_part(part, lexicons)
             for part in evaluation.PARTS}
    elapsed = time.perf_counter() - started
    tables = evaluation.report(parts) + "\n\nWhat misses, by class of reply:\n\n" + (
        evaluation.misses_by_kind(parts))
    print(tables)
    replies = sum(len(outcomes) for outcomes in parts.values())
    print(f"\n{replies} replies through step + classify in {elapsed:.2f} s; "
          f"load average {os.getloadavg()[0]:.1f}; {platform.machine()}, "
          f"Python {platform.python_version()}")
    if "--readme" in sys.argv:
        text = README.read_text(encoding="utf-8")
        head, _, rest = text.partition(BEGIN)
        _, _, tail = rest.partition(END)
        README.write_text(f"{head}{BEGIN}\n{tables}\n{END}{tail}", encoding="utf-8")
    if "--failures" in sys.argv:
        print()
        for outcomes in parts.values():
            print(evaluation.failures(outcomes))


if __name__ == "__main__":
    main()
