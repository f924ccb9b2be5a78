"""Accuracy of reply understanding on the labelled set: `python -m tests.conversations.accuracy`.

Prints a Markdown report for the README: the older set through `classify` (per language, per
intent precision/recall, urgent recall, unsafe auto-confirmations), then the issue-14 rows
through the whole engine `step` (see `tests.conversations.evaluation`), the tuning part and the
five held-out rounds reported apart. `--failures` lists the misses of the older set and the
tuning part; `--heldout-failures` the five rounds' (rounds 1-3 have been tuned on since their first
score, which the README keeps).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from conversations.policy import may_auto_confirm
from conversations.types import URGENT_INTENTS, Intent, Lexicons, Policy
from conversations.understanding import classify
from store.lexicons import load_lexicons
from tests.conversations import evaluation as steps

LABELLED = Path(__file__).parent / "labelled"


@dataclass(frozen=True, slots=True)
class Outcome:
    text: str
    lang: str
    gold: Intent
    got: Intent
    urgent: bool
    auto_confirmed: bool  # the engine would set a code without a person


def labelled_replies() -> list[dict[str, str]]:
    rows = []
    for path in sorted(LABELLED.glob("*.jsonl")):
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                 if line.strip()]
    return rows


def evaluate(lexicons: Lexicons) -> list[Outcome]:
    policy = Policy()
    outcomes = []
    for row in labelled_replies():
        reading = classify(row["text"], lexicons=lexicons, language_hint=row["lang"])
        auto = may_auto_confirm(reading.intent, policy) and not reading.needs_staff
        outcomes.append(Outcome(row["text"], row["lang"], Intent(row["intent"]), reading.intent,
                                reading.urgent, auto))
    return outcomes


def urgent_recall(outcomes: list[Outcome]) -> tuple[int, int]:
    urgent = [o for o in outcomes if o.gold in URGENT_INTENTS]
    return sum(o.urgent for o in urgent), len(urgent)


def unsafe_auto_confirms(outcomes: list[Outcome]) -> list[Outcome]:
    """Replies the bot would confirm by itself although a person should have decided.

    (Illness read as an appointment, or the other way round, is a wrong code but not one
    that needed a person; the intent accuracy counts it.)"""
    policy = Policy()
    return [o for o in outcomes if o.auto_confirmed and not may_auto_confirm(o.gold, policy)]


def accuracy_by_language(outcomes: list[Outcome]) -> dict[str, tuple[int, int]]:
    result: dict[str, tuple[int, int]] = {}
    for lang in sorted({o.lang for o in outcomes}):
        mine = [o for o in outcomes if o.lang == lang]
        result[lang] = (sum(o.gold is o.got for o in mine), len(mine))
    return result


def report(outcomes: list[Outcome]) -> str:
    lines = ["| language | replies | intent accuracy |", "|---|---:|---:|"]
    for lang, (right, total) in accuracy_by_language(outcomes).items():
        lines.append(f"| {lang} | {total} | {right / total:.1%} |")
    right = sum(o.gold is o.got for o in outcomes)
    lines.append(f"| all | {len(outcomes)} | {right / len(outcomes):.1%} |")
    found, total = urgent_recall(outcomes)
    lines += ["", f"Urgent recall: {found}/{total} ({found / total:.0%}). "
              f"Auto-confirmed replies that should have gone to a person: "
              f"{len(unsafe_auto_confirms(outcomes))}.", "",
              "| intent | support | precision | recall |", "|---|---:|---:|---:|"]
    gold = Counter(o.gold for o in outcomes)
    got = Counter(o.got for o in outcomes)
    hits = Counter(o.gold for o in outcomes if o.gold is o.got)
    for intent in Intent:
        if gold[intent] or got[intent]:
            precision = hits[intent] / got[intent] if got[intent] else 0.0
            recall = hits[intent] / gold[intent] if gold[intent] else 0.0
            lines.append(f"| {intent.value} | {gold[intent]} | {precision:.0%} | {recall:.0%} |")
    return "\n".join(lines)


def main() -> None:
    lexicons = load_lexicons()
    outcomes = evaluate(lexicons)
    print(report(outcomes))
    parts = {steps.PART_NAMES[part]: steps.evaluate_part(part, lexicons) for part in steps.PARTS}
    print()
    print(steps.report(parts))
    if "--failures" in sys.argv:
        print()
        for o in outcomes:
            if o.gold is not o.got:
                print(f"{o.lang}  {o.gold.value:22} got {o.got.value:22} {o.text}")
        print(steps.failures(parts["tuning"]))
    if "--heldout-failures" in sys.argv:
        for name, part in parts.items():
            if name != "tuning":
                print(steps.failures(part))


if __name__ == "__main__":
    main()
