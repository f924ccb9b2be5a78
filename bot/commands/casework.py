"""`rollcall casework run|print-pack`: the weekly attendance pass by hand, and the letters to
post as one PDF."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Annotated

import typer

from bot.commands import DayOpt, SchoolArg, open_store, school_day
from bot.settings import load_settings
from scheduling.casework import casework_pass
from scheduling.casework_post import print_pack
from store.casework_ladder import ladder_from, school_ladder, set_ladder
from store.clock import SystemClock
from store.errors import InvalidInput
from store.schools import school_by_id
from store.students import names_used


def register(app: typer.Typer) -> None:
    casework_app = typer.Typer(help="Attendance casework: the ladder's weekly pass and the "
                                    "letters it drafts.", no_args_is_help=True)

    @casework_app.command("run")
    def run(school: SchoolArg, day: DayOpt = None) -> None:
        """Run the weekly pass now: who crossed a rung, letters drafted (or sent where the
        rung is automatic), framework reviews. Once a day: a second run says so."""
        database = open_store()
        clock = SystemClock()
        try:
            when = school_day(database, clock, school_id=school, day=day)
            settings = load_settings()
            report = casework_pass(database, clock, school_id=school, day=when,
                                   rolling_weeks=settings.casework_rolling_weeks)
        finally:
            database.dispose()
        crossed = ", ".join(f"{rung} {n}" for rung, n in report.crossed.items()) or "none"
        typer.echo(f"school {school} {when}: {report.outcome}; crossed: {crossed}; "
                   f"recovered {report.recovered}; reviews {report.reviews}; letters to "
                   f"approve {report.drafted}, sent {report.approved}, withheld "
                   f"{report.withheld}")

    @casework_app.command("ladder")
    def ladder(school: SchoolArg, file: Annotated[Path | None, typer.Option(
            "--file", help="A TOML file of [[rung]] tables to set as the school's ladder.")
            ] = None) -> None:
        """Show the school's attendance ladder, or set its own from a file (every rung
        checked first: one bad rung changes nothing). Audited."""
        database = open_store()
        try:
            with database.transaction() as session:
                if school_by_id(session, school) is None:
                    raise typer.BadParameter(f"no school {school}", param_hint="--school")
                if file is not None:
                    rungs = tomllib.loads(file.read_text(encoding="utf-8")).get("rung", [])
                    set_ladder(session, SystemClock(), school_id=school,
                               ladder=ladder_from(rungs), actor="cli")
                shown = school_ladder(session, school_id=school)
        except (InvalidInput, tomllib.TOMLDecodeError, OSError) as error:
            typer.echo(f"rollcall: {error}", err=True)
            raise typer.Exit(1) from None
        finally:
            database.dispose()
        for n, stage in enumerate(shown, 1):
            when = (f"{stage.sessions} unauthorised sessions in 10 school weeks"
                    if stage.rule == "framework" else f"{stage.rule} {stage.percent:g}%"
                    if stage.is_threshold else f"{stage.percent:g} points above the rung")
            typer.echo(f"{n}. {stage.key}: {when} ({stage.period}) -> {stage.action}"
                       f"{' ' + stage.template if stage.template else ''}"
                       f"{', automatic' if stage.automatic else ''}")

    @casework_app.command("print-pack")
    def pack(school: SchoolArg, out: Annotated[Path, typer.Option(
            "--out", help="Where to write the PDF.")] = Path("letters-to-post.pdf")) -> None:
        """Every letter waiting to be posted that has an address, as one PDF to print; and
        those that have none, listed as "no postal address"."""
        database = open_store()
        try:
            with database.transaction() as session:
                found = school_by_id(session, school)
                if found is None:
                    raise typer.BadParameter(f"no school {school}", param_hint="--school")
                printed = print_pack(session, SystemClock(), found)
                names = names_used(session, {s for letter in printed.unaddressed
                                             for s in letter.student_ids})
        finally:
            database.dispose()
        if printed.pdf is None:
            typer.echo(f"school {school}: no letters to print")
        else:
            out.write_bytes(printed.pdf)
            typer.echo(f"school {school}: {len(printed.printed)} letters to post written to "
                       f"{out}")
        for letter in printed.unaddressed:
            children = ", ".join(names.get(s, str(s)) for s in letter.student_ids)
            typer.echo(f"  letter {letter.letter_id} to {letter.contact} about {children}: "
                       "no postal address (not in the pack)")
        if printed.withheld:
            typer.echo(f"  {printed.withheld} withheld: their contact may no longer be "
                       "written to")

    app.add_typer(casework_app, name="casework")
