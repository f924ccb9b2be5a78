"""Email replies: how many real reply emails come down to exactly the family's words, how many
lose any of them, and how long reading one takes.

    python bench/email_reply_bench.py [--repeat 20] [--list]

Every fixture under tests/fixtures/email_replies/ (real corpora and the built ones, see its
SOURCE.md) is read as the inbound email path reads it (`.eml` through the MIME parser, `.html`
through the HTML reader, `.txt` as a plain body) and compared with its expected reply, word for
word. "Lost": a word of the expected reply is missing from what was read (must be 0).
"Leaked": all the family's words are there, with something that is not theirs. Time: each
fixture's decoded body cut `--repeat` times by the extractor (read as HTML first for .html and
HTML-only mail); p50/p99/max over every single cut. The whole read of the .eml fixtures (the
stdlib MIME parser, headers and attachments, then the extractor) is timed apart.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.channels.email_reply_cases import (
    ReplyCase,
    body_of,
    cut,
    extract,
    lost_words,
    reply_cases,
    same_words,
)


def spread(timings: list[float]) -> str:
    ordered = sorted(timings)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return (
        f"p50 {statistics.median(ordered) * 1000:.3f} ms  p99 {p99 * 1000:.3f} ms  "
        f"max {ordered[-1] * 1000:.3f} ms  ({len(ordered)} reads)"
    )


def timed(case: ReplyCase, repeat: int) -> tuple[list[float], list[float], list[float]]:
    """The extractor's wall and CPU times on the decoded body (CPU time leaves out the time
    the shared machine gave to others); an .eml's whole read, wall time."""
    body, html = body_of(case)
    cuts, cpu, whole = [], [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.thread_time()
        cut(body, html=html)
        cuts.append(time.perf_counter() - started)
        cpu.append(time.thread_time() - started_cpu)
        if case.path.suffix == ".eml":
            started = time.perf_counter()
            extract(case)
            whole.append(time.perf_counter() - started)
    return cuts, cpu, whole


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20, help="reads of each fixture")
    parser.add_argument("--list", action="store_true", help="print every failure in full")
    args = parser.parse_args()
    cases = reply_cases()
    right, lost, leaked = 0, [], []
    cuts: list[float] = []
    cpu: list[float] = []
    whole: list[float] = []
    by_corpus: dict[str, list[int]] = {}
    for case in cases:
        got = extract(case)
        case_cuts, case_cpu, case_whole = timed(case, args.repeat)
        cuts += case_cuts
        cpu += case_cpu
        whole += case_whole
        counts = by_corpus.setdefault(case.corpus, [0, 0])
        counts[1] += 1
        if same_words(got, case.expected):
            right += 1
            counts[0] += 1
        elif lost_words(got, case.expected):
            lost.append((case.id, got))
        else:
            leaked.append((case.id, got))
    print(
        f"fixtures: {len(cases)}  exactly right: {right} ({100 * right / len(cases):.1f}%)  "
        f"lost: {len(lost)}  leaked: {len(leaked)}"
    )
    for corpus, (ok, total) in sorted(by_corpus.items()):
        print(f"  {corpus:<11} {ok}/{total}")
    print(f"reading one reply (the extractor), wall time: {spread(cuts)}")
    print(f"reading one reply (the extractor), CPU time: {spread(cpu)}")
    print(f"an .eml read whole (MIME parsing, then the extractor): {spread(whole)}")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"load {os.getloadavg()[0]:.1f}, Python {platform.python_version()}"
    )
    for kind, failures in (("LOST", lost), ("leaked", leaked)):
        for case_id, got in failures:
            print(f"{kind}: {case_id}")
            if args.list:
                print("    " + got.replace("\n", "\n    "))


if __name__ == "__main__":
    main()
