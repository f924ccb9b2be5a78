"""An attendance letter in the family's language: its subject, its text and its HTML, written
from the rung's template and each child's real figures ("Amy, this school year: 91.2%
attendance, 171 of 188 sessions. Missed: 8.5 days ...").

The words come from `channels/letter_texts.py` through the Babel catalogs, falling back to
English as every message does; numbers are written as the language writes them (CLDR).
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from babel.numbers import format_decimal

from channels.catalogs import babel_locale, catalog_language, translations
from channels.formats import format_names, text_direction
from channels.letter_texts import MESSAGES


@dataclass(frozen=True, slots=True)
class ChildFigures:
    """One child's figures as the letter states them (the rung's own period)."""

    name: str
    period: str  # year | term | rolling
    attended: int
    possible: int
    authorised: int
    unauthorised: int
    percent: float | None

    @classmethod
    def from_kept(cls, name: str, kept: Mapping[str, object]) -> ChildFigures:
        """From the figures kept with a letter (`CaseworkLetter.figures`, one child's)."""
        def number(key: str) -> int:
            value = kept[key]
            assert isinstance(value, int)
            return value
        percent = kept.get("percent")
        return cls(name=name, period=str(kept["period"]), attended=number("attended"),
                   possible=number("possible"), authorised=number("authorised"),
                   unauthorised=number("unauthorised"),
                   percent=float(percent) if isinstance(percent, int | float) else None)


@dataclass(frozen=True, slots=True)
class Letter:
    """A letter written out: the same words as an email's subject and text, a web page, and
    (channels.letter_pdf) a PDF."""

    language: str  # the catalog it is written in
    subject: str
    paragraphs: tuple[str, ...]
    figures: tuple[str, ...]  # one line per child
    # Whom and where it is posted to (the contact's name, then the address's lines): printed
    # in the address window of a letter going by post; () for one going by email.
    address: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        head, *rest = self.paragraphs
        return "\n\n".join([head, rest[0], *self.figures, *rest[1:]])

    @property
    def html(self) -> str:
        direction = text_direction(self.language)
        lang = str(babel_locale(self.language)).replace("_", "-")
        head, body, *rest = (html.escape(p).replace("\n", "<br>") for p in self.paragraphs)
        items = "".join(f"<li>{html.escape(line)}</li>" for line in self.figures)
        tail = "".join(f"<p>{p}</p>" for p in rest)
        return (f'<!DOCTYPE html>\n<html lang="{lang}" dir="{direction}">\n<head>'
                f'<meta charset="utf-8"><title>{html.escape(self.subject)}</title></head>\n'
                f'<body dir="{direction}" style="font-family: sans-serif; max-width: 40em;">\n'
                f"<p>{head}</p><p>{body}</p><ul>{items}</ul>{tail}\n</body>\n</html>\n")


def write_letter(*, template: str, language: str, school: str,
                 children: Sequence[ChildFigures], threshold: float | None) -> Letter:
    """A rung's letter to one family about their children, in `language` (or its fallback).
    `threshold` is the rung's attendance threshold as the school's ladder sets it, which the
    letter quotes ("below 95%"); None for a letter that quotes none (a thank-you)."""
    served = catalog_language(language)
    names = format_names([child.name for child in children], served)
    limit = "" if threshold is None else format_decimal(threshold, format="0.#",
                                                        locale=babel_locale(served))
    return Letter(
        language=served,
        subject=_say("letter.subject", served, school=school, names=names),
        paragraphs=(_say("letter.greeting", served),
                    _say(template, served, names=names, threshold=limit),
                    _say("letter.help", served, names=names),
                    _say("letter.signoff", served, school=school)),
        figures=tuple(_child_line(child, served) for child in children))


def letter_note(*, language: str, school: str, names: Sequence[str], by_post: bool) -> str:
    """The short SMS or chat note that a letter has gone (by email, or by post)."""
    served = catalog_language(language)
    return _say("letter.note_post" if by_post else "letter.note", served, school=school,
                names=format_names(list(names), served))


def _child_line(child: ChildFigures, language: str) -> str:
    locale = babel_locale(language)
    days = Fraction(child.authorised + child.unauthorised, 2)
    return _say("letter.figures", language, name=child.name,
                period=_say(f"letter.period.{child.period}", language),
                percent=format_decimal(child.percent or 0, format="0.0", locale=locale),
                attended=format_decimal(child.attended, locale=locale),
                possible=format_decimal(child.possible, locale=locale),
                days=format_decimal(float(days), format="0.#", locale=locale),
                authorised=format_decimal(child.authorised, locale=locale),
                unauthorised=format_decimal(child.unauthorised, locale=locale))


def _say(key: str, language: str, **params: str) -> str:
    english = MESSAGES.get(key)
    if english is None:
        raise KeyError(f"no letter text {key!r} in channels/letter_texts.py")
    text = translations(language).pgettext(key, english)
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        # A broken translation must not stop a letter: the English says it (tests name it).
        return english.format(**params)
