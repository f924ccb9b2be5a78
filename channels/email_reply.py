"""Finding what a person actually wrote in an email reply.

Replies carry our own message below (or above) theirs, and often a signature or a phone's
footer. The engine must read only the family's words: our text quoted back, or a quote header
("W dniu ... napisał(a):"), would otherwise be read as the parent's reason.

The quoted message is found by the strongest evidence first:
1. our own sent text (the caller passes what we sent in that thread): lines of it, however the
   client re-wrapped or prefixed them, are ours, with the header just above them;
2. the markers clients write (`channels.email_quote_markers`): an attribution line ("On ...
   wrote:" and its translations), an Outlook header block ("From:/Sent:/To:" and
   translations), an "Original Message" separator, "> " quoting.

Never lose the reply: a quote quoted with "> " ends where the "> " lines end, so an answer
written below it or between its parts is kept; a first line that merely begins like a header
("On holiday...") or a footer ("Sent from my work email because...") is the reply.
Pure functions: no I/O, a few milliseconds at most (bench/email_reply_bench.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from channels.email_quote_lines import (
    ATTRIBUTION_START,
    DEVICE_FOOTER,
    FORWARDED,
    SIGNATURE_DELIMITER,
    ends_with_wrote,
)
from channels.email_quote_markers import (
    attribution_ending_at,
    end_of_block,
    is_attribution,
    is_blank_or_marked,
    is_header,
    is_marked,
    is_quote_furniture,
    mark_quote_markers,
    next_content,
)

# Zero-width and direction marks, and the dot mail trackers add ("\u1427" on a line alone).
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad\u1427]")
_OURS_MIN = 12  # characters: a shorter line ("Hi Jane,") may be anyone's
# "bla-bla - bla--- On Wed, ..., a@b wrote:": a reply and an attribution on one line
_SHARED_LINE = re.compile(
    r"^(?P<head>.*?\S)\s*(?:-{2,}\s*|\s)(?P<tail>(?:On|Le|Am|El|Op|W dniu|Em"
    r"|Pe|În|Ar)\s.*)$"
)


def reply_text(body: str, *, sent: Sequence[str] = ()) -> str:
    """The new text of a reply: without the quoted message, the signature and the device
    footer. `sent` is what we sent in this thread, the strongest evidence of the quote."""
    lines = _lines(body)
    ours = [False] * len(lines)
    _mark_our_text(lines, ours, sent)
    quoted = list(ours)
    mark_quote_markers(lines, quoted)
    text = _assembled(lines, quoted)
    if text:
        return text
    # Nothing of their own but a forwarded message (a GP's letter sent on as the reason):
    # what they forwarded is what they said, read without its header block.
    forwarded = _forwarded_body(lines)
    if forwarded is not None:
        return reply_text(forwarded, sent=sent)
    # Nothing above a quote its client left unmarked: what they wrote can only be below it
    # (Gmail on Android puts the old message first), so the quote gives way to keep it.
    quoted = list(ours)
    mark_quote_markers(lines, quoted, unmarked_to_end=False)
    return _assembled(lines, quoted)


def _assembled(lines: list[str], quoted: list[bool]) -> str:
    """The lines not quoted, each run without its signature and footer."""
    segments: list[list[str]] = [[]]
    for line, is_quoted in zip(lines, quoted, strict=True):
        if is_quoted:
            if segments[-1]:
                segments.append([])
            continue
        segments[-1].append(line)
    kept: list[str] = []
    for segment in segments:
        part = _without_signature(segment, typed_before=bool(kept))
        if part:
            kept.append(part)
    return re.sub(r"\n{3,}", "\n\n", "\n\n".join(kept)).strip()


def _forwarded_body(lines: list[str]) -> str | None:
    """The message below the first "Forwarded message" line, without its header block (the
    lines from its "From:" to the first blank line: a long Subject wraps)."""
    for at, line in enumerate(lines):
        if FORWARDED.match(line):
            start = next_content(lines, at + 1)
            if start is None:
                return ""
            if is_header(lines[start]):
                start = end_of_block(lines, start)
            return "\n".join(lines[start:])
    return None


def _lines(body: str) -> list[str]:
    lines = []
    for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _INVISIBLE.sub("", line).replace("\xa0", " ").rstrip()
        shared = _SHARED_LINE.match(line) if ends_with_wrote(line) else None
        if (
            shared
            and re.search(r"\w", shared["head"])
            and not ATTRIBUTION_START.match(line)
            and not is_marked(line)
            and is_attribution(shared["tail"], followed_by_quote=True)
        ):
            lines.extend([shared["head"], shared["tail"]])
        else:
            lines.append(line)
    return lines


def _mark_our_text(lines: list[str], quoted: list[bool], sent: Sequence[str]) -> None:
    """Mark the lines of our own message, and the header the client wrote above it."""
    words = " ".join(_normal(line) for text in sent for line in text.splitlines()).split()
    if not words:
        return
    haystack = f" {' '.join(words)} "  # padded: a line must match whole words of ours
    ours = [_is_ours(line, haystack) for line in lines]
    strong = [i for i, line in enumerate(lines) if ours[i] and len(_normal(line)) >= _OURS_MIN]
    if not strong:
        return
    start, end = strong[0], strong[-1]
    while start > 0 and (ours[start - 1] or is_quote_furniture(lines, start - 1)):
        start -= 1
    start -= attribution_ending_at(lines, start - 1)
    while end + 1 < len(lines) and (ours[end + 1] or is_blank_or_marked(lines[end + 1])):
        end += 1
    for i in range(start, end + 1):
        # Between our lines, a line of theirs (an answer written inline) stays theirs.
        quoted[i] = i < strong[0] or ours[i] or is_blank_or_marked(lines[i])


def _without_signature(segment: list[str], *, typed_before: bool) -> str:
    """One run of the reply without its "-- " signature and its device footers."""
    typed = typed_before
    for at, line in enumerate(segment):
        # A phone's footer ends what was typed on it: below is the quote its app left bare.
        # Either ends the reply only below some words of it: a reply is never all signature.
        if typed and (SIGNATURE_DELIMITER.match(line) or DEVICE_FOOTER.match(line)):
            segment = segment[:at]
            break
        typed = typed or bool(line.strip())
    while segment and (not segment[-1].strip() or DEVICE_FOOTER.match(segment[-1])):
        segment = segment[:-1]
    while not typed_before and segment and SIGNATURE_DELIMITER.match(segment[0]):
        segment = segment[1:]  # a "--" above everything they wrote is only a line
    return "\n".join(segment).strip()


def _is_ours(line: str, haystack: str) -> bool:
    normal = _normal(line)
    return bool(normal) and f" {normal} " in haystack


def _normal(line: str) -> str:
    return " ".join(re.sub(r"^[\s>]+", "", line).replace("*", "").split()).casefold()
