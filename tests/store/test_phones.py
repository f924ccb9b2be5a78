"""Phone numbers as MIS exports hold them (issue 16 item 5)."""

from __future__ import annotations

import pytest

from store.phones import InvalidPhone, Phone, contact_phones, read_phone


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # Notes written beside the number are kept apart from it.
        ("07700 900123 (mum)", Phone("+447700900123", textable=True, note="mum")),
        ("Mob: 07700900123", Phone("+447700900123", textable=True, note="Mob")),
        ("mob:07700 900123", Phone("+447700900123", textable=True, note="mob")),
        ("Mum: 07700 900124", Phone("+447700900124", textable=True, note="Mum")),
        ("07700-900-125 - dad's", Phone("+447700900125", textable=True, note="dad's")),
        ("0113 496 0000 ext 12", Phone("+441134960000", textable=False, note="ext 12")),
        ("01632 960123 home", Phone("+441632960123", textable=False, note="home")),
        # International forms, with and without the plus.
        ("+44 (0)7700 900126", Phone("+447700900126", textable=True)),
        ("00447700900127", Phone("+447700900127", textable=True)),
        ("447700900128", Phone("+447700900128", textable=True)),
        ("48512345678", Phone("+48512345678", textable=True)),
        ("0048 512 345 678", Phone("+48512345678", textable=True)),
        ("+48 512 345 678", Phone("+48512345678", textable=True)),
        # A spreadsheet dropped the leading zero of a UK mobile, or saved it as a float.
        ("7700900132.0", Phone("+447700900132", textable=True)),
        ("(0113) 496 0004", Phone("+441134960004", textable=False)),
        # Kept as text by a spreadsheet: an apostrophe, ="...", a zero-width space.
        ("'07700 900138", Phone("+447700900138", textable=True)),
        ('="07700900139"', Phone("+447700900139", textable=True)),
        ("07700 900140\u200b", Phone("+447700900140", textable=True)),
        ("0044 (0) 7700 900141", Phone("+447700900141", textable=True)),
        ("7700900129", Phone("+447700900129", textable=True)),
        # Other UK ranges: a Leeds landline, a freephone (never texted).
        ("0161 496 0123", Phone("+441614960123", textable=False)),
        ("0808 157 0123", Phone("+448081570123", textable=False)),
    ],
)
def test_a_number_is_read_with_its_note_and_whether_it_takes_texts(
    raw: str, expected: Phone
) -> None:
    assert read_phone(raw) == expected


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ("07700 90012", "not a valid UK number and has no country code"),  # a digit short
        ("07700 9001234", "not a valid UK number"),  # a digit long, even in the drama range
        ("0800 123", "not a valid UK number"),
        ("12", "is not a phone number"),
        ("n/a", "has no phone number in it"),
        ("+48 512 34", r"not a valid number for \+48 \(PL\)"),
    ],
)
def test_a_number_that_is_not_one_is_refused_never_given_plus_44(raw: str, why: str) -> None:
    with pytest.raises(InvalidPhone, match=why):
        read_phone(raw)


def test_the_whole_ofcom_drama_mobile_block_is_valid_and_nothing_past_it() -> None:
    assert read_phone("07700 900000").textable and read_phone("07700 900999").textable
    with pytest.raises(InvalidPhone):
        read_phone("07700 901000")


def test_a_number_without_a_country_code_is_read_for_the_schools_country() -> None:
    assert read_phone("512 345 678", region="PL").e164 == "+48512345678"


def test_a_contacts_cells_give_the_first_mobile_and_the_first_landline() -> None:
    phones = contact_phones(
        [
            ("Home Phone", "0113 496 0001"),
            ("Mobile", "07700 900130 (mum)"),
            ("Work Phone", "0113 496 0002"),
            ("Mobile 2", "07700 900131"),
        ]
    )
    assert phones.fields() == {
        "phone": "+447700900130",
        "phone_note": "mum",
        "landline": "+441134960001",
        "landline_note": None,
    }
    assert phones.dropped == ()


def test_a_dropped_cell_keeps_the_stored_number_rather_than_erasing_it() -> None:
    phones = contact_phones([("Mobile", "07700 90013"), ("Home Phone", "0113 496 0003")])
    assert phones.fields() == {"landline": "+441134960003", "landline_note": None}
    assert [where for where, _ in phones.dropped] == ["Mobile"]
    assert contact_phones([]).fields() == {
        "phone": None,
        "phone_note": None,
        "landline": None,
        "landline_note": None,
    }


@pytest.mark.parametrize(
    ("cell", "mobile", "landline"),
    [
        ("07700 900133 / 0113 496 0005", ("+447700900133", None), ("+441134960005", None)),
        ("07700 900134 (mum); 07700 900135 (dad)", ("+447700900134", "mum"), None),
        ("Mobile or home: 07700 900136", ("+447700900136", "Mobile or home"), None),
        (
            "0113 496 0006, ext 12 / 07700 900137",
            ("+447700900137", None),
            ("+441134960006", "ext 12"),
        ),
        # No separator: a word leads into the next number, or a bracketed note ends one.
        (
            "Home 0113 496 0007 Mobile 07700 900142",
            ("+447700900142", "Mobile"),
            ("+441134960007", "Home"),
        ),
        ("07700 900143 (mum) 07700 900144 (dad)", ("+447700900143", "mum"), None),
    ],
)
def test_a_cell_with_several_numbers_gives_each_with_its_own_note(
    cell: str, mobile: tuple[str, str | None], landline: tuple[str, str | None] | None
) -> None:
    phones = contact_phones([("Telephone", cell)])
    assert phones.dropped == ()
    assert phones.mobile is not None and (phones.mobile.e164, phones.mobile.note) == mobile
    found = phones.landline and (phones.landline.e164, phones.landline.note)
    assert found == landline
