"""The school's settings in the console (issue 19 item 1): an admin changes them in one form,
each change audited; a bad value is shown beside its field, in the reader's language, and
nothing is saved; the on-call list for urgent alerts is set by giving people places."""

from __future__ import annotations

import re

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import col, select

from store.database import Database
from store.models.audit import AuditEntry
from store.models.schools import School
from store.models.staff import StaffUser
from store.on_call import on_call_list
from tests.console.conftest import Seeded, sign_in

LISTS = ("auto_confirm", "self_cert_reasons", "self_cert_evidence_reasons")  # checkbox lists


def form_of(page: str) -> dict[str, object]:
    """The settings form as the browser would send it, unchanged."""
    form = re.search(r'<form class="settings".*?</form>', page, re.S)
    assert form, "no settings form"
    html = form.group(0)
    data: dict[str, object] = {}
    for tag in re.findall(r"<input [^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name is None:
            continue
        kind = re.search(r'type="(\w+)"', tag)
        if kind and kind.group(1) in ("checkbox", "radio") and " checked" not in tag:
            continue
        if name.group(1) in LISTS:
            data.setdefault(name.group(1), []).append(value.group(1) if value else "")  # type: ignore[union-attr]
        else:
            data[name.group(1)] = value.group(1) if value else ""
    for select_name, select_html in re.findall(r'<select name="(\w+)"[^>]*>(.*?)</select>', html,
                                               re.S):
        chosen = re.search(r'<option value="([^"]*)" selected', select_html)
        data[select_name] = chosen.group(1) if chosen else ""
    return data


def user_ids(db: Database) -> dict[str, int]:
    with db.transaction() as session:
        return {u.email: u.id or 0 for u in session.exec(select(StaffUser))}


def settings_audit(db: Database) -> list[tuple[str, str | None, str | None, str]]:
    with db.transaction() as session:
        rows = session.exec(select(AuditEntry).where(
            col(AuditEntry.action).startswith("school.setting.")).order_by(col(AuditEntry.id)))
        return [(r.action, r.old_value, r.new_value, r.actor) for r in rows]


def test_an_admin_changes_settings_and_the_on_call_order_each_change_audited(
        client: TestClient, seeded: Seeded, db: Database) -> None:
    sign_in(client, seeded.a.admin)
    page = client.get("/console/settings").text
    assert "Alder Academy" in page and "Birch School" not in page
    data = form_of(page)
    assert data["absence_run_at"] == "09:30" and data["nation"] == "England"
    ids = user_ids(db)
    admin, dsl = ids[seeded.a.admin], ids[seeded.a.dsl]
    assert (data[f"on_call_{dsl}"], data[f"on_call_{admin}"]) == ("1", "2")  # leads first
    data |= {"absence_run_at": "09:40", "nation": "Wales", "welsh_bilingual": "yes",
             "phone": "0113 496 0000", f"on_call_{admin}": "1", f"on_call_{dsl}": "2"}
    response = client.post("/console/settings", data=data)
    assert response.status_code == 303
    assert response.headers["location"] == f"/console/settings?school={seeded.a.school_id}&saved=5"
    saved = client.get(response.headers["location"]).text
    assert "Saved. Settings changed: 5." in saved
    actor = f"staff:{admin}"
    assert settings_audit(db) == [
        ("school.setting.nation", "England", "Wales", actor),
        ("school.setting.absence_run_at", "09:30", "09:40", actor),
        ("school.setting.phone", "", "+441134960000", actor),
        ("school.setting.welsh_bilingual", "False", "True", actor),
        ("school.setting.on_call", f"{seeded.a.dsl},{seeded.a.admin}",
         f"{seeded.a.admin},{seeded.a.dsl}", actor)]
    with db.transaction() as session:
        school = session.get(School, seeded.a.school_id)
        assert school is not None and school.country == "GB-WLS" and school.welsh_bilingual
        assert [u.email for u in on_call_list(session, seeded.a.school_id)] == [
            seeded.a.admin, seeded.a.dsl]
    # The same form again is no change and no audit entry.
    again = client.post("/console/settings", data=form_of(saved))
    assert again.headers["location"].endswith("saved=0") and len(settings_audit(db)) == 5


def test_a_bad_value_is_shown_beside_its_field_and_nothing_is_saved(
        client: TestClient, seeded: Seeded, db: Database) -> None:
    sign_in(client, seeded.a.admin)
    data = form_of(client.get("/console/settings").text)
    data |= {"name": "Renamed", "chase_run_at": "09:15"}
    refused = client.post("/console/settings", data=data)
    assert refused.status_code == 400
    assert ("Chase (no reply yet) (09:15) cannot come before Morning absence messages (09:30)"
            in refused.text.replace("&#39;", "'"))
    assert "Nothing was saved." in refused.text
    assert re.search(r'name="chase_run_at" id="field-chase_run_at" value="09:15" '
                     r'aria-invalid="true"', refused.text)
    assert 'value="Renamed"' in refused.text  # what was typed stays in the form
    with db.transaction() as session:
        assert session.get(School, seeded.a.school_id).name == "Alder Academy"  # type: ignore[union-attr]
    assert settings_audit(db) == []


def test_nobody_on_call_is_refused_and_a_place_given_twice_too(
        client: TestClient, seeded: Seeded, db: Database) -> None:
    sign_in(client, seeded.a.admin)
    data = form_of(client.get("/console/settings").text)
    ids = user_ids(db)
    admin, dsl = ids[seeded.a.admin], ids[seeded.a.dsl]
    nobody = client.post("/console/settings", data=data | {f"on_call_{admin}": "",
                                                           f"on_call_{dsl}": ""})
    assert nobody.status_code == 400 and "urgent alerts must reach someone" in nobody.text
    twice = client.post("/console/settings", data=data | {f"on_call_{admin}": "1",
                                                          f"on_call_{dsl}": "1"})
    assert twice.status_code == 400 and "Two people have place 1" in twice.text
    assert settings_audit(db) == []


def test_the_page_in_welsh(client: TestClient, seeded: Seeded) -> None:
    sign_in(client, seeded.a.admin)
    welsh = {"accept-language": "cy-GB,en;q=0.8"}
    page = client.get("/console/settings", headers=welsh).text
    assert "Gosodiadau'r ysgol" in page.replace("&#39;", "'")
    data = form_of(page) | {"late_run_at": "7:5"}
    refused = client.post("/console/settings", data=data, headers=welsh).text
    assert "HH:MM" in refused and "Ni chadwyd dim." in refused


def test_only_admins_and_only_their_schools(app: FastAPI, client: TestClient,
                                            seeded: Seeded) -> None:
    token = sign_in(client, seeded.a.officer)
    assert client.get("/console/settings").status_code == 403
    assert client.post("/console/settings", data={
        "csrf_token": token, "school": str(seeded.a.school_id), "name": "Mine"}).status_code == 403
    client.cookies.clear()
    token = sign_in(client, seeded.a.admin)
    assert client.get(f"/console/settings?school={seeded.b.school_id}").status_code == 404
    assert client.post("/console/settings", data={
        "csrf_token": token, "school": str(seeded.b.school_id), "name": "Mine"}).status_code == 404
    assert "/console/settings" in client.get("/console/").text


def test_a_university_sets_its_digest_time_and_what_students_may_self_certify(
        client: TestClient, seeded: Seeded, db: Database) -> None:
    sign_in(client, seeded.a.admin)
    data = form_of(client.get("/console/settings").text)
    assert data["digest_at"] == "17:30" and data["self_cert_max_days"] == "7"
    assert data["self_cert_evidence_reasons"] == ["medical_appointment"]
    assert "illness" in data["self_cert_reasons"]  # type: ignore[operator]
    data |= {"setting": "university", "digest_at": "18:15", "self_cert_max_days": "5",
             "self_cert_reasons": ["bereavement", "illness"],
             "self_cert_evidence_reasons": ["bereavement"]}
    response = client.post("/console/settings", data=data)
    assert response.status_code == 303 and response.headers["location"].endswith("saved=5")
    with db.transaction() as session:
        school = session.get(School, seeded.a.school_id)
        assert school is not None
        assert (f"{school.digest_at:%H:%M}", school.self_cert_max_days,
                school.self_cert_reasons, school.self_cert_evidence_reasons) == (
            "18:15", 5, ["bereavement", "illness"], ["bereavement"])
    data = form_of(client.get("/console/settings").text) | {"self_cert_max_days": "90"}
    refused = client.post("/console/settings", data=data)
    assert refused.status_code == 400 and "Nothing was saved." in refused.text
    assert re.search(r'id="field-self_cert_max_days"[^>]*aria-invalid="true"', refused.text)
    assert "a whole number from 0 to 60" in refused.text


def test_engagement_rules_are_set_on_the_settings_page(
        client: TestClient, seeded: Seeded, db: Database) -> None:
    sign_in(client, seeded.a.admin)
    data = form_of(client.get("/console/settings").text)
    assert (data["engagement_min_percent"], data["visa_missed_in_row"]) == ("75.0", "10")
    refused = client.post("/console/settings", data=data | {"engagement_min_percent": "130"})
    assert refused.status_code == 400
    assert "Attendance under (%): a percentage from 0 to 100." in refused.text
    saved = client.post("/console/settings", data=data | {
        "engagement_min_percent": "70", "visa_days_without": "0"})
    assert saved.headers["location"].endswith("saved=2")
    assert [(a, old, new) for a, old, new, _ in settings_audit(db)] == [
        ("school.setting.engagement_min_percent", "75.0", "70.0"),
        ("school.setting.visa_days_without", "14", "0")]


def test_the_school_sets_the_console_language_of_staff_who_have_not_chosen_one(
        client: TestClient, seeded: Seeded, db: Database) -> None:
    sign_in(client, seeded.a.admin)
    data = form_of(client.get("/console/settings").text)
    assert data["staff_language"] == ""  # none set: each browser's language
    refused = client.post("/console/settings", data=data | {"staff_language": "de"})
    assert refused.status_code == 400
    assert ("Staff's console language, for those who have not chosen one: choose one of the "
            "options." in refused.text.replace("&#39;", "'"))
    assert settings_audit(db) == []
    saved = client.post("/console/settings", data=data | {"staff_language": "pl"})
    assert saved.headers["location"].endswith("saved=1")
    assert [(a, old, new) for a, old, new, _ in settings_audit(db)] == [
        ("school.setting.staff_language", "", "pl")]
    # The admin's page is now in Polish (they chose none), whatever their browser asks for.
    page = client.get("/console/settings", headers={"accept-language": "en-GB"}).text
    assert '<html lang="pl"' in page and form_of(page)["staff_language"] == "pl"
    account = client.get("/console/account").text
    assert "Język szkoły: Polski" in account
    # Their own choice comes first; Birch School's staff are not Alder's.
    with db.transaction() as session:
        officer = session.exec(select(StaffUser).where(StaffUser.email == seeded.a.officer)).one()
        officer.language = "ar"
        session.add(officer)
    sign_in(client, seeded.a.officer)
    assert '<html lang="ar"' in client.get("/console/").text
    sign_in(client, seeded.b.officer)
    assert '<html lang="en"' in client.get("/console/",
                                           headers={"accept-language": "en-GB"}).text
    # Back to none: the browser's language again.
    sign_in(client, seeded.a.admin)
    again = client.post("/console/settings", data=form_of(
        client.get("/console/settings").text) | {"staff_language": ""})
    assert again.headers["location"].endswith("saved=1")
    assert '<html lang="cy"' in client.get("/console/", headers={
        "accept-language": "cy"}).text


def test_the_school_sets_the_sessions_before_a_percentage_is_shown(
        client: TestClient, seeded: Seeded, db: Database) -> None:
    """Issue 21: no attendance percentage until there is enough data to mean one, each school
    deciding how much that is; a value that is not a whole number from 1 to 100 is refused in
    the reader's language, beside its field, with nothing saved."""
    sign_in(client, seeded.a.admin)
    data = form_of(client.get("/console/settings").text)
    assert data["min_possible_sessions"] == "10"  # the default
    student = f"/console/students/{seeded.a.student_id}"
    assert "Too few sessions yet for a percentage." in client.get(student).text  # 2 of 10
    polish = {"accept-language": "pl"}
    for bad in ("0", "101", "2.5", "ten", ""):
        refused = client.post("/console/settings", data=data | {"min_possible_sessions": bad},
                              headers=polish)
        assert refused.status_code == 400, bad
        assert ("liczba całkowita od 1 do 100." in refused.text
                and "Nic nie zostało zapisane." in refused.text), bad
        assert re.search(r'name="min_possible_sessions" id="field-min_possible_sessions" '
                         rf'value="{re.escape(bad)}" aria-invalid="true"', refused.text)
    assert settings_audit(db) == []
    saved = client.post("/console/settings", data=data | {"min_possible_sessions": " 2 "})
    assert saved.headers["location"].endswith("saved=1")
    assert [(a, old, new) for a, old, new, _ in settings_audit(db)] == [
        ("school.setting.min_possible_sessions", "10", "2")]
    page = client.get(student).text
    assert "Too few sessions yet for a percentage." not in page and "0.0%" in page
