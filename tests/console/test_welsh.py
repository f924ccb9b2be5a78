"""A member of staff whose browser asks for Welsh gets the console in Welsh."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_sign_in_page_follows_the_browsers_language(client: TestClient) -> None:
    welsh = client.get("/console/sign-in", headers={"accept-language": "cy-GB,en;q=0.8"}).text
    english = client.get("/console/sign-in", headers={"accept-language": "en-GB"}).text
    assert "Mewngofnodi" in welsh and "Cyfrinair" in welsh
    assert "Sign in" in english and "Mewngofnodi" not in english
