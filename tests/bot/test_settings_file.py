from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import load_settings
from store.errors import ConfigError


def test_a_toml_file_named_after_import_is_read(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "rollcall.toml"
    config.write_text('public_url = "https://attendance.example.org"\n', encoding="utf-8")
    monkeypatch.setenv("ROLLCALL_CONFIG_FILE", str(config))
    assert load_settings().public_url == "https://attendance.example.org"


def test_a_missing_config_file_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROLLCALL_CONFIG_FILE", str(tmp_path / "nope.toml"))
    with pytest.raises(ConfigError, match="ROLLCALL_CONFIG_FILE"):
        load_settings()


def test_a_bad_setting_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROLLCALL_PUBLIC_URL", "attendance.example.org")
    with pytest.raises(ConfigError, match="ROLLCALL_PUBLIC_URL"):
        load_settings()
