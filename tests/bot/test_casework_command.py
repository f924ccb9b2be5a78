"""`rollcall casework run|print-pack` on a real store: the pass by hand, once a day, and the
letters to post as a PDF file."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import select

from store.casework_ladder import Stage, save_ladder, school_ladder
from store.database import Database
from store.models.audit import AuditEntry
from tests.bot import test_cli
from tests.bot.test_cli import rollcall
from tests.fonts import needs_fonts
from tests.scheduling.casework_world import FRIDAY, SchoolWorld, sessions

store_url = test_cli.store_url  # the CLI tests' store, at the newest migration


@needs_fonts
def test_run_the_pass_and_print_the_letters_to_post(store_url: str, db: Database,
                                                    tmp_path: Path) -> None:
    automatic = Stage("friendly", "below", "letter", percent=95.0,
                      template="letter.friendly", automatic=True)
    with db.transaction() as session:
        school = SchoolWorld(session)
        save_ladder(session, school_id=school.id, ladder=(automatic,))
        school.student("Amy", sessions(47, 3), school.family(
            "Ann", email=False, address=("1 Ash Lane", "Leeds", "ZZ1 1AA")))
        school.student("Ben", sessions(47, 3), school.family("Bea", email=False))
    code, out = rollcall(store_url, "casework", "run", "--school", str(school.id),
                         "--day", FRIDAY.isoformat())
    assert code == 0, out
    assert f"school {school.id} {FRIDAY}: done; crossed: friendly 2" in out
    assert "sent 2" in out
    code, again = rollcall(store_url, "casework", "run", "--school", str(school.id),
                           "--day", FRIDAY.isoformat())
    assert code == 0 and ": already;" in again
    pack = tmp_path / "post.pdf"
    code, out = rollcall(store_url, "casework", "print-pack", "--school", str(school.id),
                         "--out", str(pack))
    assert code == 0 and pack.read_bytes().startswith(b"%PDF-"), out
    assert f"school {school.id}: 1 letters to post written to {pack}" in out
    # Bea's letter is not left out silently: the report names it.
    assert "to Bea about Ben: no postal address (not in the pack)" in out


def test_a_school_that_does_not_exist_is_one_clear_line(store_url: str) -> None:
    code, out = rollcall(store_url, "casework", "run", "--school", "99")
    assert code != 0 and "no school 99" in out


LADDER = """
[[rung]]
key = "concern"
rule = "below"
percent = 92.5
template = "letter.concern"

[[rung]]
key = "persistent"
rule = "at_or_below"
percent = 90
period = "term"
action = "letter_meeting"
template = "letter.persistent"

[[rung]]
key = "framework"
rule = "framework"
sessions = 8
action = "review_task"
"""


def test_a_school_sets_its_own_ladder_from_a_file(store_url: str, db: Database,
                                                  tmp_path: Path) -> None:
    with db.transaction() as session:
        school = SchoolWorld(session)
    code, out = rollcall(store_url, "casework", "ladder", "--school", str(school.id))
    assert code == 0 and out.startswith("1. friendly: below 95% (year) -> letter")
    ladder = tmp_path / "ladder.toml"
    ladder.write_text(LADDER.replace('rule = "below"', 'rule = "below"\naction = "letter"'))
    code, out = rollcall(store_url, "casework", "ladder", "--school", str(school.id),
                         "--file", str(ladder))
    assert code == 0, out
    assert out.splitlines() == [
        "1. concern: below 92.5% (year) -> letter letter.concern",
        "2. persistent: at_or_below 90% (term) -> letter_meeting letter.persistent",
        "3. framework: 8 unauthorised sessions in 10 school weeks (year) -> review_task"]
    # One bad rung: refused with why, and the ladder the school set stands.
    ladder.write_text(LADDER)  # the concern rung says no action
    code, out = rollcall(store_url, "casework", "ladder", "--school", str(school.id),
                         "--file", str(ladder))
    assert code == 1 and "rung 1: no action" in out
    with db.transaction() as session:
        assert [s.key for s in school_ladder(session, school_id=school.id)] == [
            "concern", "persistent", "framework"]
        [entry] = session.exec(select(AuditEntry).where(
            AuditEntry.action == "casework.ladder")).all()
    assert entry.actor == "cli" and '"percent": 92.5' in (entry.new_value or "")
