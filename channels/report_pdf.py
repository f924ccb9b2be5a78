"""A table as a landscape A4 PDF, for the exports staff file or send on (the local
authority's attendance figures, safeguarding records): the same fonts as the letters, every
script's font behind Noto Sans so a name or a family's message in Arabic or Bengali is drawn,
shaped where it needs to be."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from channels.letter_pdf import FONT_DIR, LATIN, SCRIPT_FONTS, MissingGlyphs, fonts_from


def table_pdf(*, title: str, header: Sequence[str], rows: Sequence[Sequence[str]],
              lines: Sequence[str] = (), font_dir: Path = FONT_DIR,
              stand_in: str | None = None) -> bytes:
    """`rows` under `header`, repeated on each page, with `title` and then `lines` (one
    paragraph each: who the table is about, totals) above. A character no font has raises
    MissingGlyphs, or with `stand_in` is drawn as it (an emoji in a student's message)."""
    fonts = fonts_from([LATIN, *dict.fromkeys(SCRIPT_FONTS.values())], font_dir)
    text = "\n".join([title, *lines, *header, *(cell for row in rows for cell in row)])
    if (missing := fonts.missing(text)) and stand_in is None:
        raise MissingGlyphs(f"no font for {''.join(sorted(missing))!r}")
    if missing:
        swap = str.maketrans(dict.fromkeys(missing, stand_in))
        title, lines, header = title.translate(swap), [x.translate(swap) for x in lines], [
            x.translate(swap) for x in header]
        rows = [[cell.translate(swap) for cell in row] for row in rows]
        text = text.translate(swap)
    pdf = FPDF(orientation="landscape", format="A4")
    pdf.set_margins(10, 10, 10)
    families = []
    for path in fonts.files:
        family = path.stem.replace("-", "")
        pdf.add_font(family, fname=str(path))
        families.append(family)
    pdf.set_font(families[0], size=12)
    pdf.set_fallback_fonts(families[1:])
    # Shaping costs time: only when a cell is in a script that needs it.
    pdf.set_text_shaping(use_shaping_engine=any(ord(c) > 0x24F for c in text))
    pdf.add_page()
    pdf.cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font_size(9)
    for line in lines:
        pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font_size(7)
    with pdf.table(headings_style=FontFace(emphasis=None, fill_color=(230, 230, 230)),
                   line_height=4, repeat_headings=1) as table:
        table.row(list(header))
        for row in rows:
            table.row(list(row))
    return bytes(pdf.output())
