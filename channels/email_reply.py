"""Finding what a person actually wrote in an email reply.

Replies carry our own message below theirs (Gmail's "On ... wrote:", Outlook's "From: ... Sent:"
block or "-----Original Message-----", Apple Mail's "On ..., at ..., ... wrote:", "> " quoting),
and often a signature ("-- ", "Sent from my iPhone"). The engine must read only the new words:
our own text quoted back would otherwise be understood as the parent's reason.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import ClassVar

# A line that starts the quoted message in the common clients and a few languages.
_ATTRIBUTION = re.compile(
    r"^\s*(On\b.{0,300}\bwrote:"              # Gmail, Apple Mail, Thunderbird (English)
    r"|Le\b.{0,300}\ba écrit\s*:"               # French
    r"|Am\b.{0,300}\bschrieb.{0,100}:"          # German
    r"|El\b.{0,300}\bescribió:"                 # Spanish
    r"|Op\b.{0,300}\bschreef.{0,100}:"          # Dutch
    r"|W dniu\b.{0,300}\bpisze:"                # Polish
    r"|.{0,300}\bkirjoitti:"                    # Finnish
    r")\s*$", re.IGNORECASE | re.DOTALL)
_SEPARATOR = re.compile(
    r"^\s*(-{2,}\s*Original Message\s*-{2,}|-{2,}\s*Forwarded message\s*-{2,}"
    r"|Begin forwarded message:|_{20,})\s*$", re.IGNORECASE)
_HEADER_BLOCK_START = re.compile(r"^\s*\**(From|De|Von|Van|Od)\s*:\**\s", re.IGNORECASE)
_HEADER_BLOCK_NEXT = re.compile(r"^\s*\**(Sent|Date|Envoyé|Gesendet|Verzonden|To|Subject)\s*:",
                                re.IGNORECASE)
_SIGNATURE = re.compile(r"^(--|-- |__)\s*$")
_MOBILE_FOOTER = re.compile(
    r"^\s*(Sent from my \w+|Sent from Outlook|Get Outlook for \w+|Sent from Yahoo Mail"
    r"|Sent from Mail for Windows|Envoyé de mon \w+|Von meinem \w+ gesendet)\b.*$",
    re.IGNORECASE)
_ATTRIBUTION_LOOKAHEAD = 3  # Gmail wraps a long "On ... wrote:" over up to three lines


def reply_text(body: str) -> str:
    """The new text of a reply: everything above the quoted message and the signature, with
    "> " quoted lines left out. Never empty when the body had words of its own."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept: list[str] = []
    for index, line in enumerate(lines):
        if _starts_quote(lines, index) or _SIGNATURE.match(line) or _MOBILE_FOOTER.match(line):
            break
        if line.lstrip().startswith(">"):
            continue
        kept.append(line.rstrip())
    text = "\n".join(kept).strip()
    # Nothing above the quote (a bottom-poster): their words are the unquoted lines below it.
    return text or _below_quote(lines)


def _starts_quote(lines: list[str], index: int) -> bool:
    line = lines[index]
    if _SEPARATOR.match(line):
        return True
    if _HEADER_BLOCK_START.match(line):
        following = lines[index + 1:index + 4]
        return any(_HEADER_BLOCK_NEXT.match(n) for n in following)
    if re.match(r"^\s*(On|Le|Am|El|Op|W dniu)\b", line, re.IGNORECASE) or "wrote" in line:
        for extra in range(_ATTRIBUTION_LOOKAHEAD):
            joined = " ".join(lines[index:index + extra + 1])
            if _ATTRIBUTION.match(joined):
                return True
    return False


def _below_quote(lines: list[str]) -> str:
    """Unquoted lines that follow quoted ones: inline or bottom-posted answers."""
    kept: list[str] = []
    seen_quote = False
    for line in lines:
        if _SIGNATURE.match(line) or _MOBILE_FOOTER.match(line):
            break
        if line.lstrip().startswith(">"):
            seen_quote = True
            continue
        if seen_quote:
            kept.append(line.rstrip())
    return "\n".join(kept).strip()


class _HtmlText(HTMLParser):
    """Text of an HTML body, leaving out quoted blocks, styles and scripts."""

    _SKIP: ClassVar[frozenset[str]] = frozenset({"style", "script", "head", "title", "blockquote"})
    _QUOTE_MARKERS = ("gmail_quote", "divrplyfwdmsg", "appendonsend", "moz-cite-prefix",
                      "yahoo_quoted", "outlookmessageheader")
    _BLOCKS: ClassVar[frozenset[str]] = frozenset(
        {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "table", "hr"})
    _VOID: ClassVar[frozenset[str]] = frozenset(
        {"br", "hr", "img", "meta", "link", "input", "col", "area", "base", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._stack: list[bool] = []  # per open element: does it hide its content?
        self._stop = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        marker = " ".join(v or "" for k, v in attrs if k in {"class", "id"}).lower()
        if tag == "hr" and "stopspelling" in marker:  # Outlook's line above the quoted block
            self._stop = True
        hides = tag in self._SKIP or any(m in marker for m in self._QUOTE_MARKERS)
        if hides and tag == "div" and any(m in marker for m in ("divrplyfwdmsg",
                                                                  "appendonsend")):
            self._stop = True
        if tag in self._BLOCKS:
            self.parts.append("\n")
        if tag not in self._VOID:
            self._stack.append(hides or (bool(self._stack) and self._stack[-1]))

    def handle_endtag(self, tag: str) -> None:
        if tag not in self._VOID and self._stack:
            self._stack.pop()
        if tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._stop and not (self._stack and self._stack[-1]):
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Readable text of an HTML email body, without the quoted message."""
    parser = _HtmlText()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts).replace("\xa0", " ")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
