"""`rollcall whatsapp templates`: the WhatsApp templates each school submits for approval, in
each of its languages, ready to paste into Twilio's Content Template Builder (or, with --json,
to post to Twilio's Content API), with the setting that names each approved Content SID."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from bot.commands import open_store
from channels.catalogs import SUPPORTED_LANGUAGES
from channels.whatsapp_templates import (
    CATEGORY,
    WHATSAPP_LANGUAGES,
    Template,
    meanings,
    own_template,
    problems,
    school_templates,
)
from store.errors import NotFound
from store.models.schools import School
from store.schools import all_schools


def register(app: typer.Typer) -> None:
    whatsapp_app = typer.Typer(help="WhatsApp through Twilio: the templates to approve.",
                               no_args_is_help=True)

    @whatsapp_app.command("templates")
    def templates(
        language: Annotated[str | None, typer.Option(
            help=f"One language ({', '.join(SUPPORTED_LANGUAGES)}); default every one.")] = None,
        school: Annotated[int | None, typer.Option(
            help="One school's id; default every school.")] = None,
        as_json: Annotated[bool, typer.Option(
            "--json", help="Twilio Content API requests instead of text.")] = False,
    ) -> None:
        """Each template's name, language, category, body with its numbered variables and
        their samples, what would stop WhatsApp approving it, and its setting in
        ROLLCALL_WHATSAPP_TEMPLATES."""
        if language is not None and language not in SUPPORTED_LANGUAGES:
            raise typer.BadParameter(f"no messages in {language!r}: one of "
                                     f"{', '.join(SUPPORTED_LANGUAGES)}",
                                     param_hint="--language")
        every = _every_school()
        chosen = [s for s in every if school in (None, s.id)]
        if school is not None and not chosen:
            raise typer.BadParameter(f"no school {school}", param_hint="--school")
        if not chosen:
            raise NotFound("no schools yet: add one with `rollcall school add`")
        entries: dict[str, dict[str, Any]] = {}
        for found in chosen:
            for lang in [language] if language else SUPPORTED_LANGUAGES:
                for template in school_templates(lang, school=found.name,
                                                 bilingual=found.welsh_bilingual):
                    entry = _entry(template, found, several=len(every) > 1)
                    entries.setdefault(entry["setting"], entry)  # one for every school
        if as_json:
            typer.echo(json.dumps(list(entries.values()), ensure_ascii=False, indent=2))
            return
        for entry in entries.values():
            typer.echo(_text(entry))

    app.add_typer(whatsapp_app, name="whatsapp")


def _every_school() -> list[School]:
    database = open_store()
    try:
        with database.transaction() as session:
            return all_schools(session)
    finally:
        database.dispose()


def _entry(template: Template, school: School, *, several: bool) -> dict[str, Any]:
    """One template as Twilio's Content API takes it (content), WhatsApp's approval request
    (approval) and the ROLLCALL_WHATSAPP_TEMPLATES key for its Content SID (setting)."""
    own = own_template(template)  # the school's alone: its setting carries its id
    # WhatsApp's names are one account's: with several schools, each its own.
    name = f"{template.name}_{school.id}" if own and several else template.name
    samples = template.samples()
    return {
        "school": school.name if own else None,
        "setting": f"{template.key}:{template.language}" + (f":{school.id}" if own else ""),
        "content": {
            "friendly_name": name,
            "language": WHATSAPP_LANGUAGES.get(template.language),
            "variables": {str(n): value for n, value in enumerate(samples, 1)},
            "types": {"twilio/text": {"body": template.body}},
        },
        "approval": {"name": name, "category": CATEGORY},
        "variables": list(meanings(template)),
        "problems": problems(template),
    }


def _text(entry: dict[str, Any]) -> str:
    content = entry["content"]
    lines = [f"name: {content['friendly_name']}",
             f"school: {entry['school'] or '(every school)'}",
             f"language: {content['language'] or '(none in WhatsApp)'}",
             f"category: {entry['approval']['category']}",
             f'setting: "{entry["setting"]}": "<Content SID>"',
             "body:", content["types"]["twilio/text"]["body"]]
    lines += [f"{{{{{n}}}}}: {meaning}, e.g. {content['variables'][str(n)]}"
              for n, meaning in enumerate(entry["variables"], 1)]
    lines += [f"check: {problem}" for problem in entry["problems"]] or ["check: ok"]
    return "\n".join([*lines, ""])
