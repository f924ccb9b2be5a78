"""The conversation page gives staff what they need to act on one screen: plain words for what
the bot read, the children named apart, the suggested code chosen with its meaning, no
percentage from too few sessions, and a confirmation after each action; the inbox has one row
per conversation listing each child."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from store.clock import FakeClock
from store.database import Database
from store.models.conversations import Conversation, ConversationStudent
from store.models.escalations import Escalation
from store.models.marks import Mark
from store.models.schools import School
from tests.console.conftest import Seeded, sign_in


def _text(html: str) -> str:
    """What a person reads: tags dropped, spaces collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def _add_ben_to_amys_conversation(db: Database, clock: FakeClock, seeded: Seeded) -> None:
    """Jane writes about both children in one conversation: Ben's own escalation too."""
    with db.transaction() as session:
        session.add(
            ConversationStudent(
                conversation_id=seeded.a.conversation_id,
                student_id=seeded.a.safeguarding_student_id,
            )
        )
        session.add(
            Escalation(
                school_id=seeded.a.school_id,
                conversation_id=seeded.a.conversation_id,
                student_id=seeded.a.safeguarding_student_id,
                urgency="normal",
                intent="call_request",
                why="needs a person",
                created_at=clock.now(),
            )
        )


def _suggest(db: Database, student_id: int, code: str) -> int:
    with db.transaction() as session:
        mark = session.exec(
            select(Mark).where(Mark.student_id == student_id, Mark.session == "PM")
        ).one()
        mark.suggested_code = code
        assert mark.id is not None
        return mark.id


def test_intents_are_plain_words_and_the_children_are_named_apart(
    client: TestClient, seeded: Seeded, db: Database, clock: FakeClock
) -> None:
    _add_ben_to_amys_conversation(db, clock, seeded)
    sign_in(client, seeded.a.officer)
    page = client.get(f"/console/conversations/{seeded.a.conversation_id}").text
    shown = _text(page)
    assert "Amy T., Ben T." in shown and "Amy T.Ben T." not in shown
    assert "Family circumstances · open" in shown and "Wants a phone call · open" in shown
    read_as = re.findall(r'<span class="intent"[^>]*>([^<]*)<', page)
    assert read_as == ["Family circumstances"]  # the family's message, as the bot read it


def test_the_inbox_has_one_row_per_conversation_listing_each_child(
    client: TestClient, seeded: Seeded, db: Database, clock: FakeClock
) -> None:
    _add_ben_to_amys_conversation(db, clock, seeded)
    sign_in(client, seeded.a.dsl)
    items = client.get("/console/api/inbox").json()["items"]
    rows = [item for item in items if item["conversation_id"] == seeded.a.conversation_id]
    assert len(rows) == 1 and len(rows[0]["escalation_ids"]) == 2
    assert [child["label"] for child in rows[0]["children"]] == ["Amy T.", "Ben T."]
    shown = _text(client.get("/console/").text)
    assert "Amy T. Y9, Ben T. Y7" in shown and "Family circumstances" in shown


def test_the_suggested_code_is_chosen_with_its_meaning(
    client: TestClient, seeded: Seeded, db: Database
) -> None:
    sign_in(client, seeded.a.officer)
    base = f"/console/conversations/{seeded.a.conversation_id}"
    page = client.get(base).text
    # No suggestion: nothing is chosen, so "/ present" is never sent by accident for an absence.
    assert not re.search(
        r'<option value="[^"]*" selected>', page.split('name="code"')[1].split("</select>")[0]
    )
    assert '<option value="">Choose a code</option>' in page
    mark_id = _suggest(db, seeded.a.student_id, "I")
    page = client.get(base).text
    assert f'<option value="{mark_id}" selected>' in page
    assert '<option value="I" selected>' in page and '<option value="/" selected>' not in page
    assert "Suggested: I, illness, physical or mental (not appointments)" in _text(page)


def test_no_percentage_until_there_are_enough_sessions(
    client: TestClient, seeded: Seeded, db: Database
) -> None:
    sign_in(client, seeded.a.officer)
    page = client.get(f"/console/conversations/{seeded.a.conversation_id}").text
    assert "this term" not in page and 'class="flag' not in page  # 2 of the default 10
    student = client.get(f"/console/students/{seeded.a.student_id}").text
    assert "Too few sessions yet for a percentage." in student and 'class="flag' not in student
    with db.transaction() as session:  # the school's own setting (its admin's, on Settings)
        school = session.get(School, seeded.a.school_id)
        assert school is not None and school.min_possible_sessions == 10
        school.min_possible_sessions = 2
        session.add(school)
    page = client.get(f"/console/conversations/{seeded.a.conversation_id}").text
    assert "this term 0.0%" in _text(page) and 'class="flag severe"' in page


@pytest.fixture
def acting(client: TestClient, seeded: Seeded) -> Iterator[tuple[str, str]]:
    yield sign_in(client, seeded.a.officer), f"/console/conversations/{seeded.a.conversation_id}"


@pytest.mark.parametrize(
    ("action", "data", "confirmation"),
    [
        ("take-over", {}, "You have taken over this conversation."),
        (
            "reply",
            {"text": "Thank you, noted."},
            "Your reply is saved; its delivery is shown in the thread.",
        ),
        ("code", {"code": "I", "reason": "ill, mother phoned"}, "Code saved."),
        ("hand-back", {}, "Handed back to the bot."),
        ("resolve", {}, "Conversation resolved."),
    ],
)
def test_every_action_is_confirmed(
    client: TestClient,
    seeded: Seeded,
    db: Database,
    acting: tuple[str, str],
    action: str,
    data: dict[str, str],
    confirmation: str,
) -> None:
    token, base = acting
    if action == "code":
        data = {**data, "mark_id": str(_suggest(db, seeded.a.student_id, "I"))}
    before = client.get(base).text
    assert 'role="status"' not in before
    response = client.post(f"{base}/{action}", data={"csrf_token": token, **data})
    assert response.status_code == 303, response.text
    page = client.get(response.headers["location"]).text
    assert f'<p class="done" role="status">{confirmation}</p>' in page


def test_the_confirmation_and_labels_are_in_the_staff_members_language(
    client: TestClient, seeded: Seeded
) -> None:
    token = sign_in(client, seeded.a.officer)
    base = f"/console/conversations/{seeded.a.conversation_id}"
    response = client.post(f"{base}/take-over", data={"csrf_token": token})
    page = client.get(response.headers["location"], headers={"Accept-Language": "cy"}).text
    assert "Rydych chi wedi cymryd y sgwrs hon drosodd." in page
    assert "Amgylchiadau teuluol" in page


def test_an_urgent_escalations_line_reads_with_spaces_between_its_parts(
    client: TestClient, seeded: Seeded
) -> None:
    """'reply reads as safeguarding· Alerts' ran the reason into the link's dot."""
    sign_in(client, seeded.a.dsl)
    page = client.get(f"/console/conversations/{seeded.a.safeguarding_conversation_id}").text
    lines = [_text(line) for line in re.findall(r'<p class="escalation urgent">(.*?)</p>', page,
                                                 re.S)]
    assert lines and all(re.search(r"\S·", line) is None for line in lines), lines


def test_an_urgent_reading_says_its_label_once(
    client: TestClient, seeded: Seeded, db: Database
) -> None:
    """'Safeguarding concern · … · the reply reads as: Safeguarding concern': the reason of an
    urgent reading is its intent, which the line names already."""
    with db.transaction() as session:
        escalation = session.exec(select(Escalation).where(
            Escalation.conversation_id == seeded.a.safeguarding_conversation_id)).first()
        assert escalation is not None and escalation.intent == "safeguarding"
        escalation.why, escalation.why_code = "reply reads as safeguarding", "reads_as"
        escalation.why_params = '{"intent": "safeguarding"}'
    sign_in(client, seeded.a.dsl)
    page = client.get(f"/console/conversations/{seeded.a.safeguarding_conversation_id}").text
    lines = [_text(line) for line in re.findall(r'<p class="escalation urgent">(.*?)</p>', page,
                                                 re.S)]
    assert lines and all(line.count("Safeguarding concern") == 1 for line in lines), lines
    assert all("reads as" not in line for line in lines), lines


def test_each_childs_escalation_line_names_the_child(
    client: TestClient, seeded: Seeded, db: Database, clock: FakeClock
) -> None:
    """A family writing about several children: one line a child, each saying whom."""
    _add_ben_to_amys_conversation(db, clock, seeded)
    sign_in(client, seeded.a.officer)
    page = client.get(f"/console/conversations/{seeded.a.conversation_id}").text
    lines = [_text(line) for line in re.findall(r'<p class="escalation [a-z]+">(.*?)</p>', page,
                                                 re.S)]
    assert len(lines) == 2, lines
    named = [re.match(r"\s*(?:URGENT\s*)?(\S+ \S\.) Y\d+ ·", line) for line in lines]
    assert all(named), lines
    assert len({m.group(1) for m in named if m}) == 2, lines


def test_a_conversation_with_the_bot_says_so_once(
    client: TestClient, seeded: Seeded, db: Database
) -> None:
    """'With the bot · with the bot': the holder line and the mode said the same thing."""
    with db.transaction() as session:
        conversation = session.get(Conversation, seeded.a.conversation_id)
        assert conversation is not None
        conversation.mode = "bot"
    sign_in(client, seeded.a.officer)
    page = client.get(f"/console/conversations/{seeded.a.conversation_id}").text
    holder = re.search(r'<p class="holder" id="holder">(.*?)</p>', page, re.S)
    assert holder is not None
    assert '<span id="mode" data-mode="bot" hidden>' in holder.group(1)  # kept for the live check
    assert "·" not in holder.group(1)


def test_a_task_no_message_raised_names_no_unknown_sender(
    client: TestClient, seeded: Seeded, db: Database, clock: FakeClock
) -> None:
    """A framework review comes from the school's own figures: its row has no contact, and
    says so with a dash, not 'unknown sender'."""
    with db.transaction() as session:
        session.add(Escalation(school_id=seeded.a.school_id, student_id=seeded.a.student_id,
                               urgency="normal", intent=None, why="framework review",
                               created_at=clock.now()))
    sign_in(client, seeded.a.officer)
    page = client.get("/console/").text
    rows = re.findall(r"<tr class=\"normal\"[^>]*>(.*?)</tr>", page, re.S)
    review = [row for row in rows if "framework review" in row]
    assert review and "unknown sender" not in review[0] and "<td>—</td>" in review[0]
