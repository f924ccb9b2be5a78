"""`rollcall casework run|print-pack` on a real store: the pass by hand, once a day, and the
letters to post as a PDF file."""

from __future__ import annotations

from pathlib import Path

from store.casework_ladder import Stage, save_ladder
from store.database import Database
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
