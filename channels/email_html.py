"""The readable text of an HTML email body, without the message it quotes.

Mail clients mark the quoted message in their markup: Gmail's `gmail_quote` (and its
`gmail_attr` attribution), Apple Mail's and Thunderbird's `<blockquote type="cite">` (with
Thunderbird's `moz-cite-prefix` above it), Yahoo's `yahoo_quoted`, Outlook on the web's
`divRplyFwdMsg` and `appendonsend`, Outlook for Mac's `OLK_SRC_BODY_SECTION`, mail.ru's and
Yandex's bare `<blockquote>`, and Outlook's and Windows Mail's `<hr>` above the old message.
Those are left out here; what the markup does not mark (an Outlook desktop "From:/Sent:"
block in plain paragraphs) is found in the text by `channels.email_reply`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html.parser import HTMLParser
from typing import ClassVar

from channels.email_reply import reply_text

# An <hr> becomes this line, which `channels.email_reply` treats as the start of the quote.
HR_LINE = "_" * 32


class _HtmlText(HTMLParser):
    """Text of an HTML body, leaving out quoted blocks, styles and scripts."""

    _NEVER_TEXT: ClassVar[frozenset[str]] = frozenset({"style", "script", "head", "title"})
    _SKIP: ClassVar[frozenset[str]] = _NEVER_TEXT | {"blockquote"}
    # class or id of an element that holds the quoted message (lower case, substring)
    _QUOTE_MARKERS = (
        "gmail_quote",
        "gmail_attr",
        "divrplyfwdmsg",
        "appendonsend",
        "moz-cite-prefix",
        "yahoo_quoted",
        "outlookmessageheader",
        "olk_src_body_section",
        "mail-quote-collapse",
        "zmail_extra",
    )
    # ... and those after which nothing is the reply (Outlook puts its quote last)
    _STOP_MARKERS = ("divrplyfwdmsg", "appendonsend", "olk_src_body_section", "stopspelling")
    _BLOCKS: ClassVar[frozenset[str]] = frozenset(
        {
            "p",
            "div",
            "br",
            "li",
            "tr",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "table",
            "hr",
            "pre",
            "ul",
            "ol",
            "dl",
            "dt",
            "dd",
            "section",
            "article",
            "header",
            "footer",
            "address",
        }
    )
    _VOID: ClassVar[frozenset[str]] = frozenset(
        {"br", "hr", "img", "meta", "link", "input", "col", "area", "base", "wbr", "source"}
    )

    def __init__(self, *, keep_quotes: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._stack: list[tuple[str, bool]] = []  # open elements: (tag, hides its content)
        self._stop = False
        self._keep_quotes = keep_quotes  # only styles and scripts are left out

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        marker = " ".join(v or "" for k, v in attrs if k in {"class", "id"}).lower()
        if self._keep_quotes:
            hides = tag in self._NEVER_TEXT
        else:
            if any(m in marker for m in self._STOP_MARKERS):
                self._stop = True
            hides = (tag in self._SKIP and not _indent_only(tag, attrs)) or any(
                m in marker for m in self._QUOTE_MARKERS
            )
        if tag == "hr" and not self._hidden():
            self.parts.append(f"\n{HR_LINE}\n")
        elif tag in self._BLOCKS:
            self.parts.append("\n")
        if tag not in self._VOID:
            self._stack.append((tag, hides or self._hidden()))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)  # <br/>, <hr/>: void, nothing to close

    def handle_endtag(self, tag: str) -> None:
        if tag in self._VOID:
            return
        # Close up to the matching open element: mail HTML often leaves <p> and <div> open.
        for depth in range(len(self._stack) - 1, -1, -1):
            if self._stack[depth][0] == tag:
                del self._stack[depth:]
                break
        if tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._stop and not self._hidden():
            # Line breaks in the source are spaces; only the markup breaks lines (but <pre>).
            in_pre = any(tag == "pre" for tag, _hides in self._stack)
            self.parts.append(data if in_pre else re.sub(r"\s+", " ", data))

    def _hidden(self) -> bool:
        return bool(self._stack) and self._stack[-1][1]


def _indent_only(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    """Gmail's indent button writes `<blockquote style="margin: 0 0 0 40px; border: none">`
    around the writer's own words: a blockquote without a border and no quote class or
    type is their text, indented."""
    if tag != "blockquote":
        return False
    values = {k: (v or "").lower() for k, v in attrs}
    style = values.get("style", "").replace(" ", "")
    return (
        "border:none" in style and "type" not in values and "quote" not in values.get("class", "")
    )


def html_reply_text(markup: str, *, sent: Sequence[str] = ()) -> str:
    """The family's words in an HTML body: the text outside the quote blocks, cut again as
    plain text. When that leaves nothing (a Gmail forward sits whole inside `gmail_quote`;
    some clients put the reply inside the blockquote), the whole text is read instead, so
    that the plain-text rules for forwards and unmarked quotes keep what they wrote."""
    text = reply_text(html_to_text(markup), sent=sent)
    return text or reply_text(html_to_text(markup, keep_quotes=True), sent=sent)


def html_to_text(markup: str, *, keep_quotes: bool = False) -> str:
    """Readable text of an HTML email body, without the quoted message (with it, when
    `keep_quotes`)."""
    parser = _HtmlText(keep_quotes=keep_quotes)
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts).replace("\xa0", " ")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
