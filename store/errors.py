"""The typed exceptions raised at rollcall's edges, all under one base."""


class RollcallError(Exception):
    """Base of every error rollcall raises on purpose.

    Its message is English (logs, the CLI, the API). A refusal staff read in the console also
    carries `problem`, a short stable code of what was wrong, and the `values` its message
    names, so the console says it in the reader's language (bot/console/templates/
    _refusals.html); without a problem the English is shown.
    """

    def __init__(self, *args: object, problem: str | None = None, **values: str) -> None:
        super().__init__(*args)
        self.problem = problem
        self.values = values


class ConfigError(RollcallError):
    """A setting is missing or invalid; the message names it."""


class InvalidCode(RollcallError):
    """An attendance code outside the school's code set."""


class InvalidInput(RollcallError):
    """Input that rollcall refuses, with a message a person can act on."""


class InvalidSetting(InvalidInput):
    """A school setting refused (store/school_settings.py): the message in English, which
    setting, what was wrong as a short code and the values the message names, so the console
    can say it in the reader's language beside the field."""

    def __init__(self, message: str, *, setting: str, problem: str, **values: str) -> None:
        super().__init__(message, problem=problem, **values)
        self.setting = setting


class NoMarkYet(RollcallError):
    """A register line whose mark is `-` or blank: the register has not been taken for that
    session yet. Not an error: the line is passed over and counted."""


class OverSegmentBudget(InvalidInput):
    """A text would take more SMS segments than the configured budget: shorten it, never cut."""

    def __init__(self, message: str, *, segments: int, budget: int) -> None:
        super().__init__(message, problem="over_budget", segments=str(segments),
                         budget=str(budget))
        self.segments = segments
        self.budget = budget


class NotFound(RollcallError):
    """The thing asked for does not exist, or is not visible to whoever asked."""


class Forbidden(RollcallError):
    """The member of staff may see this but not do this (a read-only role, a non-DSL on an
    urgent safeguarding conversation)."""


class WebhookRejected(RollcallError):
    """A provider request failed verification; it must change nothing."""


class TransientSendError(RollcallError):
    """Sending failed in a way that may succeed later (retry with backoff)."""

    def __init__(self, message: str, *, retry_after: float | None = None,
                 error_code: str | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.error_code = error_code


class PermanentSendError(RollcallError):
    """Sending failed for good on this channel (fail over, do not retry)."""

    def __init__(self, message: str, *, error_code: str | None = None,
                 opted_out: bool = False, channel_lost: bool = False) -> None:
        super().__init__(message)
        self.error_code = error_code
        self.opted_out = opted_out
        self.channel_lost = channel_lost


class UnknownContact(RollcallError):
    """An inbound message from an address no contact has."""


class MisError(RollcallError):
    """The school's MIS (through its connector) did not do what was asked."""


class MisUnavailable(MisError):
    """The MIS did not answer, or answered 429/5xx after every retry: try again later."""

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class MisAccessRefused(MisError):
    """The MIS refused our token (401/403): a setting to fix, not a retry."""


class MisShapeError(MisError):
    """The MIS answered with something that is not the documented shape."""
