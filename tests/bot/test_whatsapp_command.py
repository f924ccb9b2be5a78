"""`rollcall whatsapp templates` on a real store: each school's templates in each language, ready
to submit, and the setting that names each approved Content SID."""

from __future__ import annotations

import json

import pytest

from channels.whatsapp_templates import templates_for
from store.database import Database
from store.errors import NotFound
from store.models.schools import School
from tests.bot import test_cli
from tests.bot.test_cli import rollcall

store_url = test_cli.store_url  # the CLI tests' store, at the newest migration


def schools(db: Database, *names: str, welsh: bool = False) -> list[int]:
    with db.transaction() as session:
        added = [School(name=name, welsh_bilingual=welsh) for name in names]
        session.add_all(added)
        session.flush()
        return [school.id or 0 for school in added]


def test_one_schools_templates_in_arabic_ready_to_submit(store_url: str, db: Database) -> None:
    [school_id] = schools(db, "Harbour Lane Academy")
    code, out = rollcall(store_url, "whatsapp", "templates", "--language", "ar")
    assert code == 0, out
    [absence, _several] = templates_for("absence.first", "ar", school="Harbour Lane Academy")
    assert "\n".join([
        "name: absence_first_one",
        "school: Harbour Lane Academy",
        "language: ar",
        "category: UTILITY",
        f'setting: "absence.first.one:ar:{school_id}": "<Content SID>"',
        "body:",
        absence.body,
        "{{1}}: the children's first names, e.g. Amy",
        "{{2}}: the day, e.g. الاثنين، 23 نوفمبر",
        "check: ok",
    ]) in out
    assert 'setting: "reason.thanks:ar": "<Content SID>"' in out  # no school named: any school's
    # 34 message keys (the family's self-certification and digest, and a declined one, among
    # them) and 3 with a second plural wording
    assert out.count("name: ") == 37


def test_json_is_what_twilios_content_api_takes(store_url: str, db: Database) -> None:
    schools(db, "Harbour Lane Academy")
    [bryn] = schools(db, "Ysgol Bryn", welsh=True)
    code, out = rollcall(store_url, "whatsapp", "templates", "--school", str(bryn), "--json")
    assert code == 0, out
    entries = {entry["setting"]: entry for entry in json.loads(out)}
    late = entries[f"late.notice:en:{bryn}"]  # a Welsh school's English is Welsh, then English
    assert late["content"]["language"] == "en_GB"
    assert late["content"]["friendly_name"] == f"late_notice_{bryn}"  # several schools
    body = late["content"]["types"]["twilio/text"]["body"]
    assert body.startswith("Ysgol Bryn: cyrhaeddodd {{1}} yn hwyr") and "\n\nYsgol Bryn: " in body
    assert late["content"]["variables"] == {"1": "Amy", "2": "Dydd Llun, 23 Tachwedd",
                                            "3": "Amy", "4": "Monday 23 November"}
    assert late["approval"] == {"name": f"late_notice_{bryn}", "category": "UTILITY"}
    assert entries[f"late.notice:cy:{bryn}"]["content"]["language"] is None
    assert any("no template language for 'cy'" in p
               for p in entries[f"late.notice:cy:{bryn}"]["problems"])


def test_a_language_or_school_that_is_not_there_is_one_clear_line(store_url: str,
                                                                   db: Database) -> None:
    with pytest.raises(NotFound, match="no schools yet: add one"):  # `rollcall` says it
        rollcall(store_url, "whatsapp", "templates")
    schools(db, "Harbour Lane Academy")
    code, out = rollcall(store_url, "whatsapp", "templates", "--language", "fr")
    assert code != 0 and "no messages in 'fr'" in out
    code, out = rollcall(store_url, "whatsapp", "templates", "--school", "99")
    assert code != 0 and "no school 99" in out
