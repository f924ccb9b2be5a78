"""`rollcall school add|list|show|set|token|alert-detail`: the schools this rollcall serves,
their settings, their API tokens and how much their urgent alerts name."""

from __future__ import annotations

from typing import Annotated

import typer

from bot.commands import open_store
from store.clock import SystemClock
from store.engagement_rules import SETTINGS as ENGAGEMENT_SETTINGS
from store.errors import InvalidInput, NotFound
from store.school_settings import change_settings, school_settings
from store.schools import ALERT_DETAILS, add_school, all_schools, issue_api_token, school_by_id

TimeOpt = Annotated[str | None, typer.Option(help="HH:MM, school-local.")]


def register(app: typer.Typer) -> None:
    school_app = typer.Typer(help="Schools and their REST API tokens.", no_args_is_help=True)

    @school_app.command("add")
    def school_add(
        name: Annotated[str, typer.Argument(help="The school's name as families know it.")],
        timezone: Annotated[str, typer.Option(help="IANA time zone of the school.")]
        = "Europe/London",
        setting: Annotated[str, typer.Option(
            help="school, college or university: who is messaged by default.")] = "school",
    ) -> None:
        """Create a school (or a college or university); prints its id and a new API token
        (shown only this once)."""
        database = open_store()
        with database.transaction() as session:
            school, token = add_school(session, SystemClock(), name=name, timezone=timezone,
                                       setting=setting)
        typer.echo(f"school {school.id}: {school.name} ({school.timezone})")
        typer.echo(f"API token (store it now; it is not shown again): {token}")

    @school_app.command("list")
    def school_list() -> None:
        """Every school: id, name, time zone."""
        database = open_store()
        with database.transaction() as session:
            for school in all_schools(session):
                typer.echo(f"{school.id}\t{school.name}\t{school.timezone}")

    @school_app.command("token")
    def school_token(school_id: Annotated[int, typer.Argument(help="The school's id.")]) -> None:
        """Issue a new API token for a school; the old one stops working at once."""
        database = open_store()
        with database.transaction() as session:
            token = issue_api_token(session, SystemClock(), school_id=school_id)
        typer.echo(f"API token for school {school_id} (the old one no longer works): {token}")

    @school_app.command("alert-detail")
    def school_alert_detail(
        school_id: Annotated[int, typer.Argument(help="The school's id.")],
        detail: Annotated[str, typer.Argument(help=f"One of: {', '.join(ALERT_DETAILS)}.")],
    ) -> None:
        """How much the school's urgent alerts to staff name: full (the child, the concern and
        the family's number; the default), concern (no child) or minimal (none of these)."""
        database = open_store()
        with database.transaction() as session:
            change_settings(session, SystemClock(), school_id=school_id, actor="cli",
                            changes={"alert_detail": detail})
        typer.echo(f"school {school_id}: urgent alerts name {detail}")

    @school_app.command("show")
    def school_show(school_id: Annotated[int, typer.Argument(help="The school's id.")]) -> None:
        """A school's settings, one a line (what `rollcall school set` changes)."""
        database = open_store()
        with database.transaction() as session:
            school = school_by_id(session, school_id)
            if school is None:
                raise NotFound(f"no school {school_id}")
            for name, value in school_settings(session, school).items():
                shown = ",".join(value) if isinstance(value, list) else value
                typer.echo(f"{name}\t{'' if shown is None else shown}")

    @school_app.command("set")
    def school_set(
        school_id: Annotated[int, typer.Argument(help="The school's id.")],
        name: Annotated[str | None, typer.Option(help="The school's name.")] = None,
        nation: Annotated[str | None, typer.Option(
            help="England, Wales, Scotland or Northern Ireland (its bank holidays).")] = None,
        timezone: Annotated[str | None, typer.Option(help="IANA time zone.")] = None,
        register_close: TimeOpt = None, absence_run: TimeOpt = None, late_run: TimeOpt = None,
        chase_run: TimeOpt = None, call_list: TimeOpt = None, pm_absence_run: TimeOpt = None,
        quiet_start: TimeOpt = None, quiet_end: TimeOpt = None,
        auto_confirm: Annotated[str | None, typer.Option(
            help='Intents the bot confirms by itself, comma-separated ("" for none).')] = None,
        welsh_bilingual: Annotated[bool | None, typer.Option(
            help="Messages in Welsh first, then English.")] = None,
        sms_sender: Annotated[str | None, typer.Option(
            help='A number, a Messaging Service SID or a sender name ("" for ours).')] = None,
        setting: Annotated[str | None, typer.Option(
            help="school, college or university: who is messaged by default.")] = None,
        family_contact: Annotated[str | None, typer.Option(
            help='Parents and carers messaged: always, under_18 or never ("" for the '
                 "setting's default).")] = None,
        staff_language: Annotated[str | None, typer.Option(
            help='The console\'s language for staff who have not chosen one: en, cy, pl, ro, '
                 'ur, ar, bn, pa, so, pt, es or lt ("" for their browser\'s).')] = None,
        settle_minutes: Annotated[int | None, typer.Option(
            help="Minutes after registers close before the absence run (0-60).")] = None,
        max_auto_illness_days: Annotated[int | None, typer.Option(
            help="The longest illness in days the bot confirms by itself (1-10).")] = None,
        contact_all_with_pr: Annotated[bool | None, typer.Option(
            help="Message every contact with parental responsibility.")] = None,
        email_from: Annotated[str | None, typer.Option(
            help='The school\'s own address for its email ("" for ours).')] = None,
        phone: Annotated[str | None, typer.Option(
            help="The school office's number, for HELP replies.")] = None,
        call_list_urgent: Annotated[bool | None, typer.Option(
            help="Raise the call list as urgent escalations.")] = None,
        on_call: Annotated[str | None, typer.Option(
            help="Who urgent alerts go to, in order: DSLs' and admins' emails, "
                 "comma-separated.")] = None,
        digest_at: TimeOpt = None,
        self_cert_max_days: Annotated[int | None, typer.Option(
            help="Calendar days a student may self-certify without evidence.")] = None,
        self_cert_max_per_term: Annotated[int | None, typer.Option(
            help="Self-certifications a student may make in a term (0: no limit).")] = None,
        min_possible_sessions: Annotated[int | None, typer.Option(
            help="Possible sessions before a student's attendance percentage is shown and "
                 "read by the ladder and the engagement rules (1-100).")] = None,
        self_cert_reasons: Annotated[str | None, typer.Option(
            help="Reasons a student may self-certify, comma-separated intents.")] = None,
        self_cert_evidence_reasons: Annotated[str | None, typer.Option(
            help="Reasons a student must send evidence for, comma-separated.")] = None,
        rule: Annotated[list[str] | None, typer.Option(
            help="An engagement rule as NAME=VALUE, e.g. engagement_min_percent=70 or "
                 "visa_missed_in_row=10 (0 turns a rule off); repeat for more.")] = None,
    ) -> None:
        """Change a school's settings: all checked before any is written, each audited, in
        effect at the school's next run."""
        given = {"name": name, "nation": nation, "timezone": timezone,
                 "register_close": register_close, "absence_run_at": absence_run,
                 "late_run_at": late_run, "chase_run_at": chase_run, "call_list_at": call_list,
                 "pm_absence_run_at": pm_absence_run, "quiet_start": quiet_start,
                 "quiet_end": quiet_end, "auto_confirm": auto_confirm,
                 "welsh_bilingual": welsh_bilingual, "sms_sender": sms_sender,
                 "setting": setting, "family_contact": family_contact,
                 "staff_language": staff_language,
                 "settle_minutes": settle_minutes, "max_auto_illness_days": max_auto_illness_days,
                 "contact_all_with_pr": contact_all_with_pr, "email_from": email_from,
                 "phone": phone, "call_list_urgent": call_list_urgent, "on_call": on_call,
                 "digest_at": digest_at, "self_cert_max_days": self_cert_max_days,
                 "self_cert_max_per_term": self_cert_max_per_term,
                 "min_possible_sessions": min_possible_sessions,
                 "self_cert_reasons": self_cert_reasons,
                 "self_cert_evidence_reasons": self_cert_evidence_reasons,
                 **_rules(rule or [])}
        database = open_store()
        with database.transaction() as session:
            done = change_settings(session, SystemClock(), school_id=school_id, actor="cli",
                                   changes={k: v for k, v in given.items() if v is not None})
        for change in done:
            typer.echo(f"{change.setting}: {change.old or '-'} -> {change.new or '-'}")
        typer.echo(f"school {school_id}: {len(done)} setting(s) changed"
                   + (", in effect at its next run" if done else ""))

    app.add_typer(school_app, name="school")


def _rules(given: list[str]) -> dict[str, str]:
    """`--rule NAME=VALUE` options as settings (the name is checked with the value)."""
    rules = {}
    for item in given:
        name, equals, value = item.partition("=")
        if not equals or name.strip() not in ENGAGEMENT_SETTINGS:
            raise InvalidInput(f"--rule takes NAME=VALUE with NAME one of "
                               f"{', '.join(ENGAGEMENT_SETTINGS)}, not {item!r}")
        rules[name.strip()] = value.strip()
    return rules
