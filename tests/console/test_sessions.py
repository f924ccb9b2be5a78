"""The session cookie's flags and the secret it is signed with."""

from __future__ import annotations

import stat
from pathlib import Path

from fastapi.testclient import TestClient
from pydantic import SecretStr

from bot.app import create_app
from bot.console.sessions import secret_key
from bot.settings import Settings
from store.clock import FakeClock
from store.database import Database
from tests.console.conftest import Seeded, sign_in


def test_without_a_secret_key_one_is_generated_once_and_kept_private(tmp_path: Path) -> None:
    settings = Settings(secret_key_file=str(tmp_path / "secret.key"))
    first = secret_key(settings)
    assert len(first) >= 40 and first == secret_key(settings)
    assert stat.S_IMODE((tmp_path / "secret.key").stat().st_mode) == 0o600
    assert secret_key(Settings(secret_key=SecretStr("set-by-the-admin"))) == "set-by-the-admin"


def test_the_cookie_is_httponly_lax_and_secure_behind_https(
        db: Database, clock: FakeClock, tmp_path: Path, seeded: Seeded) -> None:
    settings = Settings(database_url=db.url, public_url="https://rollcall.example.org",
                        secret_key=SecretStr("s" * 40))
    app = create_app(settings, database=db, clock=clock, background=False)
    with TestClient(app, base_url="https://testserver", follow_redirects=False) as client:
        header = client.get("/console/sign-in").headers["set-cookie"].lower()
        assert "httponly" in header and "samesite=lax" in header and "secure" in header
        sign_in(client, seeded.a.officer)
        assert client.get("/console/api/inbox").status_code == 200


def test_signing_out_ends_the_session(client: TestClient, seeded: Seeded) -> None:
    token = sign_in(client, seeded.a.officer)
    assert client.post("/console/sign-out", data={"csrf_token": token}).status_code == 303
    assert client.get("/console/api/inbox").status_code == 401


def test_a_sign_in_link_never_sends_staff_off_the_console(client: TestClient,
                                                          seeded: Seeded) -> None:
    from tests.console.conftest import csrf_of
    from tests.console.seed import PASSWORD

    token = csrf_of(client.get("/console/sign-in").text)
    response = client.post("/console/sign-in", data={
        "email": seeded.a.officer, "password": PASSWORD, "csrf_token": token,
        "next": "https://evil.example.org/console/"})
    assert response.headers["location"] == "/console/"


def test_refusals_are_pages_for_people_and_json_for_the_api(client: TestClient,
                                                            seeded: Seeded) -> None:
    sign_in(client, seeded.a.officer)
    page = client.get(f"/console/conversations/{seeded.b.conversation_id}")
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]
    api = client.get(f"/console/api/conversations/{seeded.b.conversation_id}")
    assert api.status_code == 404 and api.json() == {"detail": "not found"}
