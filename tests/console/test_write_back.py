"""Write-back by hand: each download brings the reasons confirmed since the school's last one;
"download all again" brings everything; a school's cursor is its own; reading is not acting."""

from __future__ import annotations

import csv
import io
import secrets

from fastapi.testclient import TestClient
from sqlmodel import col, select

from store.database import Database
from store.models.audit import AuditEntry
from store.models.marks import Mark
from tests.console.conftest import Seeded, sign_in


def _set_code(client: TestClient, seeded: Seeded, token: str, *, session: str, code: str) -> None:
    base = f"/console/conversations/{seeded.a.conversation_id}"
    assert client.post(f"{base}/take-over", data={"csrf_token": token}).status_code == 303
    response = client.post(
        f"{base}/code",
        data={
            "csrf_token": token,
            "mark_id": _mark_id(client, seeded, session),
            "code": code,
            "reason": "agreed with the head of year",
        },
    )
    assert response.status_code == 303, response.text


def _mark_id(client: TestClient, seeded: Seeded, session: str) -> int:
    db: Database = client.app.state.services.database  # type: ignore[attr-defined]
    with db.transaction() as s:
        mark = s.exec(
            select(Mark).where(Mark.student_id == seeded.a.student_id, Mark.session == session)
        ).one()
        assert mark.id is not None
        return mark.id


def _download(
    client: TestClient, school_id: int, token: str, *, again: bool = False, key: str = ""
) -> list[dict[str, str]]:
    """Press the button (a fresh form unless `key` repeats one) and follow it to the file."""
    data = {"csrf_token": token, "idempotency_key": key or secrets.token_urlsafe(24)}
    data |= {"again": "1"} if again else {}
    taken = client.post(f"/console/write-back/{school_id}.csv", data=data)
    assert taken.status_code == 303, taken.text
    response = client.get(taken.headers["location"])
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    return list(csv.DictReader(io.StringIO(response.text)))


def _waiting(client: TestClient) -> str:
    page: str = client.get("/console/write-back").text
    return page.split('class="waiting">', 1)[1].split("<", 1)[0]


def test_each_download_brings_what_is_new_and_all_again_brings_everything(
    client: TestClient, seeded: Seeded, db: Database
) -> None:
    token = sign_in(client, seeded.a.officer)
    assert _waiting(client) == "0"
    assert _download(client, seeded.a.school_id, token) == []

    _set_code(client, seeded, token, session="AM", code="C")
    assert _waiting(client) == "1"
    (first,) = _download(client, seeded.a.school_id, token)
    assert (first["student_id"], first["session"], first["code"]) == ("a-S1", "AM", "C")
    assert first["confirmed_by_name"] == "Officer A"
    assert _waiting(client) == "0"
    assert _download(client, seeded.a.school_id, token) == []

    _set_code(client, seeded, token, session="PM", code="M")
    assert [row["session"] for row in _download(client, seeded.a.school_id, token)] == ["PM"]
    again = _download(client, seeded.a.school_id, token, again=True)
    assert [(row["session"], row["code"]) for row in again] == [("AM", "C"), ("PM", "M")]
    assert _download(client, seeded.a.school_id, token) == []

    # The same form twice (a double click, the browser's resend): the same file, one download.
    _set_code(client, seeded, token, session="AM", code="I")
    twice = secrets.token_urlsafe(24)
    once = _download(client, seeded.a.school_id, token, key=twice)
    assert once == _download(client, seeded.a.school_id, token, key=twice)
    assert [(row["session"], row["code"]) for row in once] == [("AM", "I")]

    with db.transaction() as session:  # every download is audited with the cursor it moved
        downloads = session.exec(
            select(AuditEntry)
            .where(AuditEntry.action == "write_back_download")
            .order_by(col(AuditEntry.id))
        ).all()
    assert len(downloads) == 7
    assert len({d.actor for d in downloads}) == 1 and downloads[0].actor.startswith("staff:")
    assert [d.old_value for d in downloads][-3:-1] == ["0", downloads[-3].new_value]
    assert all(d.school_id == seeded.a.school_id for d in downloads)


def test_another_schools_feed_is_not_there_and_a_reader_cannot_move_the_cursor(
    app: object, client: TestClient, seeded: Seeded, db: Database
) -> None:
    token = sign_in(client, seeded.a.officer)
    _set_code(client, seeded, token, session="AM", code="C")
    other = client.post(f"/console/write-back/{seeded.b.school_id}.csv", data={"csrf_token": token})
    assert other.status_code == 404
    elsewhere = f"/console/write-back/{seeded.b.school_id}.csv?since=0&until=999"
    assert client.get(elsewhere).status_code == 404
    no_csrf = client.post(f"/console/write-back/{seeded.a.school_id}.csv")
    assert no_csrf.status_code == 403

    with TestClient(app, follow_redirects=False) as reader:  # type: ignore[arg-type]
        reader_token = sign_in(reader, seeded.a.reader)
        assert "Download new reasons" not in reader.get("/console/write-back").text
        refused = reader.post(
            f"/console/write-back/{seeded.a.school_id}.csv", data={"csrf_token": reader_token}
        )
        assert refused.status_code == 403
    with db.transaction() as session:
        assert (
            session.exec(select(AuditEntry).where(AuditEntry.action == "write_back_download")).all()
            == []
        )
    assert _waiting(client) == "1"
