"""The issue-14 labelled rows through the whole engine `step`, as the shell would call it.

Each row carries what the engine is given (the school-local time the reply was sent, the
children and their register marks, closed days) and what is right (the intent, each child's
intent and the sessions its reason covers, whether it is a clear single reason). A row is
turned into Facts, an Inbound and a conversation state, `step` runs, and the decisions are
judged the way a careful attendance officer would:

- urgent recall: an urgent reply must produce an urgent Escalate;
- intent: the engine's reading of the reply (with the same facts) names the right intent, and
  for siblings with different reasons each child's recorded reason is right;
- clear single reasons: every child with one confirmed without staff, where the school's policy
  allows it (an illness longer than `Policy.max_auto_illness_days` school days goes to a person
  by policy: such a reply is counted apart, and must not be confirmed);
- bad confirmations: a code confirmed on a session the reply does not cover, on a closed day,
  or from a weak reply (a greeting, an emoji, "Test").

The tuning part (`labelled/tuning/`) may be tuned on. The held-out part (`labelled/heldout/`,
round 1, see bench/split_labelled.py), the fresh part (`labelled/fresh/`, round 2) and rounds
3 to 13 (`labelled/round3/` ... `labelled/round13/`), the last twelve written by people who had
not read the lexicons, were each scored once before any tuning for them; those first scores are
the honest figures (README). Rounds 1-8 have been tuned on since (rounds 4-8 by category of
miss, their sentences never added); round 9 since session 7, rounds 10-12 since (round 12 in
session 9); round 13 a little
(session 9). A greeting alone ("hi", "salam", "labas") is `unclear` as rounds
2 and 7-9 label it (issue 14, item 3): the 13 such tuning and held-out rows that said
`acknowledgement` were relabelled so.
"""

from __future__ import annotations

import inspect
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from conversations.engine import step
from conversations.types import (
    URGENT_INTENTS,
    ConversationKind,
    ConversationState,
    Decision,
    Escalate,
    Facts,
    Inbound,
    Intent,
    Lexicons,
    MarkFact,
    Policy,
    ReasonStatus,
    Session,
    SessionRef,
    StudentFact,
    Urgency,
)
from conversations.understanding import classify

LABELLED = Path(__file__).parent / "labelled"
PARTS = ("tuning", "heldout", "fresh", "round3", "round4", "round5", "round6", "round7",
         "round8", "round9", "round10", "round11", "round12", "round13")
# Each part's name in the README's tables: the held-out rounds in the order they were written.
PART_NAMES = {"tuning": "tuning", "heldout": "round 1", "fresh": "round 2",
              **{f"round{n}": f"round {n}" for n in range(3, 14)}}
# Marks as the store gives them: every mark the register has taken, present ones too (a
# present mark has no reason, so its status stays "unexplained"; the engine must tell it by
# its code); a coded absence is taken as confirmed.
_OPEN = frozenset({"N", "/", "\\", "L", "U"})
_WEAK = frozenset({Intent.ACKNOWLEDGEMENT, Intent.UNCLEAR})
TIMEZONE = "Europe/London"


@dataclass(frozen=True, slots=True)
class StepOutcome:
    """What `step` did with one labelled row, and how it compares with what is right."""

    row: dict[str, Any]
    got: Intent
    intent_right: bool
    urgent: bool
    escalated: bool
    confirmed: tuple[tuple[str, SessionRef], ...]  # (student, session) confirmed without staff
    clear_confirmed: bool
    wrong_session: tuple[SessionRef, ...] = ()
    closed_day: tuple[SessionRef, ...] = ()
    over_mark: tuple[SessionRef, ...] = ()  # confirmed over a present, late or coded mark
    weak_confirmed: bool = False
    decisions: tuple[Decision, ...] = field(default=(), compare=False)
    # Children whose clear illness is longer than the policy lets the bot confirm.
    beyond_policy: tuple[str, ...] = ()

    @property
    def gold(self) -> Intent:
        return Intent(self.row["intent"])

    @property
    def lang(self) -> str:
        return str(self.row["lang"])


def rows(part: str) -> list[dict[str, Any]]:
    """The rows of one part ("tuning" or "heldout"), every language."""
    found: list[dict[str, Any]] = []
    for path in sorted((LABELLED / part).glob("*.jsonl")):
        found += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                  if line.strip()]
    return found


def _ref(text: str) -> SessionRef:
    day, half = text.split()
    return SessionRef(date.fromisoformat(day), Session(half))


def sent_at(row: dict[str, Any]) -> datetime:
    """The row's school-local sent time as an aware UTC instant (what a channel stores)."""
    local = datetime.fromisoformat(row["sent"]).replace(tzinfo=ZoneInfo(TIMEZONE))
    return local.astimezone(UTC)


def facts_for(row: dict[str, Any], policy: Policy | None = None) -> Facts:
    """The Facts the shell would gather for this row's contact at the time it was sent."""
    students = tuple(
        StudentFact(child["id"], child["name"], None, tuple(
            MarkFact(date.fromisoformat(m["day"]), Session(m["session"]), m["code"],
                     ReasonStatus.CONFIRMED if m["code"] not in _OPEN else ReasonStatus.UNEXPLAINED)
            for m in child.get("marks", ())))
        for child in row["children"])
    values: dict[str, Any] = {
        "contact_id": "P1", "language": row["lang"], "students": students,
        "today": datetime.fromisoformat(row["sent"]).date(), "timezone": TIMEZONE,
        "policy": policy or Policy(),
        "closed_days": frozenset(date.fromisoformat(d) for d in row.get("closed", ())),
    }
    known = set(inspect.signature(Facts).parameters)
    for name in ("now", "sent_at", "local_time"):  # a sent-time fact, if the engine takes one
        if name in known:
            values[name] = datetime.fromisoformat(row["sent"])
    return Facts(**{k: v for k, v in values.items() if k in known})


def state_for(row: dict[str, Any]) -> ConversationState:
    """An absence conversation about the children marked N; otherwise an unsolicited one."""
    absent = tuple(child["id"] for child in row["children"]
                   if any(m["code"] == "N" for m in child.get("marks", ())))
    if absent:
        return ConversationState(kind=ConversationKind.ABSENCE, about_student_ids=absent)
    return ConversationState(kind=ConversationKind.UNSOLICITED)


def _reading_intent(row: dict[str, Any], facts: Facts, lexicons: Lexicons) -> Intent:
    kwargs: dict[str, Any] = {"lexicons": lexicons, "language_hint": facts.language,
                              "students": facts.students, "today": facts.today}
    known = set(inspect.signature(classify).parameters)
    for name in ("now", "sent_at", "closed_days"):
        if name in known:
            kwargs[name] = (facts.closed_days if name == "closed_days"
                            else datetime.fromisoformat(row["sent"]))
    return classify(row["text"], **{k: v for k, v in kwargs.items() if k in known}).intent


def judge(row: dict[str, Any], lexicons: Lexicons) -> StepOutcome:
    """Run `step` on one row and judge its decisions."""
    facts = facts_for(row)
    when = sent_at(row)
    inbound = Inbound(text=row["text"], channel="sms", received_at=when)
    _, decided = step(state_for(row), inbound, facts, when, lexicons)
    decisions = tuple(decided)
    got = _reading_intent(row, facts, lexicons)
    children = {child["id"]: child for child in row["children"]}
    confirmed = tuple((str(d.student_id), ref) for d in decisions if _is_confirmed(d)
                      for ref in _sessions(d))
    recorded = {str(d.student_id): d.intent for d in decisions  # reasons and advance notices
                if isinstance(getattr(d, "intent", None), Intent) and hasattr(d, "student_id")}
    gold_children = {cid: Intent(c["intent"]) for cid, c in children.items() if "intent" in c}
    per_child = len(set(gold_children.values())) > 1
    intent_right = got.value == row["intent"] or (
        per_child and all(recorded.get(cid) is it for cid, it in gold_children.items()))
    urgent = any(isinstance(d, Escalate) and d.urgency is Urgency.URGENT for d in decisions)
    escalated = any(isinstance(d, Escalate) for d in decisions)
    closed = {date.fromisoformat(d) for d in row.get("closed", ())}
    wrong: list[SessionRef] = []
    on_closed: list[SessionRef] = []
    over: list[SessionRef] = []
    for student_id, ref in confirmed:
        child = children.get(student_id, {})
        taken = {_ref(f"{m['day']} {m['session']}"): m["code"] for m in child.get("marks", ())}
        if taken.get(ref, "N") != "N":
            over.append(ref)
        if "sessions" in child and ref not in {_ref(s) for s in child["sessions"]}:
            wrong.append(ref)
        if ref.day in closed or ref.day.weekday() >= 5:
            on_closed.append(ref)
    weak = Intent(row["intent"]) in _WEAK or row.get("class") == "weak"
    allowed = Policy().auto_confirm
    wanted = {cid for cid, it in gold_children.items() if it in allowed}
    clear_confirmed = bool(row.get("clear")) and bool(wanted) and not escalated and wanted <= {
        sid for sid, _ in confirmed}
    return StepOutcome(row, got, intent_right, urgent, escalated, confirmed, clear_confirmed,
                       tuple(wrong), tuple(on_closed), tuple(over), weak and bool(confirmed),
                       decisions, _beyond_policy(row))


def _beyond_policy(row: dict[str, Any]) -> tuple[str, ...]:
    """The children of a clear reply whose illness covers more school days than the policy
    lets the bot confirm (a person decides those)."""
    limit = Policy().max_auto_illness_days
    if not row.get("clear"):
        return ()
    return tuple(child["id"] for child in row["children"]
                 if child.get("intent") == Intent.ILLNESS.value
                 and len({s.split()[0] for s in child.get("sessions", ())}) > limit)


def _confirmed_beyond_policy(o: StepOutcome) -> bool:
    return any(sid in o.beyond_policy for sid, _ in o.confirmed)


def _is_confirmed(decision: Decision) -> bool:
    """A code set without staff: a confirmed RecordReason, or any decision that carries a
    student, sessions and a confirmed status (an advance notice to confirm when the register
    brings N counts as confirmed on its sessions)."""
    return (getattr(decision, "status", None) is ReasonStatus.CONFIRMED
            and hasattr(decision, "student_id"))


def _sessions(decision: Decision) -> tuple[SessionRef, ...]:
    sessions = getattr(decision, "sessions", None)
    if sessions is None:
        ref = getattr(decision, "session", None)
        return (ref,) if isinstance(ref, SessionRef) else ()
    return tuple(sessions)


def evaluate_part(part: str, lexicons: Lexicons) -> list[StepOutcome]:
    """Every row of one part through `step`."""
    return [judge(row, lexicons) for row in rows(part)]


@dataclass(frozen=True, slots=True)
class Figures:
    """The issue-14 targets for one part."""

    urgent_found: int
    urgent_total: int
    urgent_false: int  # non-urgent replies escalated as urgent
    by_language: dict[str, tuple[int, int]]
    clear_confirmed: int
    clear_total: int
    wrong_session: tuple[int, int]  # (replies, codes)
    closed_day: tuple[int, int]
    over_mark: tuple[int, int]
    weak_confirmed: tuple[int, int]
    beyond_policy: tuple[int, int] = (0, 0)  # (clear replies a person decides by policy, confirmed)


def figures(outcomes: list[StepOutcome]) -> Figures:
    urgent = [o for o in outcomes if o.gold in URGENT_INTENTS]
    by_language: dict[str, tuple[int, int]] = {}
    for lang in sorted({o.lang for o in outcomes}):
        mine = [o for o in outcomes if o.lang == lang]
        by_language[lang] = (sum(o.intent_right for o in mine), len(mine))
    clear = [o for o in outcomes if o.row.get("clear") and not o.beyond_policy]
    beyond = [o for o in outcomes if o.beyond_policy]
    return Figures(
        urgent_found=sum(o.urgent for o in urgent), urgent_total=len(urgent),
        urgent_false=sum(o.urgent for o in outcomes if o.gold not in URGENT_INTENTS),
        by_language=by_language,
        clear_confirmed=sum(o.clear_confirmed for o in clear), clear_total=len(clear),
        wrong_session=_count(o.wrong_session for o in outcomes),
        closed_day=_count(o.closed_day for o in outcomes),
        over_mark=_count(o.over_mark for o in outcomes),
        weak_confirmed=_count(tuple(r for _, r in o.confirmed) if o.weak_confirmed else ()
                              for o in outcomes),
        beyond_policy=(len(beyond), sum(_confirmed_beyond_policy(o) for o in beyond)))


def _count(per_reply: Iterable[tuple[SessionRef, ...]]) -> tuple[int, int]:
    """(replies with at least one, codes in all)."""
    found = [len(refs) for refs in per_reply if refs]
    return len(found), sum(found)


def _bad(counted: tuple[int, int]) -> str:
    replies, codes = counted
    return f"{replies} ({codes} codes)" if replies else "0"


def _share(found: int, total: int) -> str:
    return f"{found}/{total} ({found / total:.0%})" if total else "-"


def report(parts: dict[str, list[StepOutcome]]) -> str:
    """Markdown: the targets side by side for each part, then intent accuracy per language."""
    names = list(parts)
    table = {name: figures(outcomes) for name, outcomes in parts.items()}
    lines = ["| through `step` | " + " | ".join(names) + " |",
             "|---|" + "---:|" * len(names)]
    def row(label: str, cells: list[str]) -> None:
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    row("replies", [str(len(parts[n])) for n in names])
    row("urgent recall (target 100%)",
        [_share(table[n].urgent_found, table[n].urgent_total) for n in names])
    row("non-urgent escalated as urgent", [str(table[n].urgent_false) for n in names])
    row("clear single reasons confirmed without staff, where policy allows (target >= 90%)",
        [_share(table[n].clear_confirmed, table[n].clear_total) for n in names])
    row("... longer illnesses a person decides by policy (confirmed: target 0)",
        [f"{table[n].beyond_policy[0]} ({table[n].beyond_policy[1]})" for n in names])
    row("replies confirming a code on a wrong session (target 0)",
        [_bad(table[n].wrong_session) for n in names])
    row("... on a closed day (target 0)", [_bad(table[n].closed_day) for n in names])
    row("... over a present or coded mark (target 0)",
        [_bad(table[n].over_mark) for n in names])
    row("... from a weak reply (target 0)", [_bad(table[n].weak_confirmed) for n in names])
    lines += ["", "| language | " + " | ".join(f"intent, {n}" for n in names) + " |",
              "|---|" + "---:|" * len(names)]
    languages = sorted({lang for f in table.values() for lang in f.by_language})
    for lang in languages:
        row(lang, [_share(*table[n].by_language.get(lang, (0, 0))) for n in names])
    row("all", [_share(sum(r for r, _ in table[n].by_language.values()),
                       sum(t for _, t in table[n].by_language.values())) for n in names])
    return "\n".join(lines)


def misses_by_kind(parts: dict[str, list[StepOutcome]]) -> str:
    """Markdown: how many replies of each class missed in each way, per part (no reply text,
    so the held-out part can be summarised without being read)."""
    counted = {name: Counter(f"{o.row.get('class')}: {problem}" for o in outcomes
                             for problem in _problems(o))
               for name, outcomes in parts.items()}
    names = list(parts)
    lines = ["| class: miss | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    for kind in sorted(set().union(*counted.values())):
        lines.append(f"| {kind} | " + " | ".join(str(counted[n][kind]) for n in names) + " |")
    return "\n".join(lines)


def _problems(o: StepOutcome) -> list[str]:
    problems = []
    if o.gold in URGENT_INTENTS and not o.urgent:
        problems.append("urgent missed")
    if o.gold not in URGENT_INTENTS and o.urgent:
        problems.append("urgent false alarm")
    if not o.intent_right:
        problems.append("wrong intent")
    if o.row.get("clear") and not o.clear_confirmed and not o.beyond_policy:
        problems.append("clear reason not confirmed")
    if _confirmed_beyond_policy(o):
        problems.append("confirmed beyond policy")
    if o.wrong_session:
        problems.append("code on a wrong session")
    if o.closed_day:
        problems.append("code on a closed day")
    if o.over_mark:
        problems.append("code over a present or coded mark")
    if o.weak_confirmed:
        problems.append("code from a weak reply")
    return problems


def failures(outcomes: list[StepOutcome]) -> str:
    """One line per miss: what was wrong, then the reply."""
    lines = []
    for o in outcomes:
        problems = []
        if o.gold in URGENT_INTENTS and not o.urgent:
            problems.append("urgent missed")
        if o.gold not in URGENT_INTENTS and o.urgent:
            problems.append("urgent false alarm")
        if not o.intent_right:
            problems.append(f"intent {o.got.value} not {o.gold.value}")
        if o.row.get("clear") and not o.clear_confirmed and not o.beyond_policy:
            problems.append("clear reason not confirmed")
        if _confirmed_beyond_policy(o):
            problems.append("confirmed beyond policy")
        if o.wrong_session:
            problems.append("wrong session " + ",".join(f"{r.day:%m-%d}{r.session}"
                                                         for r in o.wrong_session))
        if o.closed_day:
            problems.append("closed day")
        if o.over_mark:
            problems.append("over a present or coded mark")
        if o.weak_confirmed:
            problems.append("weak reply confirmed")
        if problems:
            lines.append(f"{o.lang} [{o.row.get('class')}] {'; '.join(problems)}: {o.row['text']}")
    return "\n".join(lines)
