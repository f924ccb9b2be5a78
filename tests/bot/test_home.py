from __future__ import annotations

from fastapi.testclient import TestClient

from bot.app import create_app
from bot.settings import Settings


def test_the_address_the_readme_gives_opens_the_console(database_url: str) -> None:
    client = TestClient(create_app(Settings(database_url=database_url), background=False))
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/console/"
