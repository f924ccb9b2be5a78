"""`rollcall replay SCRIPT.yaml ...`: run conversation scripts and report what happened."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated, Any

import typer

from bot.replay.runner import Outcome, run_script
from bot.replay.script import ScriptError, load_script

EXIT_FAILED = 1
EXIT_INVALID = 2


def register(app: typer.Typer) -> None:
    @app.command("replay")
    def replay(
        scripts: Annotated[list[Path], typer.Argument(help="Conversation scripts (YAML).")],
        as_json: Annotated[bool, typer.Option("--json", help="Print whole transcripts as JSON.")]
        = False,
    ) -> None:
        """Run conversation scripts on a fresh temporary store with a virtual clock.

        Exit 0 when every expectation held, 1 when one did not, 2 for a script that is not valid.
        """
        try:
            loaded = [load_script(path) for path in scripts]
        except ScriptError as error:
            typer.echo(f"rollcall replay: {error}", err=True)
            raise typer.Exit(EXIT_INVALID) from None
        outcomes = []
        for script in loaded:
            started = time.perf_counter()
            try:
                outcome = run_script(script)
            except ScriptError as error:
                typer.echo(f"rollcall replay: {error}", err=True)
                raise typer.Exit(EXIT_INVALID) from None
            outcomes.append(outcome)
            if not as_json:
                typer.echo(report(outcome, seconds=time.perf_counter() - started))
        if as_json:
            typer.echo(json.dumps([_as_json(o) for o in outcomes], ensure_ascii=False, indent=2,
                                  default=str))
        if not all(o.passed for o in outcomes):
            raise typer.Exit(EXIT_FAILED)


def report(outcome: Outcome, *, seconds: float) -> str:
    """What a person reads: a pass line, or the failing step, expectation and transcript."""
    script = outcome.script
    if outcome.passed:
        return f"PASS  {script.name}  ({script.path}, {seconds:.2f} s)"
    lines = [f"FAIL  {script.name}  ({script.path})"]
    for failure in outcome.failures:
        lines += [f"  step at line {failure.step.line}: {failure.expected}",
                  f"  what happened: {failure.happened}"]
    lines.append("  transcript so far:")
    lines += [f"    {_transcript_line(entry)}" for entry in outcome.transcript]
    return "\n".join(lines)


def _transcript_line(entry: dict[str, Any]) -> str:
    when = str(entry.get("at", ""))[11:16]
    kind = entry["kind"]
    if kind == "sent":
        return f"{when}  rollcall -> {entry['to']} ({entry['channel']}): {entry['text']}"
    if kind == "received":
        return f"{when}  {entry['from']} -> rollcall ({entry['channel']}): {entry['text']}"
    if kind == "mark":
        return (f"{when}  mark {entry['student']} {entry['date']} {entry['session']}: "
                f"{entry['old']} -> {entry['new']} by {entry['by']}")
    if kind == "escalation":
        return f"{when}  escalation ({entry['urgency']}, {entry['intent']}): {entry['why']}"
    return f"{when}  {kind}: {entry}"


def _as_json(outcome: Outcome) -> dict[str, Any]:
    return {"name": outcome.script.name, "path": outcome.script.path, "passed": outcome.passed,
            "failures": [{"line": f.step.line, "expected": f.expected, "happened": f.happened}
                         for f in outcome.failures],
            "transcript": outcome.transcript}
