"""Runs in the console: today's schedule with each run's state; "Run now" shows the dry run
(counts per channel and language, sample texts), writes nothing, and the confirmed run sends
exactly what it showed, once."""

from __future__ import annotations

import re
from datetime import timedelta

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import col, select

from store.clock import FakeClock
from store.database import Database
from store.models.audit import AuditEntry
from store.models.outbound import Outbox, Run
from tests.console.conftest import Seeded, csrf_of, sign_in


def _state(page: str, kind: str) -> str:
    found = re.search(rf'<tr class="run (\w+)" data-kind="{kind}">', page)
    assert found, f"no {kind} run on the page"
    return found.group(1)


def _written(db: Database) -> tuple[list[Run], list[Outbox]]:
    with db.transaction() as session:
        return (
            list(session.exec(select(Run))),
            list(session.exec(select(Outbox).where(col(Outbox.run_id).is_not(None)))),
        )


def test_the_dry_run_writes_nothing_and_the_run_sends_what_it_showed_once(
    client: TestClient, seeded: Seeded, db: Database
) -> None:
    sign_in(client, seeded.a.officer)
    page = client.get("/console/runs").text
    assert "Alder Academy" in page and "Birch School" not in page
    assert _state(page, "absence") == "later"  # 08:00; the absence run is at 09:30

    preview = client.get(
        "/console/runs/preview", params={"school": seeded.a.school_id, "kind": "absence"}
    )
    assert preview.status_code == 200
    html = preview.text
    assert "Nothing has been sent yet" in html
    composed = int(re.search(r'class="composed">Messages: (\d+)<', html).group(1))  # type: ignore[union-attr]
    per_channel = dict(re.findall(r'data-channel="(\w+)"><td>\w+</td><td>(\d+)<', html))
    per_language = dict(re.findall(r'data-language="([\w-]+)"><td>[\w-]+</td><td>(\d+)<', html))
    assert composed >= 1 and "Amy" in html  # a sample text names the child
    assert _written(db) == ([], [])  # the preview wrote nothing

    token = csrf_of(html)
    sent = client.post(
        "/console/runs/send",
        data={"csrf_token": token, "kind": "absence", "school": seeded.a.school_id},
    )
    assert sent.status_code == 303
    runs, rows = _written(db)
    assert [run.kind for run in runs] == ["absence"]
    assert len(rows) == composed
    assert {c: str(sum(r.channel == c for r in rows)) for c in per_channel} == per_channel
    assert {
        lang: str(sum(r.language == lang for r in rows)) for lang in per_language
    } == per_language
    page = client.get("/console/runs").text
    assert _state(page, "absence") == "done"

    again = client.get(
        "/console/runs/preview", params={"school": seeded.a.school_id, "kind": "absence"}
    ).text
    assert "already happened" in again and "/console/runs/send" not in again
    client.post(
        "/console/runs/send",
        data={"csrf_token": token, "kind": "absence", "school": seeded.a.school_id},
    )
    assert len(_written(db)[1]) == composed  # a second press sends nothing
    with db.transaction() as session:
        audited = session.exec(select(AuditEntry).where(AuditEntry.action == "run_now")).all()
    assert [a.new_value for a in audited] == [
        f"absence: done, {composed} messages",
        "absence: already run, 0 messages",
    ]


def test_a_closed_day_shows_every_run_skipped_and_why(
    client: TestClient, seeded: Seeded, clock: FakeClock
) -> None:
    clock.advance(timedelta(days=5))  # Saturday
    sign_in(client, seeded.a.officer)
    page = client.get("/console/runs").text
    assert _state(page, "absence") == "skipped" and "skipped: weekend" in page
    preview = client.get(
        "/console/runs/preview", params={"school": seeded.a.school_id, "kind": "late"}
    ).text
    assert "No run today: weekend" in preview and "/console/runs/send" not in preview


def test_other_schools_unknown_runs_and_readers_are_refused(
    app: FastAPI, client: TestClient, seeded: Seeded, db: Database
) -> None:
    token = sign_in(client, seeded.a.officer)
    assert (
        client.get(
            "/console/runs/preview", params={"school": seeded.b.school_id, "kind": "absence"}
        ).status_code
        == 404
    )
    assert (
        client.get(
            "/console/runs/preview", params={"school": seeded.a.school_id, "kind": "everything"}
        ).status_code
        == 400
    )
    assert (
        client.post(
            "/console/runs/send",
            data={"csrf_token": token, "kind": "absence", "school": seeded.b.school_id},
        ).status_code
        == 404
    )
    with TestClient(app, follow_redirects=False) as reader:
        reader_token = sign_in(reader, seeded.a.reader)
        preview = reader.get(
            "/console/runs/preview", params={"school": seeded.a.school_id, "kind": "absence"}
        ).text
        assert "Nothing has been sent yet" in preview and "/console/runs/send" not in preview
        refused = reader.post(
            "/console/runs/send",
            data={"csrf_token": reader_token, "kind": "absence", "school": seeded.a.school_id},
        )
        assert refused.status_code == 403
    assert _written(db) == ([], [])


def _count(page: str, name: str) -> int:
    found = re.search(rf'data-count="{name}"><th>[^<]*</th><td>(\d+)', page)
    assert found, f"no {name} count on the page"
    return int(found.group(1))


def test_a_runs_delivery_at_a_glance_and_the_failures_to_act_on(
    client: TestClient, seeded: Seeded, db: Database, clock: FakeClock
) -> None:
    token = sign_in(client, seeded.a.officer)
    sent = client.post(
        "/console/runs/send",
        data={"csrf_token": token, "kind": "absence", "school": seeded.a.school_id},
    )
    where = sent.headers["location"]
    assert re.fullmatch(r"/console/runs/\d+", where)
    (text,) = _written(db)[1]
    with db.transaction() as session:  # quiet hours: the dispatcher holds it until morning
        row = session.get(Outbox, text.id)
        assert row is not None
        row.next_attempt_at = clock.now() + timedelta(hours=10)
    page = client.get(where).text
    assert (_count(page, "messages"), _count(page, "held"), _count(page, "failed")) == (1, 1, 0)
    assert "Nothing to act on" in page

    with db.transaction() as session:  # the phone was off for good; failing over emailed
        row = session.get(Outbox, text.id)
        assert row is not None
        email = Outbox(
            school_id=row.school_id,
            contact_id=row.contact_id,
            run_id=row.run_id,
            kind=row.kind,
            channel="email",
            to_address="jane.a@example.org",
            body=row.body,
            student_ids=row.student_ids,
            status="delivered",
            created_at=clock.now(),
        )
        session.add(email)
        session.flush()
        row.status, row.error_code, row.next_outbox_id = "failed", "30003", email.id
        row.failed_over_at = clock.now()
    page = client.get(where).text
    assert (
        _count(page, "messages"),
        _count(page, "delivered"),
        _count(page, "failed_over"),
        _count(page, "failed"),
        _count(page, "held"),
    ) == (1, 1, 1, 0, 0)
    assert "Nothing to act on" in page

    with db.transaction() as session:  # and the email bounced too: a person must ring
        bounced = session.get(Outbox, email.id)
        assert bounced is not None
        bounced.status, bounced.error_code = "failed", "550"
    page = client.get(where).text
    assert (_count(page, "failed"), _count(page, "failed_over")) == (1, 1)
    assert ('<span class="why"><span class="failure" data-code="550">the email address does '
            "not exist</span>: 1</span>") in page
    failures = page.split('class="run-failures"', 1)[1]
    assert "Jane Testerton" in failures and "Amy T." in failures and "Ben T." in failures
    assert "failed (<span class=\"failure\" data-code=\"30003\">" in failures
    assert "failed (<span class=\"failure\" data-code=\"550\">" in failures


def test_another_schools_run_is_not_there(app: FastAPI, client: TestClient, seeded: Seeded) -> None:
    token = sign_in(client, seeded.a.officer)
    sent = client.post(
        "/console/runs/send",
        data={"csrf_token": token, "kind": "absence", "school": seeded.a.school_id},
    )
    with TestClient(app, follow_redirects=False) as other:
        sign_in(other, seeded.b.officer)
        assert other.get(sent.headers["location"]).status_code == 404
    assert client.get("/console/runs/999999").status_code == 404


def test_the_runs_pages_speak_welsh_to_a_welsh_browser(client: TestClient, seeded: Seeded) -> None:
    sign_in(client, seeded.a.officer)
    welsh = {"accept-language": "cy-GB,en;q=0.8"}
    page = client.get("/console/runs", headers=welsh).text
    assert "Rhediadau" in page and "Negeseuon absenoldeb" in page and "Rhedeg nawr" in page
    preview = client.get(
        "/console/runs/preview",
        params={"school": seeded.a.school_id, "kind": "absence"},
        headers=welsh,
    ).text
    assert "Nid oes dim wedi" in preview and "Anfon 1 neges" in preview
    assert "Lawrlwytho rhesymau newydd" in client.get("/console/write-back", headers=welsh).text


def test_the_same_send_form_twice_is_one_press(
    client: TestClient, seeded: Seeded, db: Database
) -> None:
    token = sign_in(client, seeded.a.officer)
    form = {
        "csrf_token": token,
        "kind": "absence",
        "school": seeded.a.school_id,
        "idempotency_key": "k" * 24,
    }
    first = client.post("/console/runs/send", data=form)
    second = client.post("/console/runs/send", data=form)
    assert first.status_code == second.status_code == 303
    assert first.headers["location"] == second.headers["location"]
    with db.transaction() as session:
        assert (
            len(session.exec(select(AuditEntry).where(AuditEntry.action == "run_now")).all()) == 1
        )
