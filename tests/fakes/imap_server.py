"""A small IMAP4rev1 server on 127.0.0.1 (asyncio), spoken to by the real stdlib `imaplib`.

Enough of RFC 3501 for a mail poller: CAPABILITY, STARTTLS (when given a context), LOGIN,
SELECT, UID SEARCH UNSEEN, UID FETCH <uid> (BODY.PEEK[]), UID STORE <uid> +FLAGS (\\Seen),
NOOP, LOGOUT. It holds one mailbox, records every command, and can be told to drop the
connection at the next UID STORE (a crash between storing a message and marking it seen).
"""

from __future__ import annotations

import asyncio
import re
import ssl
from dataclasses import dataclass, field

USER = "attendance@example.org"
PASSWORD = "p@ss word"
MAILBOX = "INBOX"
_TOKEN = re.compile(rb'"((?:[^"\\]|\\.)*)"|(\S+)')


@dataclass
class Mail:
    uid: int
    raw: bytes
    flags: set[str] = field(default_factory=set)


@dataclass
class FakeImap:
    """The server's state: the mailbox, the commands it was sent, what it is told to do."""

    mail: list[Mail] = field(default_factory=list)
    commands: list[str] = field(default_factory=list)
    drop_at_next_store: bool = False
    starttls_context: ssl.SSLContext | None = None  # set: STARTTLS is offered
    login_encrypted: list[bool] = field(default_factory=list)  # per LOGIN: was it under TLS
    port: int = 0
    _next_uid: int = 1
    _server: asyncio.Server | None = None

    def deliver(self, raw: bytes) -> int:
        """Put a message in the mailbox, unseen; its UID."""
        uid = self._next_uid
        self._next_uid += 1
        self.mail.append(Mail(uid=uid, raw=raw))
        return uid

    def unseen(self) -> list[int]:
        return [m.uid for m in self.mail if "\\Seen" not in m.flags]

    def commands_named(self, name: str) -> list[str]:
        return [c for c in self.commands if c.upper().startswith(name.upper())]

    async def start(self, *, ssl_context: ssl.SSLContext | None = None) -> None:
        self._server = await asyncio.start_server(self._session, "127.0.0.1", 0,
                                                  ssl=ssl_context)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    async def _session(self, reader: asyncio.StreamReader,
                       writer: asyncio.StreamWriter) -> None:
        writer.write(b"* OK fake IMAP4rev1 ready\r\n")
        selected = False
        try:
            while line := await reader.readline():
                tag, _, rest = line.rstrip(b"\r\n").partition(b" ")
                words = [_unescape(q) if q or not atom else atom
                         for q, atom in _TOKEN.findall(rest)]
                self.commands.append(" ".join(w.decode(errors="replace").upper()
                                              for w in words[:2 if words[:1] == [b"UID"] else 1]))
                if words[:1] == [b"LOGIN"]:
                    self.login_encrypted.append(writer.get_extra_info("ssl_object") is not None)
                answer, selected, close = self._answer(words, selected)
                writer.write(answer.replace(b"TAG", tag))
                await writer.drain()
                if words[:1] == [b"STARTTLS"] and self.starttls_context is not None:
                    await writer.start_tls(self.starttls_context)
                if close:
                    break
        finally:
            writer.close()

    def _answer(self, words: list[bytes], selected: bool) -> tuple[bytes, bool, bool]:
        name = words[0].upper() if words else b""
        if name == b"CAPABILITY":
            offer = b" STARTTLS" if self.starttls_context is not None else b""
            return (b"* CAPABILITY IMAP4rev1" + offer + b"\r\nTAG OK CAPABILITY completed\r\n",
                    selected, False)
        if name == b"STARTTLS" and self.starttls_context is not None:
            return b"TAG OK begin TLS negotiation now\r\n", selected, False
        if name == b"NOOP":
            return b"TAG OK NOOP completed\r\n", selected, False
        if name == b"LOGOUT":
            return b"* BYE logging out\r\nTAG OK LOGOUT completed\r\n", False, True
        if name == b"LOGIN":
            if words[1:3] == [USER.encode(), PASSWORD.encode()]:
                return b"TAG OK LOGIN completed\r\n", selected, False
            return b"TAG NO [AUTHENTICATIONFAILED] invalid credentials\r\n", selected, False
        if name == b"SELECT":
            if words[1:2] != [MAILBOX.encode()]:
                return b"TAG NO no such mailbox\r\n", selected, False
            return (b"* %d EXISTS\r\n* 0 RECENT\r\n* OK [UIDVALIDITY 7] UIDs valid\r\n"
                    b"* FLAGS (\\Seen \\Deleted)\r\nTAG OK [READ-WRITE] SELECT completed\r\n"
                    % len(self.mail)), True, False
        if name == b"UID" and selected and len(words) > 2:
            return self._uid(words[1].upper(), words[2:])
        return b"TAG BAD command unknown or not allowed now\r\n", selected, False

    def _uid(self, verb: bytes, args: list[bytes]) -> tuple[bytes, bool, bool]:
        if verb == b"SEARCH" and [a.upper() for a in args] == [b"UNSEEN"]:
            found = b" ".join(str(uid).encode() for uid in self.unseen())
            return b"* SEARCH " + found + b"\r\nTAG OK SEARCH completed\r\n", True, False
        number, mail = self._find(args[0])
        if mail is None:
            return b"TAG OK nothing matched\r\n", True, False
        if verb == b"FETCH" and b"BODY.PEEK[]" in args[1].upper():
            return (b"* %d FETCH (UID %d BODY[] {%d}\r\n" % (number, mail.uid, len(mail.raw))
                    + mail.raw + b")\r\nTAG OK FETCH completed\r\n"), True, False
        if verb == b"STORE" and args[1].upper() == b"+FLAGS":
            if self.drop_at_next_store:
                self.drop_at_next_store = False
                return b"", True, True  # the connection goes before the flag is set
            mail.flags.update(f.decode() for f in re.findall(rb"\\\w+", b" ".join(args[2:])))
            flags = " ".join(sorted(mail.flags)).encode()
            return (b"* %d FETCH (UID %d FLAGS (%s))\r\nTAG OK STORE completed\r\n"
                    % (number, mail.uid, flags)), True, False
        return b"TAG BAD unsupported UID command\r\n", True, False

    def _find(self, uid: bytes) -> tuple[int, Mail | None]:
        for number, mail in enumerate(self.mail, start=1):
            if str(mail.uid).encode() == uid:
                return number, mail
        return 0, None


def _unescape(quoted: bytes) -> bytes:
    return quoted.replace(b'\\"', b'"').replace(b"\\\\", b"\\")
