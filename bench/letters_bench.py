"""Attendance letters for 100 families written out and set as PDFs.

    python bench/letters_bench.py [--families 100]

Each family's letter in one of the twelve languages in turn (a third of families with two
children), written from the persistent-absence template and set as its own PDF, as the
sending pass does; then the same letters as one print pack. Reports the wall and CPU time.
"""

from __future__ import annotations

import argparse
import os
import time

from channels.catalogs import SUPPORTED_LANGUAGES
from channels.letter_pdf import letter_pdf, letters_pdf
from channels.letters import ChildFigures, write_letter


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--families", type=int, default=100)
    args = parser.parse_args()
    started, cpu = time.perf_counter(), time.process_time()
    letters, size = [], 0
    for family in range(args.families):
        language = SUPPORTED_LANGUAGES[family % len(SUPPORTED_LANGUAGES)]
        children = [ChildFigures("Amelia", "year", 171, 188, 12, 5, 91.0)]
        if family % 3 == 0:
            children.append(ChildFigures("Oliver", "year", 160, 188, 20, 8, 85.1))
        letter = write_letter(template="letter.persistent", language=language,
                              school="St Mary's Catholic Primary School", children=children,
                              threshold=90.0)
        size += len(letter_pdf(letter))
        letters.append(letter)
    each, each_cpu = time.perf_counter() - started, time.process_time() - cpu
    started = time.perf_counter()
    pack = letters_pdf(letters)
    pack_seconds = time.perf_counter() - started
    print(f"{args.families} letters written and set as PDFs in {each:.2f} s (CPU {each_cpu:.2f} "
          f"s; {size / args.families / 1024:.0f} KB each); as one print pack "
          f"{pack_seconds:.2f} s ({len(pack) / 1024:.0f} KB); load average "
          f"{os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
