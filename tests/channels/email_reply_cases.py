"""The real reply emails under tests/fixtures/email_replies/, each with the family's words it
must come down to, read the way the inbound email path reads them.

`<corpus>/<name>.txt` is a plain-text body, `.html` an HTML body, `.eml` a whole message (read
through `channels.email_inbound.read_email`, MIME and all); `<name>.expected.txt` beside it is
the reply. Compared with runs of white space made one space: HTML and re-wrapped plain text
break lines where they like, and the words are what the engine reads.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

from channels.base import InboundMessage
from channels.email_html import html_reply_text
from channels.email_inbound import InboundEmailConfig, read_email
from channels.email_reply import reply_text

FIXTURES = Path(
    os.environ.get(
        "ROLLCALL_EMAIL_REPLY_FIXTURES", Path(__file__).parents[1] / "fixtures" / "email_replies"
    )
)
INPUTS = (".txt", ".html", ".eml")
_CONFIG = InboundEmailConfig(our_address="attendance@example.org")
_AT = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class ReplyCase:
    corpus: str
    name: str
    path: Path

    @property
    def id(self) -> str:
        return f"{self.corpus}/{self.name}"

    @property
    def expected(self) -> str:
        return self.path.with_name(self.name + ".expected.txt").read_text("utf-8").strip()

    @property
    def raw(self) -> bytes:
        return self.path.read_bytes()


def reply_cases() -> list[ReplyCase]:
    """Every fixture with an expected reply, in a stable order."""
    found = []
    for path in sorted(FIXTURES.glob("*/*")):
        expected = path.with_name(path.stem + ".expected.txt")
        if path.suffix in INPUTS and not path.name.endswith(".expected.txt") and expected.exists():
            found.append(ReplyCase(corpus=path.parent.name, name=path.stem, path=path))
    return found


def body_of(case: ReplyCase) -> tuple[str, bool]:
    """The decoded body the extractor reads, and whether it is HTML (an .eml's preferred part,
    plain text first, as the inbound path picks it)."""
    if case.path.suffix != ".eml":
        return case.raw.decode("utf-8"), case.path.suffix == ".html"
    message = BytesParser(policy=policy.default).parsebytes(case.raw)
    assert isinstance(message, EmailMessage)
    part = message.get_body(preferencelist=("plain", "html"))
    assert part is not None
    return str(part.get_content()), part.get_content_type() == "text/html"


def cut(body: str, *, html: bool) -> str:
    """The extractor alone on a decoded body: what the bench times as reading one reply."""
    return html_reply_text(body) if html else reply_text(body)


def extract(case: ReplyCase) -> str:
    """The reply as the inbound email path reads it."""
    if case.path.suffix == ".eml":
        message = read_email(case.raw, config=_CONFIG, received_at=_AT)[0]
        assert isinstance(message, InboundMessage)
        return message.text
    body = case.raw.decode("utf-8")
    return html_reply_text(body) if case.path.suffix == ".html" else reply_text(body)


def same_words(got: str, expected: str) -> bool:
    return got.split() == expected.split()


def lost_words(got: str, expected: str) -> list[str]:
    """The expected reply's words missing from what was read: the family's words lost."""
    left = got.split()
    missing = []
    for word in expected.split():
        if word in left:
            left.remove(word)
        else:
            missing.append(word)
    return missing
