"""An import in a real browser (Debian's Chromium, headless) against the app on loopback: an
attendance officer uploads a contacts export, reads each line's outcome, applies it, uploads the
same file again (every line unchanged, nothing to apply) and cancels. The preview fits a phone.
Screenshots go to test-artifacts/ for a person to look at."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import select

from store.database import Database
from store.models.imports import ImportUpload
from store.models.people import Contact
from tests.console.conftest import Seeded, sign_in_browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
# Jane's mobile changes, a new father is added for both children, and line 4 names a child the
# school does not have.
CONTACTS = """Contact ID,Adno,Contact Name,Relationship,Priority,Mobile,Email
a-P1,a-S1,Jane Testerton,Mother,1,07700 900111,jane.a@example.org
a-P2,a-S1,Tom Testerton,Father,2,07700 900112,
a-P9,a-S9,Nobody Known,Carer,1,07700 900113,
a-P2,a-S2,Tom Testerton,Father,2,07700 900112,
"""


def test_an_officer_previews_applies_and_cancels_an_import(
    browser: object, server: str, seeded: Seeded, db: Database, tmp_path: Path
) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    export = tmp_path / "contacts.csv"
    export.write_text(CONTACTS)
    page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()  # type: ignore[attr-defined]
    sign_in_browser(page, f"{server}/console/sign-in", seeded.a.officer)
    page.click("nav >> text=Import")
    page.select_option("select[name=kind]", "contacts")
    page.set_input_files("input[name=files]", str(export))
    page.click("form.upload button[type=submit]")
    page.wait_for_selector("table.import-preview")
    outcomes = page.eval_on_selector_all("table.import-preview tr[data-line]",
                                         "rows => rows.map(r => [r.dataset.line, r.className])")
    assert outcomes == [["2", "updated"], ["3", "created"], ["4", "refused"], ["5", "created"]]
    assert "Mobile: +447700900101 → +447700900111" in page.inner_text("tr[data-line='2']")
    refused = page.inner_text("tr[data-line='4']")
    assert "No student with id “a-S9” (import students first)." in refused
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=str(ARTIFACTS / "import-1-preview.png"), full_page=True)
    with db.transaction() as session:
        assert session.exec(select(Contact).where(Contact.external_id == "a-P2")).first() is None

    page.click("button.apply")
    page.wait_for_selector("p.done")
    assert "3 new" not in page.inner_text("p.done") and "2 new, 1 changed" in page.inner_text(
        "p.done")
    page.screenshot(path=str(ARTIFACTS / "import-2-applied.png"), full_page=True)
    with db.transaction() as session:
        jane = session.exec(select(Contact).where(Contact.external_id == "a-P1")).one()
        assert jane.phone == "+447700900111"
        assert session.exec(select(Contact).where(Contact.external_id == "a-P2")).one()

    page.select_option("select[name=kind]", "contacts")
    page.set_input_files("input[name=files]", str(export))
    page.click("form.upload button[type=submit]")
    page.wait_for_selector("details.quiet")
    assert page.is_disabled("button.apply")
    page.click("button.cancel")
    page.wait_for_selector("text=Cancelled: nothing was imported.")
    with db.transaction() as session:
        assert session.exec(select(ImportUpload)).all() == []
