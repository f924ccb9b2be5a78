"""Where a quoted message begins, by the markers mail clients write.

An attribution line ("On ... wrote:" and its translations, wrapped over up to four lines, in
dashes, with or without a colon), an Outlook header block ("From:/Sent:/To:" and
translations), an "Original Message" separator, "> " quoting (and "| ", Supercite's "JD> ").
A quote quoted with "> " ends where its "> " lines end, so what follows it is the reply's;
one without runs to the end of the message. Used by `channels.email_reply`, which first cuts
at our own sent text; the lines themselves are data in `channels.email_quote_lines`.
"""

from __future__ import annotations

import re

from channels.email_quote_lines import (
    ATTRIBUTION_START,
    HAS_ADDRESS,
    HAS_TIME,
    HEADER_BLOCK_REACH,
    HEADER_FROM,
    HEADER_OTHER,
    SEPARATOR,
    WROTE_ANYWHERE,
    WROTE_AT_END,
    ends_with_wrote,
)

_ATTRIBUTION_LINES = 4  # Gmail wraps a long "On ..., Name <address> wrote:" over 3 lines
# "> " quoting, "| " (old Gmail), and Supercite's "JD> " (the quoted writer's initials)
_MARKED = re.compile(r"^\s*(?:>|\|(?:\s|$)|[A-Z]{1,3}>(?:\s|$))")
_LONG_DASHES = re.compile(r"^\s*-{20,}\s*$")
# A sender's address and a colon that end the line: "... Name <a@b>:"
_ADDRESS_THEN_COLON = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*[>)\]]*\s*[:\uff1a]$")
_RULE = re.compile(r"^\s*(?:[=\-_*~]{3,})?\s*$")  # a blank line or a drawn rule
_WRAPPED = 60  # characters: a quoted line this long was wrapped by the client
# The end of a long link the client wrapped without its "> ": still the quote.
_LINK_REMAINDER = re.compile(r"^\S*[=/&_)]\S*$")
_UNFINISHED = ("<", "(", ",", "mailto:")  # an attribution line the client wrapped mid-way
_CONTINUED = ("<", "mailto:", ">")  # a wrapped attribution's address, after a blank line
_ATTRIBUTION_MAX = 400  # characters: longer is a paragraph that happens to say "wrote"
_SENTENCE_END = (".", "!", "?", "…")
_DASH_CHARS = ("-", "\u2013", "—", "=")
_DASHES = re.compile(r"^[-\u2013—=\s]{2,}|[-\u2013—=\s]{2,}$")


def mark_quote_markers(
    lines: list[str], quoted: list[bool], *, unmarked_to_end: bool = True
) -> None:
    """Mark quoted messages found by their markers in the lines not already marked. A quote
    without "> " runs to the end, or (`unmarked_to_end=False`) is only its header."""
    i = 0
    while i < len(lines):
        if quoted[i]:
            i += 1
            continue
        if is_marked(lines[i]) and not _is_lone_marked(lines, i):
            end = _end_of_marked_run(lines, i)
            quoted[i:end] = [True] * (end - i)
            i = end
            continue
        header = _quote_header_length(lines, i)
        if header:
            after = next_content(lines, i + header)
            if after is not None and is_marked(lines[after]):
                # "> " quoting follows: the quote ends where it does, so keep what comes after.
                end = _end_of_marked_run(lines, after)
            elif unmarked_to_end:
                end = len(lines)  # Outlook and Gmail plain text: the rest is the old message
            else:
                end = end_of_block(lines, i + header)
            start = i
            while start > 0 and not quoted[start - 1] and _RULE.match(lines[start - 1]):
                start -= 1  # "====" or a blank line above "Message du : ... De : ..."
            quoted[start:end] = [True] * (end - start)
            i = end
            continue
        i += 1


def end_of_block(lines: list[str], i: int) -> int:
    """Where the header block from line i ends: at a line that is no header, nor a header's
    value wrapped onto the next line, nor a blank line between headers (HTML tables)."""
    in_header = False
    while i < len(lines):
        if is_header(lines[i]):
            in_header = True
        elif not lines[i].strip():
            after = next_content(lines, i)
            if after is None or not is_header(lines[after]):
                return i
            in_header = False
        elif not (in_header and _wraps_on(lines[i - 1], lines[i])):
            return i
        i += 1
    return i


def _wraps_on(previous: str, line: str) -> bool:
    """Whether `line` is the rest of the header value above it ("Subject: Two" / "line
    subject", "From: Name" / "<address>") rather than a sentence of the reply below it."""
    start = line.lstrip()[:1]
    return line[:1].isspace() or start.islower() or start in "<([\"'" or len(previous) >= _WRAPPED


def is_header(line: str) -> bool:
    """A header line of a quoted message: "From:", "Sent:", "Od:", "Wysłane:" ..."""
    return bool(HEADER_FROM.match(line) or HEADER_OTHER.match(line))


def _header_follows(lines: list[str], i: int) -> bool:
    after = next_content(lines, i + 1)
    return after is not None and after - i <= 3 and is_header(lines[after])


def _quote_header_length(lines: list[str], i: int) -> int:
    """How many lines, from i, make a quote header (0 when line i starts none)."""
    line = lines[i].strip()
    if not line:
        return 0
    separator = SEPARATOR.match(line)
    if separator and (
        _header_follows(lines, i) or not (_LONG_DASHES.match(line) or separator["bare"])
    ):
        # A long line of dashes is a table's rule, and "Original message" without its dashes
        # may be words of the reply, unless a header block follows.
        return 1
    if _is_header_block(lines, i):
        return 1
    return _attribution_starting_at(lines, i)


def _is_header_block(lines: list[str], i: int) -> bool:
    """An Outlook-style block: a "From:" line and another header line close below it, or
    (clients that leave From out) two header lines one after the other."""
    if not (HEADER_FROM.match(lines[i]) or HEADER_OTHER.match(lines[i])):
        return False
    window = lines[i + 1 : i + HEADER_BLOCK_REACH]
    if HEADER_FROM.match(lines[i]):
        return any(HEADER_OTHER.match(w) for w in window)
    if any(HEADER_FROM.match(w) for w in window):
        return True
    return bool(window) and bool(HEADER_OTHER.match(window[0]))


def _attribution_starting_at(lines: list[str], i: int) -> int:
    """Lines an attribution ("On ..., Name <a@b> wrote:") starting at line i takes, or 0."""
    if not lines[i].strip():
        return 0
    first = lines[i]
    may_wrap = bool(ATTRIBUTION_START.match(first) or HAS_TIME.search(first) or "@" in first)
    most = _ATTRIBUTION_LINES if may_wrap else 1
    joined, taken, at = "", 0, i
    while taken < most and at < len(lines):
        part = lines[at].strip()
        at += 1
        if not part:
            after = next_content(lines, at)
            if taken and after is not None and lines[after].lstrip().startswith(_CONTINUED):
                continue  # Polymail: "On ... Name", a blank line, "<", "mailto:...>", "wrote:"
            return 0
        if taken and (
            (joined.endswith(_SENTENCE_END) and not HAS_ADDRESS.search(joined))
            or (
                not joined.endswith(_UNFINISHED)
                and ATTRIBUTION_START.match(part)
                and _attribution_starting_at(lines, at - 1)
            )
        ):
            return 0  # a sentence (or "On holiday"), then an attribution: that is the reply
        joined = f"{joined} {part.lstrip('>').strip() if taken else part}".strip()
        taken += 1
        if _may_be_attribution(joined) and is_attribution(
            joined, followed_by_quote=_quote_follows(lines, at)
        ):
            return at - i
    return 0


def attribution_ending_at(lines: list[str], last: int) -> int:
    """Lines of an attribution that ends at line `last` (0 when none does)."""
    for count in range(1, _ATTRIBUTION_LINES + 1):
        first = last - count + 1
        if first < 0:
            return 0
        if _attribution_starting_at(lines, first) == count:
            return count
    return 0


def _may_be_attribution(text: str) -> bool:
    """What every attribution has (a colon, dashes, an address or the verb at the end): a
    cheap test that spares most lines of a long reply the full one."""
    return (
        text.endswith((":", "\uff1a", "-", "=", "\u2013", "—"))
        or "@" in text
        or bool(ends_with_wrote(text))
    )


def is_attribution(text: str, *, followed_by_quote: bool) -> bool:
    """Whether the (joined) text is a client's line above a quote: the verb at its end with a
    date, an address or "> " lines below; or a date, an address and a colon."""
    if len(text) > _ATTRIBUTION_MAX:
        return False
    inner = _DASHES.sub("", text)
    dashed = inner != text and text.startswith(_DASH_CHARS) and text.endswith(_DASH_CHARS)
    text = inner
    colon = text.endswith((":", "\uff1a"))
    # The verb is in the last few words: searching only there keeps a long line cheap.
    if ends_with_wrote(text):  # "---- Name wrote ----" is one too
        if text.rstrip(" :\uff1a").lower().endswith("sent"):
            # "On Monday at 10:30 I sent:" is a parent's sentence; a client's "sent:" line
            # names the sender's address.
            return followed_by_quote or bool(HAS_ADDRESS.search(text))
        return dashed or followed_by_quote or _dated(text)
    if not (colon or followed_by_quote):
        return False
    if followed_by_quote and HAS_ADDRESS.search(text) and ATTRIBUTION_START.match(text):
        return True  # Gmail of old: "2011/4/7 Name <a@b>" with the quote below
    if not colon:
        return False
    verb = WROTE_ANYWHERE.search(text)
    if verb and _dated(text):
        # "Ar Iau, 2006-11-02 am 19:30, ysgrifennodd Name:", "Name <a@b> schrieb am Fr., 28.
        # Apr. 2017 um 11:53 Uhr:"; never "I wrote to Mrs Hughes <a@b> at 10:30 and she said:"
        address = HAS_ADDRESS.search(text)
        if ATTRIBUTION_START.match(text) or (address and address.start() < verb.start()):
            return True
    # "2017-11-24 16:32 GMT+01:00 Name <a@b>:": a date, then the sender's address and a colon
    # at the very end (a sentence that mentions an address goes on after it).
    return bool(_ADDRESS_THEN_COLON.search(text) and HAS_TIME.search(text))


def _dated(text: str) -> bool:
    return bool(HAS_ADDRESS.search(text) or HAS_TIME.search(text))


def is_quote_furniture(lines: list[str], i: int) -> bool:
    """A line that sits between a reply and the message it quotes: blank, "> ", a header."""
    line = lines[i]
    return (
        is_blank_or_marked(line)
        or bool(SEPARATOR.match(line))
        or bool(HEADER_FROM.match(line))
        or bool(HEADER_OTHER.match(line))
    )


def is_marked(line: str) -> bool:
    """A line quoted with "> " (or "| ", "JD> ")."""
    return bool(_MARKED.match(line))


def is_blank_or_marked(line: str) -> bool:
    """A blank line or a quoted one."""
    return not line.strip() or is_marked(line)


def _end_of_marked_run(lines: list[str], i: int) -> int:
    """The index after a run of "> " lines (blank lines inside the run belong to it)."""
    end = i
    at = i
    while at < len(lines):
        if is_marked(lines[at]):
            end = at + 1
        elif lines[at].strip() and not _is_quote_remainder(lines, at):
            break
        at += 1
    return end


def _is_quote_remainder(lines: list[str], at: int) -> bool:
    """A line without its "> " held between two quoted lines, that the client wrapped off the
    quoted line above it: the end of a long link, or the tail of a long quoted line."""
    if not (0 < at < len(lines) - 1 and is_marked(lines[at - 1]) and is_marked(lines[at + 1])):
        return False
    line = lines[at]
    return (
        bool(_LINK_REMAINDER.match(line))
        or ("://" in line and len(line.split()) <= 3)
        # a lower-case start: the rest of a sentence, not an answer written inline
        or (len(lines[at - 1]) >= _WRAPPED and line.lstrip()[:1].islower())
    )


def next_content(lines: list[str], i: int) -> int | None:
    """The index of the first non-blank line from i, or None."""
    while i < len(lines):
        if lines[i].strip():
            return i
        i += 1
    return None


def _quote_follows(lines: list[str], i: int) -> bool:
    after = next_content(lines, i)
    return (
        after is not None
        and is_marked(lines[after])
        and not WROTE_AT_END.fullmatch(" " + lines[after].lstrip("> "))
    )  # "> wrote:"


def _is_lone_marked(lines: list[str], i: int) -> bool:
    """One "> " line held between two lines of the reply is the reply's ("> > > see this")."""
    return 0 < i < len(lines) - 1 and all(
        lines[j].strip() and not is_marked(lines[j]) for j in (i - 1, i + 1)
    )
