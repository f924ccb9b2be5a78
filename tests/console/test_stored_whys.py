"""Why an escalation or task was raised, in the reader's language: the store keeps the reason's
code and parameters beside its English (conversations/whys.py) and the console words them
(_whys.html) on the escalation, conversation, inbox and engagement pages. A row from before
codes keeps its English; a student's, family's or MIS's own words are shown as they are."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from fastapi.testclient import TestClient
from markupsafe import Markup
from sqlmodel import select

from bot.console.views import environment
from conversations.selfcert import beyond_policy
from conversations.types import Intent, SelfCertification, Urgency
from conversations.whys import ENGLISH, Why
from scheduling.unplaced import WHY_UNKNOWN
from store.clock import FakeClock
from store.database import Database
from store.engagement import recompute
from store.escalations import raise_escalation
from store.models.escalations import Escalation
from store.schools import school_by_id
from tests.console.conftest import Seeded
from tests.console.seed import password_hash
from tests.console.test_stored_words import read_in
from tests.locales.test_catalogs import TRANSLATED
from tests.store.engagement_world import DAY, University, add_student, always, build

# Parameters enough for every code's words (each code reads the ones it names).
PARAMS = {"intent": "illness", "content": "voice", "what": "a voice note", "name": "Dr Ada Khan",
          "words": "Ben is not sleeping", "rules": "missed 10 events in a row",
          "met": ["missed_in_module", "missed_in_row", "below_percent", "days_without"],
          "missed_in_module": 10, "missed_in_row": 10, "below_percent": 0, "days_without": 0,
          "percent": 61.5, "weeks": 4, "min": 80, "days": 14, "count": 12, "threshold": 10,
          "reason": "code not allowed", "day": "2026-11-23", "channel": "sms",
          "detail": "the family blocked the bot", "made": 3, "limit": 3, "max": 5,
          "detail_code": "self_cert_days_evidence"}


def worded(language: str, why: Why) -> Markup:
    module = environment(language).get_template("_whys.html").module
    return module.stored_why(str(why), why.code, json.dumps(why.params))  # type: ignore[attr-defined,no-any-return]


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_reason_code_is_worded_in_every_language(language: str) -> None:
    for code in ENGLISH:
        why = Why(code, **PARAMS)
        text = str(worded(language, why))
        assert text.strip() and text != str(why) and code not in text, (code, text)
    # The English reader reads the same reason as before codes.
    assert str(worded("en", Why("not_understood"))) == "reply not understood"


@pytest.mark.parametrize(("language", "beyond"), [
    ("pl", "samodzielne usprawiedliwienie: dni: 7, więcej niż student może sam "
           "usprawiedliwić (5)"),
    ("ar", "إقرار ذاتي: الأيام: 7، أكثر مما يجوز للطالب الإقرار به ذاتيًا (5)"),
])
def test_a_self_certification_beyond_the_policy_says_what_put_it_there(
        language: str, beyond: str) -> None:
    why = beyond_policy(SelfCertification(max_days=5), intent=Intent.ILLNESS,
                        start=date(2026, 11, 23), end=date(2026, 11, 29), evidence=False,
                        today=date(2026, 11, 23), notice_days=5)
    assert why is not None and str(why) == "7 days, more than the 5 a student may self-certify"
    escalated = Why("self_cert_beyond", detail=str(why), detail_code=why.code, **why.params)
    assert str(escalated) == f"self-certification: {why}"
    assert str(worded(language, escalated)) == beyond


def test_a_row_from_before_codes_keeps_its_english() -> None:
    module = environment("pl").get_template("_whys.html").module
    assert module.stored_why("illness needs a person", None, None) == "illness needs a person"  # type: ignore[attr-defined]
    assert module.stored_why("kept as written", "a_code_from_later", "{}") == "kept as written"  # type: ignore[attr-defined]


@pytest.mark.parametrize(("language", "said", "review", "unknown"), [
    ("pl", "kontakt napisał: Dziecko jest chore",
     "Nieusprawiedliwione nieobecności (pół dnia) w ostatnich tygodniach szkolnych (10): 12",
     "wiadomość od nieznanego nadawcy"),
    ("ar", "قالت جهة الاتصال: الطفل مريض",
     "حصص الغياب بدون عذر في آخر 10 أسابيع دراسية: 12",
     "رسالة من مرسل غير معروف"),
])
def test_escalations_are_worded_in_the_readers_language(
        client: TestClient, seeded: Seeded, db: Database, clock: FakeClock, language: str,
        said: str, review: str, unknown: str) -> None:
    a = seeded.a
    with db.transaction() as session:
        # The seeded conversation's escalation is resolved so this one is the conversation's.
        session.get(Escalation, a.escalation_id).status = "resolved"  # type: ignore[union-attr]
        on_conversation = raise_escalation(
            session, clock, school_id=a.school_id, urgency=Urgency.NORMAL, intent="illness",
            why=Why("contact_said", intent="illness"), conversation_id=a.conversation_id,
            student_id=a.student_id)
        review_task = raise_escalation(
            session, clock, school_id=a.school_id, urgency=Urgency.NORMAL,
            intent="attendance_review", student_id=a.student_id,
            why=Why("framework_review", count=12, weeks=10, threshold=10))
        unknown_sender = raise_escalation(session, clock, school_id=a.school_id,
                                          urgency=Urgency.NORMAL, why=WHY_UNKNOWN)
        ids = (on_conversation.id, review_task.id, unknown_sender.id)
        stored = {row.id: row for row in session.exec(
            select(Escalation).where(Escalation.id.in_(ids)))}  # type: ignore[union-attr]
    # The English is kept as it was written; the code beside it.
    assert stored[ids[0]].why == "contact said: illness"
    assert (stored[ids[0]].why_code, json.loads(stored[ids[0]].why_params or "")) == (
        "contact_said", {"intent": "illness"})
    assert stored[ids[2]].why == "a message from an unknown sender"
    read_in(client, a.officer, language)
    conversation = client.get(f"/console/conversations/{a.conversation_id}").text
    assert said in conversation and "contact said" not in conversation
    review_page = client.get(f"/console/escalations/{ids[1]}").text
    assert review in review_page and "unauthorised sessions" not in review_page
    inbox = client.get("/console/").text
    assert review in inbox and unknown in inbox
    assert "unknown sender" not in inbox.replace("unknown-sender", "")
    # The seeded safeguarding escalation is from before codes: its English is kept.
    with db.transaction() as session:
        old = session.get(Escalation, a.safeguarding_escalation_id)
        assert old is not None and old.why_code is None
        old_why = old.why
    read_in(client, a.dsl, language)
    assert old_why in client.get(f"/console/conversations/{a.safeguarding_conversation_id}").text


@pytest.fixture
def world(db: Database, clock: FakeClock) -> University:
    clock.set(datetime(2026, 11, 27, 12, tzinfo=UTC))
    world = build(db, clock, password_hash=password_hash())
    # Ben misses every Econometrics lecture of the last two weeks.
    add_student(db, world, "Ben", lambda n, e: "absent" if n >= 20 and n % 2 == 0
                else "present", department="School of Economics")
    add_student(db, world, "Amy", always("present"))
    with db.transaction() as session:
        school = school_by_id(session, world.school_id)
        assert school is not None
        recompute(session, clock, school=school, day=DAY)
    return world


@pytest.mark.parametrize(("language", "at_risk", "referred"), [
    ("pl", "Zagrożony: opuszczone z rzędu zajęcia jednego modułu: 10",
     "Skierowanie od Dr Ada Khan: Ben is not sleeping"),
    ("ar", "معرّض للخطر: فعاليات وحدة دراسية واحدة فاتته على التوالي: 10",
     "أحاله Dr Ada Khan: Ben is not sleeping"),
])
def test_engagement_tasks_are_worded_in_the_readers_language(
        client: TestClient, world: University, db: Database, language: str, at_risk: str,
        referred: str) -> None:
    ben = world.students["Ben"]
    read_in(client, world.emails["tutor"], language)
    assert at_risk in client.get("/console/").text
    base = f"/console/engagement/students/{ben}"
    page = client.get(base).text
    csrf = page.split('name="csrf_token" value="')[1].split('"')[0]
    done = client.post(f"{base}/refer", data={"csrf_token": csrf, "to": "wellbeing",
                                              "reason": "Ben is not sleeping"})
    assert done.status_code == 303
    with db.transaction() as session:
        referral = session.exec(select(Escalation).where(
            Escalation.intent == "wellbeing_referral")).one()
    assert referral.why == "Referred by Dr Ada Khan: Ben is not sleeping"
    read_in(client, world.emails["wellbeing"], language)
    theirs = client.get(base).text
    assert referred in theirs and "Referred by" not in theirs


@pytest.mark.parametrize(("language", "raised", "unknown", "from_family", "family"), [
    ("pl", "zgłoszono", "wiadomość od nieznanego nadawcy", "wiadomość od rodziny", "rodzina"),
    ("ar", "رُفعت", "رسالة من مرسل غير معروف", "رسالة من العائلة", "العائلة"),
])
def test_the_safeguarding_timeline_is_worded_in_the_readers_language(
        client: TestClient, seeded: Seeded, db: Database, clock: FakeClock, language: str,
        raised: str, unknown: str, from_family: str, family: str) -> None:
    a = seeded.a
    with db.transaction() as session:
        urgent = raise_escalation(session, clock, school_id=a.school_id, urgency=Urgency.URGENT,
                                  intent="safeguarding", student_id=a.safeguarding_student_id,
                                  why=WHY_UNKNOWN)
        urgent_id = urgent.id
    read_in(client, a.dsl, language)
    page = client.get("/console/safeguarding").text
    record = page[page.index(f'id="record-{urgent_id}"'):]
    record = record[:record.index("</table>")]
    assert f"<td>{raised}</td>" in record and unknown in record
    # The seeded record, from before codes: its reason in English, the family's words as sent.
    seeded_record = page[page.index(f'id="record-{a.safeguarding_escalation_id}"'):]
    seeded_record = seeded_record[:seeded_record.index("</table>")]
    assert f"<td>{from_family}</td><td>{family}</td>" in seeded_record
    assert "safeguarding needs a person" in seeded_record
    assert "message_in" not in seeded_record and "the family" not in seeded_record


def test_every_hand_off_of_the_engine_carries_a_code() -> None:
    """An escalation's reason built as bare English ('reply reads as safeguarding') reached the
    console as written — an intent id, in English, on a Polish or Arabic page. Every `Escalate`
    and `hand_off` in conversations/ passes a `Why` (or a name bound to one), never a string."""
    import ast
    from pathlib import Path

    bare = []
    for path in sorted(Path("conversations").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            whys = [k.value for k in node.keywords if k.arg == "why"]
            if node.func.id == "Escalate" and len(node.args) >= 3:
                whys.append(node.args[2])
            if node.func.id in ("Escalate", "hand_off"):
                bare += [f"{path}:{node.lineno}" for why in whys
                         if isinstance(why, ast.Constant | ast.JoinedStr)]
    assert bare == []
