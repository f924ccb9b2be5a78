"""Phone numbers as schools really keep them: read, checked, and sorted into mobile or landline.

MIS exports hold numbers the way people typed them: "07700 900123 (mum)", "Mob: 07700900123",
"0113 496 0000 ext 12", "48512345678" (a Polish mobile without its plus), "0048 512 345 678",
or "7700900123" (a spreadsheet ate the leading zero). `read_phone` turns one cell into an E.164
number, the note written beside it, and whether it can take a text. A number is kept only when
libphonenumber says it is valid (`is_valid_number`), or it lies in one of Ofcom's ranges set
aside for drama, which demos and tests use. A number with no country code is read as a UK
number and nothing else: one that is not valid for the UK is refused, never guessed at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneNumberType

from store.errors import InvalidInput

# Ofcom's numbers for drama (ofcom.org.uk, "TV, radio and theatre numbers"): 1,000 each, never
# allocated to anyone, so a demo or a test can text them. Only the mobile block takes texts.
DRAMA_MOBILE = ("+447700900",)
DRAMA_LANDLINE = (
    "+441134960",
    "+441144960",
    "+441154960",
    "+441164960",
    "+441174960",
    "+441184960",
    "+441214960",
    "+441314960",
    "+441414960",
    "+441514960",
    "+441614960",
    "+441914980",
    "+442079460",
    "+442896496",
    "+442920180",
    "+441632960",
    "+443069990",
    "+448081570",
    "+449098790",
)

# The kinds of number a text can reach. Where a plan cannot tell mobiles from landlines (the
# US, China), the number may be a mobile: it is texted, and a failed text fails over as usual.
TEXTABLE = frozenset({PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE})

_DIGITS = re.compile(r"\d")
# A number as written: digits, spaces, dots, dashes, a leading plus, and brackets round digits
# only ("+44 (0)7700…", "(0113) 496…"); anything after it is a note ("(mum)", "ext 12").
_NUMBER = re.compile(r"\+?(?:[\d\s.\-]|\(\d+\))+")
_START = re.compile(r"[\d+]|\(\d")
# A number a spreadsheet saved as a float: "7700900123.0".
_SPREADSHEET_FLOAT = re.compile(r"^(\d{7,})\.0$")
# Several numbers in one cell: "07700 900123 / 0113 496 0000", "07700 900123; 07700 900124".
_SEPARATORS = re.compile(r"\s*(?:[/;,]|\bor\b)\s*", re.IGNORECASE)
# Punctuation round a note, and what spreadsheets leave round a number kept as text: the
# apostrophe, ="…", and zero-width characters (with the en and em dashes).
_NOTE_EDGES = " \t:;,.-\u2013\u2014()[]/'\"=\u200b\u200c\u200d\ufeff"


class InvalidPhone(InvalidInput):
    """A phone cell that holds no number rollcall may use; the message says why."""


@dataclass(frozen=True, slots=True)
class Phone:
    """One number read from a cell."""

    e164: str  # "+447700900123"
    textable: bool  # a mobile: texts and WhatsApp may go to it; otherwise the call list only
    note: str | None = None  # what was written beside it: "mum", "mob", "ext 12"


def region_of(country: str) -> str:
    """The phone region of a school's country ("GB-ENG", as its holidays are kept: "GB")."""
    return country.split("-", 1)[0]


def read_phone(raw: str, *, region: str = "GB") -> Phone:
    """The number in `raw`, or InvalidPhone saying why there is none.

    `region` is the country a number without a country code belongs to (the school's)."""
    text = _SPREADSHEET_FLOAT.sub(r"\1", raw.strip())
    first = _START.search(text)
    if first is None:
        raise InvalidPhone(f"{raw!r} has no phone number in it", problem="no_phone_in",
                           value=raw)
    start = first.start()
    found = _NUMBER.match(text, start)
    assert found is not None  # it starts with a digit, a plus or a bracketed digit
    written = found.group().strip()
    note = _note(text[:start], text[found.end() :])
    number = _parse(written, raw=raw, region=region)
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if _drama(e164, DRAMA_MOBILE):
        return Phone(e164, textable=True, note=note)
    if _drama(e164, DRAMA_LANDLINE):
        return Phone(e164, textable=False, note=note)
    if not phonenumbers.is_valid_number(number):
        raise _why_invalid(raw, number, region=region)
    return Phone(e164, textable=phonenumbers.number_type(number) in TEXTABLE, note=note)


def _parse(written: str, *, raw: str, region: str) -> phonenumbers.PhoneNumber:
    digits = "".join(_DIGITS.findall(written))
    if written.startswith("+") or digits.startswith("00"):
        international = "+" + digits.removeprefix("00")
        return _parsed(international, raw=raw, region=region)
    national = _parsed(digits, raw=raw, region=region)
    if digits.startswith("0") or _usable(national):
        return national
    # No plus and no trunk zero: the digits may begin with a country code ("48512345678").
    abroad = _parsed("+" + digits, raw=raw, region=region)
    return abroad if _usable(abroad) else national


def _parsed(text: str, *, raw: str, region: str) -> phonenumbers.PhoneNumber:
    try:
        return phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        raise InvalidPhone(f"{raw!r} is not a phone number", problem="not_a_phone",
                           value=raw) from None


def _usable(number: phonenumbers.PhoneNumber) -> bool:
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return phonenumbers.is_valid_number(number) or _drama(e164, DRAMA_MOBILE + DRAMA_LANDLINE)


def _drama(e164: str, blocks: tuple[str, ...]) -> bool:
    # Every drama block is a UK number: +44 and ten digits, the last three (or four) free.
    return len(e164) == 13 and e164.startswith(blocks)


def _why_invalid(raw: str, number: phonenumbers.PhoneNumber, *, region: str) -> InvalidPhone:
    home = phonenumbers.country_code_for_region(region)
    if number.country_code == home:
        place = "UK" if region == "GB" else region
        return InvalidPhone(
            f"{raw!r} is not a valid {place} number and has no country code "
            f"(write a number from abroad with + and its country code)",
            problem="phone_not_valid_here", value=raw, place=place,
        )
    country = phonenumbers.region_code_for_country_code(number.country_code or 0)
    return InvalidPhone(f"{raw!r} is not a valid number for +{number.country_code} ({country})",
                        problem="phone_not_valid_there", value=raw,
                        code=str(number.country_code), country=country)


def _note(before: str, after: str) -> str | None:
    parts = [part.strip(_NOTE_EDGES) for part in (before, after)]
    note = " ".join(part for part in parts if part)
    return note or None


@dataclass(frozen=True, slots=True)
class ContactPhones:
    """A contact's numbers from several cells: the first mobile, the first landline, and the
    cells left out (with why), so every import path stores them the same way."""

    mobile: Phone | None
    landline: Phone | None
    dropped: tuple[tuple[str, InvalidPhone], ...]  # (where the cell was, why it was left out)

    def fields(self) -> dict[str, str | None]:
        """The contact's phone columns. A slot is left out (the stored value kept) when a cell
        was dropped and nothing replaced it: a typo in the MIS does not erase a good number."""
        found: dict[str, str | None] = {}
        for name, phone in (("phone", self.mobile), ("landline", self.landline)):
            if phone is None and self.dropped:
                continue
            found[name] = phone.e164 if phone else None
            found[f"{name}_note"] = phone.note if phone else None
        return found


# Where one number ends and the next begins with no separator: before a word that leads into
# a number ("Mum 07700 900123 Dad 07700 900124"), after a bracketed note ("… (mum) 07700 …").
_LABEL_BEFORE = re.compile(r"(?<=\d)\s+(?=[^\W\d_][\w' ]*:?\s*\+?\(?\d{3})")
_NOTE_AFTER = re.compile(r"(\([^)\d]*[^\W\d_][^)\d]*\))\s+(?=\+?\(?\d)")


def _numbers_in(cell: str) -> list[str]:
    """The cell, or each number in it when it holds several; a part that is no number on its
    own ("ext 12", "Mobile or home:") stays with the number beside it."""
    numbers: list[str] = []
    pending = ""
    marked = _NOTE_AFTER.sub(r"\1; ", _LABEL_BEFORE.sub("; ", cell))
    for part in _SEPARATORS.split(marked):
        if len(_DIGITS.findall(part)) >= 7:
            numbers.append(f"{pending} {part}".strip())
            pending = ""
        elif numbers:
            numbers[-1] += f" {part}"
        else:
            pending += f" {part}"
    return numbers if len(numbers) > 1 else [cell]


def contact_phones(cells: list[tuple[str, str]], *, region: str = "GB") -> ContactPhones:
    """Read every (where, raw) cell in order of preference (mobile columns first); a cell
    holding several numbers ("07700 900123 / 0113 496 0000") gives each of them."""
    mobile: Phone | None = None
    landline: Phone | None = None
    dropped: list[tuple[str, InvalidPhone]] = []
    for where, raw in ((where, part) for where, cell in cells for part in _numbers_in(cell)):
        try:
            phone = read_phone(raw, region=region)
        except InvalidPhone as error:
            dropped.append((where, error))
            continue
        if phone.textable and mobile is None:
            mobile = phone
        elif not phone.textable and landline is None:
            landline = phone
    return ContactPhones(mobile=mobile, landline=landline, dropped=tuple(dropped))
