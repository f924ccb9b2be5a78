"""A letter as an A4 PDF, for the email's attachment and the print pack for post.

fpdf2 lays the page out and HarfBuzz (uharfbuzz) shapes the text, which Arabic, Urdu, Bengali
and Gurmukhi need (joined letters, vowel signs, conjuncts), with the right-to-left languages
set right to left. The fonts are Debian's Noto (`fonts-noto-core`, which `.ci/run` installs;
README "Casework"): each script's own font first, Noto Sans behind it for the Latin of a
school's or a child's name inside another script. A character no font has is an error, never
a blank box in a letter to a family.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont
from fpdf import FPDF

from channels.formats import text_direction
from channels.letters import Letter
from store.errors import ConfigError

FONT_DIR = Path("/usr/share/fonts/truetype/noto")
LATIN = "NotoSans-Regular.ttf"
# The font of each script a letter may be written in; Latin languages use LATIN alone.
SCRIPT_FONTS = {"ar": "NotoNaskhArabic-Regular.ttf", "ur": "NotoNaskhArabic-Regular.ttf",
                "bn": "NotoSansBengali-Regular.ttf", "pa": "NotoSansGurmukhi-Regular.ttf"}
HARFBUZZ_SCRIPTS = {"ar": "arab", "ur": "arab", "bn": "beng", "pa": "guru"}
# Where a posted letter's address goes, in mm from the page's top left: inside the window of a
# DL window envelope (90 x 45 mm, 20 mm from its left edge, its top 50 mm down) when the A4 page
# is folded in three, with a few mm to spare on each side for the fold's play.
WINDOW_X, WINDOW_Y, WINDOW_WIDTH, WINDOW_LINE = 25.0, 52.0, 80.0, 5.0
BELOW_WINDOW = 100.0  # where the letter itself starts under an address


class MissingGlyphs(ValueError):
    """The letter has characters none of its fonts can draw."""


@dataclass(frozen=True, slots=True)
class LetterFonts:
    """The font files a language's letters are set in, first choice first."""

    files: tuple[Path, ...]

    @classmethod
    def for_language(cls, language: str, font_dir: Path = FONT_DIR) -> LetterFonts:
        names = [SCRIPT_FONTS[base]] if (base := language.split("_")[0]) in SCRIPT_FONTS else []
        return fonts_from([*names, LATIN], font_dir)

    def missing(self, text: str) -> set[str]:
        """The characters of `text` that none of the fonts has."""
        covered = set().union(*(_cmap(str(f)) for f in self.files))
        return {c for c in set(text) if not c.isspace() and ord(c) not in covered
                and not _invisible(c)}


def fonts_from(names: Sequence[str], font_dir: Path = FONT_DIR) -> LetterFonts:
    """These font files of the font folder, first choice first; ConfigError saying how to
    install them when one is missing."""
    files = tuple(font_dir / name for name in names)
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise ConfigError(f"letter fonts not found: {', '.join(missing)} (install Debian's "
                          "fonts-noto-core: README, Casework)")
    return LetterFonts(files)


def letter_pdf(letter: Letter, *, font_dir: Path = FONT_DIR) -> bytes:
    """The letter on A4 pages, in its language's fonts and direction."""
    return letters_pdf([letter], font_dir=font_dir)


def letters_pdf(letters: Sequence[Letter], *, font_dir: Path = FONT_DIR) -> bytes:
    """Letters in one PDF, each starting on a new page: one letter, or the print pack of a
    school's letters going by post."""
    pdf = FPDF(format="A4")
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(auto=True, margin=20)
    added: dict[Path, str] = {}
    with _quiet_fonttools():
        for letter in letters:
            fonts = LetterFonts.for_language(letter.language, font_dir)
            if missing := fonts.missing(_all_text(letter)):
                raise MissingGlyphs(f"no font for {''.join(sorted(missing))!r} in "
                                    f"{letter.language}")
            families = [added.get(path) or added.setdefault(path, _add_font(pdf, path))
                        for path in fonts.files]
            _write(pdf, letter, families)
        return bytes(pdf.output())


def _write(pdf: FPDF, letter: Letter, families: list[str]) -> None:
    base = letter.language.split("_")[0]
    rtl = text_direction(letter.language) == "rtl"
    pdf.set_font(families[0], size=13)
    pdf.set_fallback_fonts(families[1:])
    # Shaping is what Arabic, Urdu, Bengali and Gurmukhi need; Latin letters are set without
    # it, which takes a third of the time.
    script = HARFBUZZ_SCRIPTS.get(base)
    pdf.set_text_shaping(use_shaping_engine=script is not None,
                         direction="rtl" if rtl else "ltr", script=script, language=base)
    align = "R" if rtl else "L"
    pdf.add_page()
    if letter.address:
        _address(pdf, letter.address, families, shaped=script is not None)
        pdf.set_font(families[0], size=13)
        pdf.set_fallback_fonts(families[1:])
        pdf.set_text_shaping(use_shaping_engine=script is not None,
                             direction="rtl" if rtl else "ltr", script=script, language=base)
    _paragraph(pdf, letter.subject, align)
    pdf.set_font_size(11)
    head, body, *rest = letter.paragraphs
    for block in (head, body, *letter.figures, *rest):
        _paragraph(pdf, block, align)


def _address(pdf: FPDF, lines: tuple[str, ...], families: list[str], *, shaped: bool) -> None:
    """The name and address in the envelope's window: left to right in the Latin font
    whatever the letter's language (a UK address, read by the Royal Mail)."""
    pdf.set_font(families[-1], size=11)
    pdf.set_fallback_fonts(families[:-1])
    pdf.set_text_shaping(use_shaping_engine=shaped, direction="ltr")
    pdf.set_y(WINDOW_Y)
    for line in lines:
        pdf.set_x(WINDOW_X)
        pdf.multi_cell(WINDOW_WIDTH, WINDOW_LINE, line, align="L", new_x="LMARGIN",
                       new_y="NEXT")
    pdf.set_y(max(pdf.get_y(), BELOW_WINDOW))


def _all_text(letter: Letter) -> str:
    return "\n".join([*letter.address, letter.subject, *letter.paragraphs, *letter.figures])


def _paragraph(pdf: FPDF, text: str, align: str) -> None:
    for line in text.split("\n"):
        pdf.multi_cell(0, 6, line, align=align, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)


def _add_font(pdf: FPDF, path: Path) -> str:
    family = path.stem.replace("-", "")
    pdf.add_font(family, fname=str(path))
    return family


@lru_cache(maxsize=16)
def _cmap(path: str) -> frozenset[int]:
    with TTFont(path, lazy=True) as font:
        return frozenset(font.getBestCmap())


def _invisible(char: str) -> bool:
    # Joiners and direction marks shape the text; they are never drawn.
    return char in "\u200c\u200d\u200e\u200f\u061c"


@contextmanager
def _quiet_fonttools() -> Iterator[None]:
    # fontTools logs every table it subsets at INFO; a letter run would flood the log.
    logger = logging.getLogger("fontTools")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)
