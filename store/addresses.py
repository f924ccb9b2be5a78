"""A contact's postal address as the lines of an envelope, from the parts an MIS export gives.

SIMS and Xporter keep an address as BS 7666 parts (`Apartment`, `HouseName`, `HouseNo`,
`Street`, `District`, `TownOrCity`, `County`, `PostCode`, `Country`) and the whole of it as an
`AddressBlock`; Arbor's `PostalAddress` as `address1`-`address3`, `postalTown`, `postalState`,
`postalCode`; a plain CSV often as `Address Line 1`-`3`, `Town`, `County`, `Postcode`. Whichever
the file has, the contact keeps the lines in order with the postcode last: what a letter's
address window shows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

# The import's field names for the parts, in the order the lines are written.
LINE_FIELDS = ("address_line_1", "address_line_2", "address_line_3")
PREMISES_FIELDS = ("apartment", "house_name")
PLACE_FIELDS = ("district", "town", "county")
ADDRESS_FIELDS = ("address_block", *LINE_FIELDS, *PREMISES_FIELDS, "house_number", "street",
                  *PLACE_FIELDS, "postcode", "country")
# A UK school's own country is not written on a letter posted in the UK.
_HOME = {"", "uk", "u.k.", "gb", "united kingdom", "great britain", "england", "wales",
         "scotland", "northern ireland"}


def address_lines(parts: Mapping[str, str]) -> list[str]:
    """The envelope's lines from an import row's address parts (blank ones left out); []
    when the row gives no address at all."""
    def part(name: str) -> str:
        return " ".join(parts.get(name, "").split())

    if any(part(name) for name in (*LINE_FIELDS, *PREMISES_FIELDS, "house_number", "street")):
        street = " ".join(p for p in (part("house_number"), part("street")) if p)
        lines = [part(name) for name in (*LINE_FIELDS, *PREMISES_FIELDS)] + [street]
        lines += [part(name) for name in PLACE_FIELDS]
    else:
        lines = _block_lines(parts.get("address_block", ""))
        lines += [part(name) for name in PLACE_FIELDS if part(name) not in lines]
    postcode = postcode_of(part("postcode"))
    if postcode and postcode_of(lines[-1] if lines else "") != postcode:
        lines.append(postcode)
    if part("country").lower() not in _HOME:
        lines.append(part("country"))
    return _without_repeats([line for line in lines if line])


def posted_to(name: str, lines: Sequence[str]) -> str | None:
    """Whom and where a letter is posted to, as a letter keeps it (`CaseworkLetter.to_address`):
    the contact's name, then the address's lines, one a line; None without an address."""
    kept = [line.strip() for line in lines if line.strip()]
    return "\n".join([name, *kept]) if kept else None


def postcode_of(raw: str) -> str:
    """A UK postcode as the Royal Mail writes it (upper case, one space before the last three
    characters); anything else stripped and left as it is."""
    squeezed = re.sub(r"\s+", "", raw).upper()
    if re.fullmatch(r"[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}", squeezed):
        return f"{squeezed[:-3]} {squeezed[-3:]}"
    return raw.strip()


def _block_lines(block: str) -> list[str]:
    # A block is one line per row of the address, or one line with commas between them.
    rows = block.replace("\r", "\n").split("\n")
    if len(rows) == 1:
        rows = rows[0].split(",")
    return [" ".join(row.split()) for row in rows if row.strip()]


def _without_repeats(lines: list[str]) -> list[str]:
    kept: list[str] = []
    for line in lines:
        if not kept or kept[-1].lower() != line.lower():
            kept.append(line)
    return kept
