"""Exactly once for staff actions: each console form carries an idempotency key, and the same
key twice is one action (the audit's fault: a double click sent the family two texts)."""

from __future__ import annotations

import re
import threading

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import select

from store.database import Database
from store.models.audit import AuditEntry
from store.models.outbound import Outbox
from tests.console.conftest import Seeded, sign_in

FORM = re.compile(r'<form method="post"[^>]*>(.*?)</form>', re.S)
KEY = re.compile(r'name="idempotency_key" value="([^"]+)"')


def reply_form_key(client: TestClient, conversation_id: int) -> str:
    page = client.get(f"/console/conversations/{conversation_id}").text
    reply = re.search(r'action="/console/conversations/\d+/reply".*?</form>', page, re.S)
    assert reply, "no reply form: is the conversation held by this member of staff?"
    found = KEY.search(reply.group(0))
    assert found, "the reply form carries no idempotency key"
    return found.group(1)


def counts(db: Database) -> tuple[int, int]:
    with db.transaction() as session:
        sent = session.exec(select(Outbox).where(Outbox.kind == "staff_reply")).all()
        replies = session.exec(select(AuditEntry).where(
            AuditEntry.action == "conversation.reply")).all()
        return len(sent), len(replies)


def held(client: TestClient, seeded: Seeded) -> tuple[str, str]:
    """Signed in as school A's officer, holding its conversation: (CSRF token, base path)."""
    token = sign_in(client, seeded.a.officer)
    base = f"/console/conversations/{seeded.a.conversation_id}"
    assert client.post(f"{base}/take-over", data={"csrf_token": token}).status_code == 303
    return token, base


def test_the_same_reply_form_posted_twice_sends_one_message(
        client: TestClient, seeded: Seeded, db: Database) -> None:
    token, base = held(client, seeded)
    form = {"csrf_token": token, "text": "Thanks, we will note it.",
            "idempotency_key": reply_form_key(client, seeded.a.conversation_id)}
    first = client.post(f"{base}/reply", data=form)
    again = client.post(f"{base}/reply", data=form)  # a double click, or the browser's resend
    assert first.status_code == again.status_code == 303
    assert again.headers["location"] == first.headers["location"]  # the first one's outcome
    assert counts(db) == (1, 1)
    form["idempotency_key"] = reply_form_key(client, seeded.a.conversation_id)
    assert client.post(f"{base}/reply", data=form).status_code == 303  # a new form: a new reply
    assert counts(db) == (2, 2)


def test_a_refused_form_may_be_sent_again_once_corrected(
        client: TestClient, seeded: Seeded, db: Database) -> None:
    token, base = held(client, seeded)
    key = reply_form_key(client, seeded.a.conversation_id)
    refused = client.post(f"{base}/reply", data={"csrf_token": token, "idempotency_key": key,
                                                 "text": "   "})
    assert refused.status_code == 400 and counts(db) == (0, 0)
    sent = client.post(f"{base}/reply", data={"csrf_token": token, "idempotency_key": key,
                                              "text": "Thank you."})
    assert sent.status_code == 303 and counts(db) == (1, 1)


def test_two_submits_at_the_same_moment_are_one_action(
        app: FastAPI, seeded: Seeded, db: Database) -> None:
    """Two requests with one key racing (two tabs' resubmits, two nodes behind a balancer): on
    PostgreSQL the second waits on the key's row and then finds the first one's outcome."""
    with TestClient(app, follow_redirects=False) as first, \
            TestClient(app, follow_redirects=False) as second:
        token, base = held(first, seeded)
        second.cookies = first.cookies
        form = {"csrf_token": token, "text": "We are on it.",
                "idempotency_key": reply_form_key(first, seeded.a.conversation_id)}
        start = threading.Barrier(2)
        statuses: list[int] = []

        def submit(client: TestClient) -> None:
            start.wait(timeout=30)
            statuses.append(client.post(f"{base}/reply", data=form).status_code)

        threads = [threading.Thread(target=submit, args=(c,)) for c in (first, second)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    assert statuses == [303, 303]
    assert counts(db) == (1, 1)


def test_every_console_form_carries_its_own_idempotency_key(
        client: TestClient, seeded: Seeded) -> None:
    sign_in(client, seeded.a.admin)
    keys: list[str] = []
    for path in ("/console/", f"/console/conversations/{seeded.a.conversation_id}",
                 f"/console/escalations/{seeded.a.escalation_id}",
                 f"/console/students/{seeded.a.student_id}", "/console/today"):
        for form in FORM.findall(client.get(path, follow_redirects=True).text):
            found = KEY.search(form)
            assert found, (path, form[:200])
            keys.append(found.group(1))
    assert len(keys) >= 5 and len(set(keys)) == len(keys)
