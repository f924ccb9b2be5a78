"""The console in each member of staff's language: their own choice on the account page (kept,
audited), else the browser's, else English; every page marked with its language and direction;
the ids the store keeps shown as words; a family's reply in another language shown with the
engine's reading of it."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from bot.console.languages import (
    accepted_languages,
    code_meaning,
    format_minutes,
    format_when,
    percent_in,
)
from store.clock import FakeClock
from store.database import Database
from store.models.audit import AuditEntry
from store.models.conversations import Message
from store.models.staff import StaffUser
from store.staff import user_by_email
from tests.console.conftest import Seeded, csrf_of, sign_in


def html_tag(page: str) -> str:
    found = re.search(r"<html[^>]*>", page)
    assert found, "no <html> element"
    return found.group(0)


def choose(client: TestClient, language: str) -> object:
    csrf = csrf_of(client.get("/console/account").text)
    return client.post("/console/account/language",
                       data={"csrf_token": csrf, "language": language})


def test_accept_language_is_read_by_its_weights() -> None:
    assert accepted_languages("de-DE,de;q=0.9,pl;q=0.8,en;q=0.5") == ["de-DE", "de", "pl", "en"]
    assert accepted_languages("pl;q=0.5, cy") == ["cy", "pl"]
    assert accepted_languages("*, xx;q=0") == []


@pytest.mark.parametrize(("header", "served"), [
    ("de-DE,de;q=0.9,pl;q=0.8", "pl"),  # no German catalog: the next language they read
    ("pt-BR,pt;q=0.9", "pt"),
    ("en-GB,ar;q=0.9", "en"),
    ("ar", "ar"),
    ("", "en"),
])
def test_signed_out_pages_follow_the_browser(client: TestClient, header: str,
                                             served: str) -> None:
    page = client.get("/console/sign-in", headers={"accept-language": header}).text
    assert f'lang="{served}"' in html_tag(page)


def test_arabic_and_urdu_pages_run_right_to_left(client: TestClient) -> None:
    for language, sign_in_words in (("ar", "تسجيل الدخول"), ("ur", "سائن اِن")):
        page = client.get("/console/sign-in", headers={"accept-language": language}).text
        assert html_tag(page) == f'<html lang="{language}" dir="rtl">'
        assert sign_in_words in page
    english = client.get("/console/sign-in", headers={"accept-language": "en"}).text
    assert html_tag(english) == '<html lang="en" dir="ltr">'


def test_a_chosen_language_wins_over_the_browser_and_is_kept(
        client: TestClient, seeded: Seeded, db: Database) -> None:
    sign_in(client, seeded.a.officer)
    response = choose(client, "pl")
    assert response.status_code == 303  # type: ignore[attr-defined]
    account = client.get(response.headers["location"],  # type: ignore[attr-defined]
                         headers={"accept-language": "cy"}).text
    assert html_tag(account) == '<html lang="pl" dir="ltr">'
    assert "Język został zapisany." in account  # the confirmation, in the new language
    inbox = client.get("/console/", headers={"accept-language": "cy"}).text
    assert "Skrzynka" in inbox and "Czego dotyczy odpowiedź" in inbox
    with db.transaction() as session:
        user = user_by_email(session, seeded.a.officer)
        assert user is not None and user.language == "pl"
        entry = session.exec(select(AuditEntry).where(AuditEntry.action == "user.language")).one()
        assert (entry.actor, entry.old_value, entry.new_value) == (
            f"staff:{user.id}", None, "pl")


def test_the_browser_language_again_and_an_unknown_one_refused(
        client: TestClient, seeded: Seeded, db: Database) -> None:
    sign_in(client, seeded.a.reader)  # read-only staff choose their language too
    assert choose(client, "ar").status_code == 303  # type: ignore[attr-defined]
    assert choose(client, "").status_code == 303  # type: ignore[attr-defined]
    page = client.get("/console/", headers={"accept-language": "es"}).text
    assert html_tag(page) == '<html lang="es" dir="ltr">'
    refused = choose(client, "xx")
    assert refused.status_code == 400  # type: ignore[attr-defined]
    assert "“xx” is not a language the console has." in refused.text  # type: ignore[attr-defined]
    with db.transaction() as session:
        user = session.exec(select(StaffUser).where(StaffUser.email == seeded.a.reader)).one()
        assert user.language is None


def test_the_inbox_names_what_the_reply_was_about(client: TestClient, seeded: Seeded) -> None:
    sign_in(client, seeded.a.officer)
    page = client.get("/console/", headers={"accept-language": "en"}).text
    assert "<th>Reply about</th>" in page and ">Intent<" not in page
    assert "Family circumstances" in page and "family_circumstances<" not in page


def test_codes_roles_and_dates_are_in_the_readers_language(
        client: TestClient, seeded: Seeded) -> None:
    sign_in(client, seeded.a.admin)
    choose(client, "pl")
    conversation = client.get(f"/console/conversations/{seeded.a.conversation_id}").text
    assert "I — choroba fizyczna lub psychiczna (nie wizyty)" in conversation
    assert "administrator" in client.get("/console/staff").text
    assert code_meaning("N", "ar") == "لم يُذكر السبب بعد"
    assert code_meaning("N", "en") == "reason not yet provided"


def test_dates_take_each_languages_own_form(clock: FakeClock) -> None:
    day = clock.now().date()
    assert format_when(day, "en", "%a %d %b") == f"{day:%a} {day.day} {day:%b}"
    assert format_when(day, "pl", "%B %Y").split()[-1] == str(day.year)
    assert format_when(None, "pl") == ""


def test_percentages_take_each_languages_decimal_mark(client: TestClient, week: Seeded) -> None:
    assert (percent_in(54.5, "en"), percent_in(54.5, "pl"), percent_in(None, "pl")) == (
        "54.5%", "54,5%", "—")
    assert percent_in(84.25, "es") == "84,2%" and percent_in(100.0, "ar") == "100.0%"
    sign_in(client, week.a.officer)
    choose(client, "pl")
    student = client.get(f"/console/students/{week.a.student_id}").text
    assert re.search(r"<b>\d+,\d%</b>", student), "the student's attendance, written as in Polish"


def test_a_wait_is_told_in_minutes_then_hours_then_days() -> None:
    assert [format_minutes(n, "en") for n in (5, 59, 60, 2879, 2880, 20566)] == [
        "5 mins", "59 mins", "1 hr", "47 hrs", "2 days", "14 days"]
    assert format_minutes(20566, "pl") == "14 dni"


def test_a_reply_in_another_language_comes_with_its_reading(
        client: TestClient, seeded: Seeded, db: Database, clock: FakeClock) -> None:
    with db.transaction() as session:
        session.add(Message(school_id=seeded.a.school_id,
                            conversation_id=seeded.a.conversation_id,
                            contact_id=seeded.a.contact_id, direction="in", channel="sms",
                            body="Amy jest chora, ma gorączkę", intent="illness",
                            created_at=clock.now() + timedelta(minutes=2)))
    sign_in(client, seeded.a.officer)
    page = client.get(f"/console/conversations/{seeded.a.conversation_id}",
                      headers={"accept-language": "en"}).text
    assert 'lang="pl">Amy jest chora, ma gorączkę</div>' in page
    reading = page[page.index("Amy jest chora"):]
    reading = reading[:reading.index("</li>")]
    assert "Written in Polish. The bot read it as:" in reading
    assert "Child is ill" in reading
    # An English reply read by an English reader needs no gloss.
    english = page[page.index("back Thursday"):]
    assert "The bot read it as" not in english[:english.index("</li>")]
