"""Split the issue-14 labelled replies into a tuning part and a frozen held-out part.

    python bench/split_labelled.py NEW_ROWS.jsonl [...]
    python bench/split_labelled.py --check

About 40% of each language's rows are held out, chosen with a fixed seed and stratified by
language and by class (so every kind of reply is in both parts). The result goes to
tests/conversations/labelled/tuning/<lang>.jsonl and .../heldout/<lang>.jsonl. Run once, before
anyone tunes: from then on the held-out files are never edited and never tuned on
(`--check` re-splits their union and fails if a row has moved between the parts).
"""

from __future__ import annotations

import json
import random
import sys
from collections import defaultdict
from pathlib import Path

LABELLED = Path(__file__).resolve().parent.parent / "tests" / "conversations" / "labelled"
SEED = 14  # the number; never change it
SHARE = 0.4
Row = dict[str, object]


def split(rows: list[Row]) -> tuple[list[Row], list[Row]]:
    """(tuning, held out): per language, per class, shuffled with the fixed seed."""
    rng = random.Random(SEED)
    tuning: list[Row] = []
    heldout: list[Row] = []
    by_language: dict[str, list[Row]] = defaultdict(list)
    for row in sorted(rows, key=lambda r: (str(r["lang"]), str(r["text"]))):
        by_language[str(row["lang"])].append(row)
    for lang in sorted(by_language):
        classes: dict[str, list[Row]] = defaultdict(list)
        for row in by_language[lang]:
            classes[str(row.get("class", "intent"))].append(row)
        ordered: list[Row] = []
        for name in sorted(classes):
            group = classes[name]
            rng.shuffle(group)
            ordered += group
        offset = rng.random()
        for i, row in enumerate(ordered):  # systematic sampling: exactly SHARE, evenly spread
            taken = int((i + 1) * SHARE + offset) > int(i * SHARE + offset)
            (heldout if taken else tuning).append(row)
    return tuning, heldout


def _write(folder: Path, rows: list[Row]) -> None:
    folder.mkdir(exist_ok=True)
    by_language: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        by_language[str(row["lang"])].append(json.dumps(row, ensure_ascii=False))
    for lang, lines in by_language.items():
        (folder / f"{lang}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _read(paths: list[Path]) -> list[Row]:
    return [json.loads(line) for path in paths
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _key(row: Row) -> tuple[str, str]:
    return str(row["lang"]), str(row["text"])


def main() -> None:
    if sys.argv[1:] == ["--check"]:
        stored = _read(sorted((LABELLED / "heldout").glob("*.jsonl")))
        rows = _read(sorted((LABELLED / "tuning").glob("*.jsonl"))) + stored
        _, heldout = split(rows)
        assert sorted(map(_key, heldout)) == sorted(map(_key, stored)), "the held-out part moved"
        print(f"held-out part intact: {len(stored)} of {len(rows)} rows")
        return
    tuning, heldout = split(_read([Path(p) for p in sys.argv[1:]]))
    _write(LABELLED / "tuning", tuning)
    _write(LABELLED / "heldout", heldout)
    print(f"tuning {len(tuning)} rows, held out {len(heldout)} rows")


if __name__ == "__main__":
    main()
