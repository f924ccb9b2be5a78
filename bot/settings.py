"""rollcall's settings: ROLLCALL_ environment variables, an optional TOML file, defaults."""

from __future__ import annotations

import os
from datetime import time
from pathlib import Path

from pydantic import SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from store.errors import ConfigError
from store.passwords import FLOOR, PasswordCost, use_cost


class Settings(BaseSettings):
    """Built once in `bot/` and passed down; nothing reads the environment at import time."""

    model_config = SettingsConfigDict(env_prefix="ROLLCALL_", env_file=".env", extra="ignore")

    database_url: str = "sqlite:///rollcall.db"
    public_url: str = "http://127.0.0.1:8000"
    host: str = "127.0.0.1"
    port: int = 8000
    secret_key: SecretStr | None = None
    secret_key_file: str = "rollcall-secret.key"  # where a generated key is kept when unset
    console_idle_minutes: int = 30  # a console session unused this long ends
    console_session_hours: int = 12  # and none lasts longer than this
    demo: bool = False  # `rollcall demo`: the console's demo phone plays the family's side
    log_level: str = "INFO"
    # argon2id's cost for staff passwords (store/passwords.py); below the safe floor only when
    # the cheap cost is also declared a test's (the test suite's, never a school's).
    password_cost_for_tests: bool = False
    password_time_cost: int = 3
    password_memory_kib: int = 65536
    password_parallelism: int = 4

    twilio_account_sid: str | None = None
    twilio_auth_token: SecretStr | None = None
    twilio_messaging_service_sid: str | None = None
    twilio_api_base: str | None = None
    sms_validity_hours: float = 3.0
    sms_segment_budget: int = 4
    # WhatsApp through the same Twilio account: our WhatsApp sender ("whatsapp:+44..." or a
    # Messaging Service SID), and the approved templates for messages outside WhatsApp's
    # 24-hour window, as JSON of the settings `rollcall whatsapp templates` prints -> Content
    # SID: {"absence.first.one:en:1": "HX...", "reason.thanks:en": "HX...", ...}.
    whatsapp_from: str | None = None
    whatsapp_templates: dict[str, str] = {}

    telegram_bot_token: SecretStr | None = None
    telegram_webhook_secret: SecretStr | None = None
    telegram_api_base: str | None = None
    telegram_bot_username: str = "rollcall_bot"

    smtp_url: str | None = None
    smtp_ca_file: str | None = None  # trust a private CA for the SMTP server's certificate
    email_from: str | None = None
    email_inbound_token: SecretStr | None = None
    imap_url: SecretStr | None = None  # imaps://user:pass@host:993/INBOX: poll for inbound mail
    imap_poll_seconds: float = 60.0
    imap_ca_file: str | None = None  # trust a private CA for the IMAP server's certificate

    write_back_webhook_url: str | None = None
    write_back_webhook_secret: SecretStr | None = None

    # The school's MIS through Wonde: one token per school, a JSON object keyed by rollcall's
    # school id ({"1": "..."}); never logged. Link a school with `rollcall mis link`.
    wonde_base_url: str = "https://api.wonde.com/v1.0"
    wonde_tokens: dict[str, SecretStr] = {}
    wonde_requests_per_second: float = 5.0  # our pace per school (0: none; 429s waited out)
    mis_sync_minutes: int = 5  # how often the MIS is asked what changed, in the window below
    mis_sync_from: time = time(7, 0)  # school-local, school days only
    mis_sync_until: time = time(17, 0)
    mis_push_batch: int = 100  # confirmed reasons per write-back request

    # The weekly casework pass (attendance ladder, letters, the framework's review tasks).
    casework_day: str = "fri"  # APScheduler's day_of_week: mon..sun, or a range "mon-fri"
    casework_at: time = time(15, 30)  # school-local
    casework_rolling_weeks: int = 6  # the figures' rolling window, in school weeks
    # Colleges' and universities' engagement statuses, recomputed every day at (school-local).
    engagement_at: time = time(20, 0)

    urgent_ack_minutes: int = 10
    max_notice_school_days: int = 10  # an advance notice further ahead goes to a person

    # Outbox dispatcher: messages a second per channel and per sender (0: no limit of ours).
    sms_rate_per_second: float = 0.0
    sms_sender_rate_per_second: float = 0.0  # e.g. 1 for a UK long code, 0 for a service
    email_rate_per_second: float = 0.0
    telegram_rate_per_second: float = 25.0  # Telegram allows about 30 a second per bot
    whatsapp_rate_per_second: float = 0.0  # the sender's WhatsApp tier is Twilio's to queue
    inbound_poll_seconds: float = 0.05  # how often an idle inbound worker looks for new events
    intake_hold_ms: float = 5.0  # a webhook's small group commit waits this long for more
    inbound_max_attempts: int = 5  # failed tries before an inbound event is parked for staff

    @field_validator("database_url")
    @classmethod
    def _database_url_has_scheme(cls, value: str) -> str:
        if "://" not in value:
            raise ValueError("is not a database URL (expected e.g. sqlite:///rollcall.db)")
        return value

    @field_validator("public_url")
    @classmethod
    def _public_url_is_http(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value.rstrip("/")

    @field_validator("password_time_cost", "password_memory_kib", "password_parallelism")
    @classmethod
    def _password_cost_is_safe(cls, value: int, info: ValidationInfo) -> int:
        floor = getattr(FLOOR, str(info.field_name).removeprefix("password_"))
        if value < floor and not info.data.get("password_cost_for_tests"):
            raise ValueError(f"is below the safe floor of {floor} (a test's cost only with "
                             "ROLLCALL_PASSWORD_COST_FOR_TESTS=true)")
        return value

    @property
    def password_cost(self) -> PasswordCost:
        return PasswordCost(time_cost=self.password_time_cost,
                            memory_kib=self.password_memory_kib,
                            parallelism=self.password_parallelism)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings, dotenv_settings,
                # Read when settings are built, not when this module is imported.
                TomlConfigSettingsSource(settings_cls,
                                         toml_file=os.environ.get("ROLLCALL_CONFIG_FILE")),
                file_secret_settings)


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment, or ConfigError naming the first bad one. Every command
    starts here, so the process's password cost is set here too."""
    config_file = os.environ.get("ROLLCALL_CONFIG_FILE")
    if config_file and not Path(config_file).is_file():
        raise ConfigError(f"ROLLCALL_CONFIG_FILE: no such file {config_file!r}")
    try:
        settings = Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as error:
        first = error.errors()[0]
        name = "ROLLCALL_" + str(first["loc"][0]).upper() if first["loc"] else "settings"
        message = str(first["msg"]).removeprefix("Value error, ")  # pydantic's, not ours
        raise ConfigError(f"{name} {message}") from None
    use_cost(settings.password_cost, tests_only=settings.password_cost_for_tests)
    return settings
