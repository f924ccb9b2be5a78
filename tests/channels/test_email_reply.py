"""The reply extractor's rules one by one: our own sent text first, then the markers, never
losing the family's words; and the HTML quote blocks of the clients the corpora lack."""

from __future__ import annotations

import pytest

from channels.email_html import html_reply_text, html_to_text
from channels.email_reply import reply_text

OURS = (
    "Demo Academy: Amy was marked absent this morning (Monday 23 November) and we have no "
    "reason yet. Please reply with the reason.\n\n1. Ill\n2. Medical appointment"
)


def test_our_text_cuts_a_quote_no_marker_announces() -> None:
    body = f"She has a cold.\n\n{OURS}\n"
    assert reply_text(body, sent=[OURS]) == "She has a cold."
    assert reply_text(body) != "She has a cold."  # the markers alone cannot see it


def test_our_text_rewrapped_and_quoted_under_a_header_in_any_language() -> None:
    wrapped = "\n".join(
        [
            "> Demo Academy: Amy was marked absent this morning (Monday 23",
            "> November) and we have no reason yet. Please reply with the",
            "> reason.",
            ">",
            "> 1. Ill",
            "> 2. Medical appointment",
        ]
    )
    body = f"Ffliw arni.\n\nDyma'r neges a gawsoch:\n{wrapped}\n"
    assert reply_text(body, sent=[OURS]) == "Ffliw arni.\n\nDyma'r neges a gawsoch:"


def test_an_answer_below_our_text_is_kept() -> None:
    body = f"Hello,\n\n{OURS}\n\nShe has a cold, back tomorrow.\n\nJane"
    assert reply_text(body, sent=[OURS]) == ("Hello,\n\nShe has a cold, back tomorrow.\n\nJane")


def test_a_short_line_that_happens_to_be_ours_is_not_a_quote() -> None:
    # "1. Ill" is in our menu, but a six-character line is no evidence on its own.
    assert reply_text("1. Ill", sent=[OURS]) == "1. Ill"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "On holiday until Monday.\n\nOn Mon, 23 Nov 2026 at 09:31, Demo Academy "
            "<attendance@example.org> wrote:\n> Amy was absent.",
            "On holiday until Monday.",
        ),
        (
            "On holiday until Monday\nOn Mon, 23 Nov 2026 at 09:31, Demo Academy "
            "<attendance@example.org> wrote:\n> Amy was absent.",
            "On holiday until Monday",
        ),
        (
            "Sent from my work email because my phone is broken.\n\nAmy is ill.",
            "Sent from my work email because my phone is broken.\n\nAmy is ill.",
        ),
        (
            "Hi,\n\nOn Mon, 23 Nov 2026, Demo Academy <attendance@example.org> wrote:\n"
            "> Amy was absent.\n\nShe is ill.",
            "Hi,\n\nShe is ill.",
        ),
        (
            "Chora.\n\nW dniu 23.11.2026 o 09:31, Demo Academy <attendance@example.org> "
            "pisze:\n> x",
            "Chora.",
        ),
        (
            "Doente.\n\nEm seg., 23 de nov. de 2026 às 09:31, Demo Academy\n"
            "<attendance@example.org> escreveu:\n\n> x",
            "Doente.",
        ),
        (
            "Bolnav.\n\nPe lun., 23 nov. 2026 la 09:31, Demo Academy <attendance@example.org> a "
            "scris:\n> x",
            "Bolnav.",
        ),
        ("Serga.\n\n---- Demo Academy rašė ----\nJonas nebuvo.", "Serga."),
        (
            "Malade.\n\nDe : Demo Academy\nEnvoyé : lundi 23 novembre 2026 09:31\nÀ : Jane\n"
            "Objet : Absence",
            "Malade.",
        ),
        ("Malato.\n\nDa: Demo Academy\nInviato: lunedì 23 novembre 2026 09:31\nA: Jane", "Malato."),
        ("Sjuk.\n\n-----Ursprungligt meddelande-----\nFrån: Demo Academy", "Sjuk."),
        (
            "Krank.\n\nAm 23.11.2026 um 09:31 schrieb Demo Academy <attendance@example.org>:\n> x",
            "Krank.",
        ),
        (
            "Syg.\n\nDen 23. nov. 2026 kl. 09.31 skrev Demo Academy <attendance@example.org>:\n> x",
            "Syg.",
        ),
        ("Chora.\n\nWysłane z iPhone'a", "Chora."),
        ("Doente.\n\nEnviado do meu iPhone", "Doente."),
        ("مريض.\n\nأُرسلت من الـ iPhone الخاص بي", "مريض."),
        ("Ill.\n\n-- \nJane Smith\n+447700900001", "Ill."),
    ],
)
def test_markers_in_every_language_and_never_the_reply(body: str, expected: str) -> None:
    assert reply_text(body) == expected


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # Outlook on the web / new Outlook: the header block in div#divRplyFwdMsg, after an <hr>.
        (
            '<div>Amy is ill.</div><hr style="display:inline-block;width:98%" tabindex="-1">'
            '<div id="divRplyFwdMsg" dir="ltr"><b>From:</b> Demo Academy<br><b>Sent:</b> Monday'
            "</div><div>Amy was absent.</div>",
            "Amy is ill.",
        ),
        # Apple Mail: the attribution outside, the message in <blockquote type="cite">.
        (
            '<div>Amy is ill.<br><div><br><blockquote type="cite"><div>On 23 Nov 2026, at 09:31, '
            "Demo Academy &lt;attendance@example.org&gt; wrote:</div><div>Amy was absent.</div>"
            "</blockquote></div></div>",
            "Amy is ill.",
        ),
        # Yahoo: div.yahoo_quoted holds the attribution and the message.
        (
            '<div>Amy is ill.</div><div class="yahoo_quoted"><div>On Monday, 23 November 2026, '
            "09:31, Demo Academy wrote:</div><div>Amy was absent.</div></div>",
            "Amy is ill.",
        ),
        # Gmail: div.gmail_quote with div.gmail_attr; an answer written below it is kept.
        (
            '<div>Hi,</div><div class="gmail_quote"><div class="gmail_attr">On Mon wrote:</div>'
            '<blockquote class="gmail_quote">Amy was absent.</blockquote></div>'
            "<div>She is ill.</div>",
            "Hi,\n\nShe is ill.",
        ),
    ],
)
def test_html_quote_blocks_by_their_markup(markup: str, expected: str) -> None:
    assert reply_text(html_to_text(markup)) == expected


def test_an_answer_written_between_our_lines_is_kept() -> None:
    body = (
        "> Demo Academy: Amy was marked absent this morning (Monday 23 November) and we\n"
        "Yes, she is ill.\n"
        "> have no reason yet. Please reply with the reason.\n"
    )
    assert reply_text(body, sent=[OURS]) == "Yes, she is ill."


def test_a_word_of_ours_inside_a_longer_word_is_not_ours() -> None:
    # "yes" is in "yesterday"; only whole words of our text count.
    assert reply_text("Yes", sent=["She was absent yesterday and today."]) == "Yes"


def test_an_inline_answer_between_long_quoted_lines_is_not_taken_for_their_tail() -> None:
    body = (
        "Le 23 nov. 2026 à 09:31, Demo Academy <attendance@example.org> a écrit :\n"
        "> Amy was marked absent this morning and we have no reason yet, please\n"
        "She is ill.\n"
        "> reply with the reason or call the school office before ten o'clock.\n"
    )
    assert reply_text(body) == "She is ill."


def test_a_message_forwarded_with_no_words_of_their_own_is_what_they_said() -> None:
    body = (
        "---------- Forwarded message ---------\nFrom: GP Surgery <surgery@example.org>\n"
        "Date: Mon, 23 Nov 2026 at 08:10\nSubject: Your appointment\nfor Amy Smith\n"
        "To: jane.smith@example.org\n\nAmy Smith has an appointment at 10:40 today.\n"
    )
    assert reply_text(body) == "Amy Smith has an appointment at 10:40 today."
    note = "FYI, this is why.\n\n" + body
    assert reply_text(note) == "FYI, this is why."


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A note written like a memo: its own "To:/From:" lines are not a quoted message's.
        ("To: Mrs Hughes\nFrom: Jane Smith\nAmy is ill today.", "Amy is ill today."),
        # A signature delimiter with nothing above it ends nothing.
        ("--\nAmy is ill today.\n\nJane", "Amy is ill today.\n\nJane"),
    ],
)
def test_nothing_that_is_theirs_is_taken_for_a_header_or_a_signature(
    body: str, expected: str
) -> None:
    assert reply_text(body) == expected


def test_a_sentence_with_an_address_a_time_and_a_colon_is_not_an_attribution() -> None:
    body = (
        "Amy is ill.\nI wrote to Mrs Hughes <hughes@example.org> at 10:30 and she said:\n"
        "bring a note when she is back."
    )
    assert reply_text(body) == body


def test_words_indented_with_gmails_indent_button_are_theirs() -> None:
    markup = (
        '<div dir="ltr"><blockquote style="margin:0 0 0 40px;border:none;padding:0px">'
        "<div>Amy is ill today.</div></blockquote></div>"
    )
    assert reply_text(html_to_text(markup)) == "Amy is ill today."


def test_a_sentence_ending_in_sent_is_theirs() -> None:
    body = "On Monday at 10:30 I sent:\n- the GP's note\n- the form"
    assert reply_text(body) == body


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # Gmail puts a forward whole inside div.gmail_quote (talon's test_gmail_forwarded_msg).
        (
            '<div dir="ltr"><br><div class="gmail_quote">---------- Forwarded message '
            "----------<br>From: <b>GP Surgery</b> &lt;surgery@example.org&gt;<br>Date: Mon, "
            "23 Nov 2026 at 08:10<br>Subject: Appointment<br>To: Jane &lt;jane@example.org&gt;"
            '<br><br><br><div dir="ltr">Amy: 10:40 today.</div></div><br></div>',
            "Amy: 10:40 today.",
        ),
        # The reply itself inside the blockquote (talon's test_readable_html_empty).
        (
            "<blockquote>Amy is ill.<div>On 23 Nov 2026, at 09:31, Demo Academy "
            "&lt;attendance@example.org&gt; wrote:</div><div>Amy was absent.</div></blockquote>",
            "Amy is ill.",
        ),
    ],
)
def test_html_with_nothing_outside_its_quote_blocks_is_read_whole(
    markup: str, expected: str
) -> None:
    assert html_reply_text(markup) == expected
