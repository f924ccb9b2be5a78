"""Attendance letters in every language rollcall writes in: translated, with the child's real
figures written as the language writes numbers, as HTML marked with its language and direction,
and as a PDF whose every character a font can draw (shaped by HarfBuzz for Arabic, Urdu,
Bengali and Gurmukhi)."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path
from string import Formatter

import pytest
from pypdf import PdfReader

from channels.catalogs import SUPPORTED_LANGUAGES, translations
from channels.letter_pdf import LetterFonts, MissingGlyphs, letter_pdf, letters_pdf
from channels.letter_texts import MESSAGES
from channels.letters import ChildFigures, Letter, letter_note, write_letter
from store.errors import ConfigError
from tests.fonts import needs_fonts

TEMPLATES = ("letter.friendly", "letter.concern", "letter.persistent", "letter.improved")
SCHOOL = "St Mary's Catholic Primary School"
# Invented children as a school's MIS holds their names (Latin letters), and one family's MIS
# that keeps a name in its own script.
NAMES = {"ar": ("Yusuf", "مريم"), "ur": ("Ayesha", "محمد"), "bn": ("Tahmina", "আব্দুল্লাহ"),
         "pa": ("Harpreet", "ਗੁਰਪ੍ਰੀਤ"), "pl": ("Zuzanna", "Szymon"), "ro": ("Ștefan", "Ana"),
         "lt": ("Gabrielė", "Dominykas"), "cy": ("Gwenllian", "Rhodri")}


def children(language: str) -> list[ChildFigures]:
    first, second = NAMES.get(language, ("Amelia", "Oliver"))
    return [ChildFigures(first, "year", 171, 188, 12, 5, 91.0),
            ChildFigures(second, "term", 50, 60, 3, 7, 83.3)]


@needs_fonts
@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_a_letter_in_every_language_has_every_glyph(language: str) -> None:
    letters = [write_letter(template=t, language=language, school=SCHOOL,
                            children=children(language), threshold=90.0) for t in TEMPLATES]
    fonts = LetterFonts.for_language(language)
    for letter in letters:
        words = "\n".join([letter.subject, *letter.paragraphs, *letter.figures])
        assert fonts.missing(words) == set(), (language, letter.subject)
    # With shaping on, fpdf2 draws a box for a glyph no font has and says nothing: every
    # character is checked against the fonts' own character maps instead (above).
    pdf = letters_pdf(letters)
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == len(letters)  # one page each


@pytest.mark.parametrize("language", [lang for lang in SUPPORTED_LANGUAGES if lang != "en"])
def test_every_letter_text_is_translated_with_its_placeholders(language: str) -> None:
    catalog = translations(language)
    for key, english in MESSAGES.items():
        translated = catalog.pgettext(key, english)
        assert translated != english or key.startswith("letter.period"), (language, key)
        assert _fields(translated) == _fields(english), (language, key, translated)


def test_the_figures_are_the_childs_own_written_as_the_language_writes_numbers() -> None:
    english = write_letter(template="letter.concern", language="en", school=SCHOOL,
                           children=children("en"), threshold=90.0)
    assert english.subject == f"{SCHOOL}: attendance of Amelia and Oliver"
    assert english.figures == (
        "Amelia, this school year: 91.0% attendance, 171 of 188 sessions. Missed: 8.5 days "
        "(12 sessions authorised, 5 unauthorised).",
        "Oliver, this term: 83.3% attendance, 50 of 60 sessions. Missed: 5 days "
        "(3 sessions authorised, 7 unauthorised).")
    lithuanian = write_letter(template="letter.concern", language="lt", school=SCHOOL,
                              children=children("lt"), threshold=92.5)
    assert "91,0%" in lithuanian.figures[0] and "8,5 d." in lithuanian.figures[0]
    assert "mažesnis nei 92,5%" in lithuanian.paragraphs[1]
    welsh = write_letter(template="letter.improved", language="cy-GB", school=SCHOOL,
                         children=children("cy"), threshold=90.0)
    assert welsh.language == "cy" and "Gwenllian a Rhodri" in welsh.paragraphs[1]


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
@pytest.mark.parametrize(("template", "threshold", "said"), [
    ("letter.friendly", 96.0, "96%"), ("letter.concern", 92.5, "92{}5%"),
    ("letter.persistent", 88.0, "88%")])
def test_a_letter_quotes_the_schools_own_threshold(language: str, template: str,
                                                   threshold: float, said: str) -> None:
    # A school whose ladder says 96% is not written to as if it said the default 95%.
    letter = write_letter(template=template, language=language, school=SCHOOL,
                          children=children(language), threshold=threshold)
    body = letter.paragraphs[1]
    decimal = "," if language in ("pl", "ro", "pt", "es", "lt") else "."
    assert said.format(decimal) in body, (language, body)
    assert not re.search(r"\b(95|93|90)\b", body), (language, body)


def test_an_unsupported_language_gets_the_english_letter() -> None:
    letter = write_letter(template="letter.friendly", language="tr", school=SCHOOL,
                          children=children("en"), threshold=90.0)
    assert letter.language == "en" and letter.paragraphs[0] == "Dear parent or carer,"


def test_the_html_is_marked_with_its_language_and_direction() -> None:
    arabic = write_letter(template="letter.persistent", language="ar", school=SCHOOL,
                          children=children("ar"), threshold=90.0)
    assert '<html lang="ar" dir="rtl">' in arabic.html and '<body dir="rtl"' in arabic.html
    assert arabic.html.count("<li>") == 2 and "St Mary&#x27;s" in arabic.html
    english = write_letter(template="letter.persistent", language="en", school=SCHOOL,
                           children=children("en"), threshold=90.0)
    assert '<html lang="en-GB" dir="ltr">' in english.html


def test_the_note_says_how_the_letter_went() -> None:
    assert letter_note(language="en", school="Hillside", names=["Amy", "Ben"],
                       by_post=False) == ("Hillside: we have emailed you a letter about the "
                                          "attendance of Amy and Ben.")
    assert "posted" in letter_note(language="en", school="Hillside", names=["Amy"],
                                   by_post=True)


def _placed(pdf: bytes) -> list[tuple[str, float, float]]:
    """Each run of text on the first page and where it starts, in mm from the top left."""
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    height = float(page.mediabox.height)
    found: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            x, y = tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]
            found.append((text.strip(), x * MM, (height - y) * MM))
    page.extract_text(visitor_text=visit)
    return found


MM = 25.4 / 72  # a PDF point in mm
ADDRESS = ("Mrs Jane Ashdown", "Flat 3", "12 Beech Grove", "Leeds", "ZZ1 4AB")


@needs_fonts
@pytest.mark.parametrize("language", ["en", "ar", "bn", "pa"])
def test_a_posted_letter_shows_its_address_in_the_envelope_window(language: str) -> None:
    # A DL window envelope's window, folded A4: 20-110 mm from the left, 50-95 mm down.
    letter = replace(write_letter(template="letter.concern", language=language, school=SCHOOL,
                                  children=children(language), threshold=93.0),
                     address=ADDRESS)
    placed = _placed(letter_pdf(letter))
    window = [(text, x, y) for text, x, y in placed if text in ADDRESS]
    assert [text for text, _, _ in window] == list(ADDRESS), placed[:8]
    assert all(20 <= x <= 30 and 50 <= y <= 95 for _, x, y in window), window
    assert min(y for text, _, y in placed if text not in ADDRESS) > 95  # the letter below it
    emailed = _placed(letter_pdf(replace(letter, address=())))
    assert min(y for _, _, y in emailed) < 50  # no window: the letter starts at the top


@needs_fonts
def test_a_character_no_font_has_is_refused_not_drawn_as_a_box() -> None:
    letter = Letter(language="en", subject="Attendance", paragraphs=(
        "Dear parent,", "Thank you 漢字.", "Help.", "Bye"), figures=())
    with pytest.raises(MissingGlyphs, match="漢"):
        letter_pdf(letter)


def test_missing_fonts_say_how_to_install_them(tmp_path: Path) -> None:
    letter = write_letter(template="letter.friendly", language="bn", school=SCHOOL,
                          children=children("bn"), threshold=90.0)
    with pytest.raises(ConfigError, match="fonts-noto-core"):
        letter_pdf(letter, font_dir=tmp_path)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("ur", "rtl"), ("bn", "ltr"),
                                                     ("en", "ltr")])
def test_the_letter_reads_in_its_direction_in_chromium(browser: object, language: str,
                                                       direction: str) -> None:
    letter = write_letter(template="letter.persistent", language=language, school=SCHOOL,
                          children=children(language), threshold=90.0)
    page = browser.new_page(viewport={"width": 600, "height": 900})  # type: ignore[attr-defined]
    try:
        page.set_content(letter.html)
        shown = page.evaluate("""() => ({
            direction: getComputedStyle(document.body).direction,
            items: [...document.querySelectorAll('li')].map(li => li.innerText),
            fits: document.documentElement.scrollWidth <= window.innerWidth,
            title: document.title})""")
    finally:
        page.close()
    assert shown["direction"] == direction
    assert shown["items"] == list(letter.figures) and shown["fits"]
    assert shown["title"] == letter.subject
