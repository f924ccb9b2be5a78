"""Reading a replay script: YAML in the format of conversation-tests.md, checked before it runs.

A script that is not valid is refused with its line and the reason, before anything runs.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import yaml

from store.codes import CODES
from store.columns import EVENT_STATUSES
from store.errors import InvalidInput
from store.institutions import SETTINGS
from store.staff import Role

STEP_KINDS = frozenset({
    "at", "run", "receive", "press", "mark", "staff", "expect_sent", "expect_not_sent",
    "expect_mark", "expect_escalation", "expect_no_escalation", "expect_conversation",
    "expect_notice", "attendance", "expect_event", "expect_certification",
})
RUN_KINDS = frozenset({"absence", "late", "chase", "pm_absence", "digest"})
CHANNELS = frozenset({"sms", "email", "telegram", "whatsapp"})
STAFF_ACTIONS = frozenset({"take_over", "reply", "hand_back", "resolve", "set_code",
                           "acknowledge"})
ROLES = frozenset(Role)
MEDIA = frozenset({"photo", "pdf"})  # what a `receive:` step may attach
DEFAULT_AUTO_CONFIRM = ("illness", "medical_appointment")


class ScriptError(InvalidInput):
    """A script that is not valid: where and why."""

    def __init__(self, path: str, line: int | None, reason: str) -> None:
        where = f"{path}, line {line}" if line else path
        super().__init__(f"{where}: {reason}")
        self.line = line


@dataclass(frozen=True, slots=True)
class SchoolSpec:
    name: str = "Demo Academy"
    timezone: str = "Europe/London"
    country: str = "GB"
    welsh_bilingual: bool = False
    auto_confirm: tuple[str, ...] = DEFAULT_AUTO_CONFIRM
    setting: str = "school"  # college | university: students, events, self-certification
    self_cert_max_days: int = 7
    self_cert_reasons: tuple[str, ...] | None = None  # None: the default reasons
    self_cert_evidence_reasons: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class Step:
    kind: str
    value: Any
    line: int


@dataclass(frozen=True, slots=True)
class Script:
    name: str
    path: str
    now: datetime  # naive: the school's local time
    school: SchoolSpec
    students: tuple[dict[str, Any], ...]
    contacts: tuple[dict[str, Any], ...]
    users: tuple[dict[str, Any], ...]
    marks: tuple[dict[str, Any], ...]
    steps: tuple[Step, ...] = field(default=())
    events: tuple[dict[str, Any], ...] = ()  # a college's or university's timetabled events


class _LineLoader(yaml.SafeLoader):
    """A YAML loader that remembers the line of every mapping, for error messages."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[Hashable, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def load_script(path: Path) -> Script:
    """Parse and check one script file, or raise ScriptError with its line."""
    name = str(path)
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except OSError as error:
        raise ScriptError(name, None, f"cannot read: {error.strerror}") from None
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        raise ScriptError(name, line, f"not valid YAML: {error.problem}") from None
    except UnicodeDecodeError:
        raise ScriptError(name, None, "not UTF-8 text") from None
    if not isinstance(raw, dict):
        raise ScriptError(name, 1, "a script is a mapping with name, now, students, steps ...")
    return _Checker(name).script(raw)


class _Checker:
    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, node: Any, reason: str) -> ScriptError:
        line = node.get("__line__") if isinstance(node, dict) else None
        return ScriptError(self.path, line, reason)

    def script(self, raw: dict[str, Any]) -> Script:
        if "now" not in raw:
            raise self.fail(raw, "missing 'now' (the school's local time when the script starts)")
        students = tuple(self.listed(raw, "students", self.student))
        student_ids = {s["id"] for s in students}
        contacts = tuple(self.listed(raw, "contacts", lambda c: self.contact(c, student_ids)))
        users = tuple(self.listed(raw, "users", self.user))
        marks = tuple(self.listed(raw, "marks", lambda m: self.mark(m, student_ids)))
        events = tuple(self.listed(raw, "events", lambda e: self.event(e, student_ids)))
        known = {"contacts": {c["id"] for c in contacts}, "students": student_ids,
                 "users": {u["id"] for u in users}, "events": {e["id"] for e in events}}
        steps = tuple(self.step(s, known) for s in raw.get("steps") or [])
        return Script(name=str(raw.get("name") or Path(self.path).stem), path=self.path,
                      now=self.datetime(raw, raw["now"]), school=self.school(raw.get("school")),
                      students=students, contacts=contacts, users=users, marks=marks,
                      steps=steps, events=events)

    def listed(self, raw: dict[str, Any], key: str, check: Any) -> list[dict[str, Any]]:
        items = raw.get(key) or []
        if not isinstance(items, list):
            raise self.fail(raw, f"'{key}' must be a list")
        return [check(item) for item in items]

    def require(self, node: Any, *keys: str) -> dict[str, Any]:
        if not isinstance(node, dict):
            raise self.fail(node, f"expected a mapping with {', '.join(keys)}")
        missing = [k for k in keys if k not in node]
        if missing:
            raise self.fail(node, f"missing {', '.join(missing)}")
        return node

    def school(self, node: Any) -> SchoolSpec:
        if node is None:
            return SchoolSpec()
        node = self.require(node)
        auto = node.get("auto_confirm", list(DEFAULT_AUTO_CONFIRM))
        default = SchoolSpec()
        if node.get("setting", "school") not in SETTINGS:
            raise self.fail(node, f"setting must be one of {', '.join(SETTINGS)}")
        lists = {key: tuple(str(i) for i in node[key]) if key in node else None
                 for key in ("self_cert_reasons", "self_cert_evidence_reasons")}
        return SchoolSpec(name=str(node.get("name", default.name)),
                          timezone=str(node.get("timezone", default.timezone)),
                          country=str(node.get("country", default.country)),
                          welsh_bilingual=bool(node.get("welsh_bilingual", False)),
                          auto_confirm=tuple(str(a) for a in auto),
                          setting=str(node.get("setting", "school")),
                          self_cert_max_days=int(node.get("self_cert_max_days", 7)), **lists)

    def student(self, node: Any) -> dict[str, Any]:
        spec = self.require(node, "id", "first_name")
        spec["id"] = str(spec["id"])
        return spec

    def contact(self, node: Any, student_ids: set[str]) -> dict[str, Any]:
        spec = self.require(node, "id", "students")
        spec["id"] = str(spec["id"])
        unknown = [str(s) for s in spec["students"] if str(s) not in student_ids]
        if unknown:
            raise self.fail(spec, f"contact {spec['id']} names unknown students {unknown}")
        for channel in spec.get("channels") or []:
            if channel not in CHANNELS:
                raise self.fail(spec, f"unknown channel {channel!r} "
                                      "(sms, email, telegram, whatsapp)")
        if not any(spec.get(k) for k in ("phone", "email", "telegram")):
            raise self.fail(spec, f"contact {spec['id']} has no phone, email or telegram")
        return spec

    def user(self, node: Any) -> dict[str, Any]:
        spec = self.require(node, "id", "name", "role")
        if spec["role"] not in ROLES:
            raise self.fail(spec, f"unknown role {spec['role']!r} ({', '.join(sorted(ROLES))})")
        spec["id"] = str(spec["id"])
        return spec

    def mark(self, node: Any, student_ids: set[str]) -> dict[str, Any]:
        spec = self.require(node, "student", "date", "session", "code")
        if str(spec["student"]) not in student_ids:
            raise self.fail(spec, f"unknown student {spec['student']!r}")
        if str(spec["code"]) not in CODES:
            raise self.fail(spec, f"{spec['code']!r} is not an attendance code")
        if not isinstance(spec["date"], date):
            raise self.fail(spec, "date must be YYYY-MM-DD")
        return spec

    def event(self, node: Any, student_ids: set[str]) -> dict[str, Any]:
        """A timetabled event with each student's attendance (present, absent, late,
        authorised or not_taken), seeded as an event-attendance import would write it."""
        spec = self.require(node, "id", "start", "attendance")
        spec["id"] = str(spec["id"])
        spec["start"] = self.datetime(spec, spec["start"])
        if "end" in spec:
            spec["end"] = self.datetime(spec, spec["end"])
        attendance = spec["attendance"]
        if not isinstance(attendance, dict):
            raise self.fail(spec, "attendance is a mapping of student to status")
        for student, status in attendance.items():
            if student != "__line__":
                self.attendance(spec, student, status, student_ids)
        return spec

    def attendance(self, node: Any, student: Any, status: Any, student_ids: set[str]) -> None:
        if str(student) not in student_ids:
            raise self.fail(node, f"unknown student {student!r}")
        if status not in EVENT_STATUSES:
            raise self.fail(node, f"attendance is one of {', '.join(EVENT_STATUSES)}, "
                                  f"not {status!r}")

    def step(self, node: Any, known: dict[str, set[str]]) -> Step:
        if not isinstance(node, dict):
            raise self.fail(node, "each step is a mapping such as {at: '09:30'}")
        keys = [k for k in node if k != "__line__"]
        if len(keys) != 1 or keys[0] not in STEP_KINDS:
            raise self.fail(node, f"a step has exactly one of: {', '.join(sorted(STEP_KINDS))}")
        kind = keys[0]
        value = node[kind]
        line = node["__line__"]
        _StepChecker(self, node, known).check(kind, value)
        return Step(kind=kind, value=value, line=line)

    def datetime(self, node: Any, value: Any) -> datetime:
        if isinstance(value, datetime):
            return value.replace(tzinfo=None)
        if isinstance(value, date):
            return datetime.combine(value, time(0))
        try:
            return datetime.fromisoformat(str(value))
        except ValueError:
            raise self.fail(node, f"{value!r} is not a date and time") from None


class _StepChecker:
    def __init__(self, checker: _Checker, node: dict[str, Any],
                 known: dict[str, set[str]]) -> None:
        self.checker, self.node, self.known = checker, node, known

    def fail(self, reason: str) -> ScriptError:
        return self.checker.fail(self.node, reason)

    def check(self, kind: str, value: Any) -> None:
        getattr(self, kind)(value)

    def mapping(self, value: Any, *keys: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(f"expected a mapping with {', '.join(keys) or 'fields'}")
        missing = [k for k in keys if k not in value]
        if missing:
            raise self.fail(f"missing {', '.join(missing)}")
        return value

    def known_one(self, what: str, value: Any, *, also: str | None = None) -> None:
        pool = self.known[what] | (self.known[also] if also else set())
        if str(value) not in pool:
            raise self.fail(f"unknown {what[:-1]} {value!r}")

    def channel(self, value: dict[str, Any], *, required: bool) -> None:
        if "channel" not in value and not required:
            return
        if value.get("channel") not in CHANNELS:
            raise self.fail(f"channel must be one of sms, email, telegram, not "
                            f"{value.get('channel')!r}")

    def at(self, value: Any) -> None:
        if isinstance(value, int) and not isinstance(value, bool):
            # YAML 1.1 reads an unquoted 09:30 as a sexagesimal number: accept it as minutes.
            return
        if isinstance(value, (datetime, date)):
            return
        text = str(value)
        try:
            time.fromisoformat(text) if len(text) <= 8 else datetime.fromisoformat(text)
        except ValueError:
            raise self.fail(f"'at' needs HH:MM or a full date and time, not {text!r}") from None

    def run(self, value: Any) -> None:
        if value not in RUN_KINDS:
            raise self.fail(f"run must be one of {', '.join(sorted(RUN_KINDS))}")

    def receive(self, value: Any) -> None:
        value = self.mapping(value, "from", "channel", "text")
        self.sender(value["from"])
        self.channel(value, required=True)
        if value.get("media") not in (None, *MEDIA):
            raise self.fail(f"media is one of {', '.join(sorted(MEDIA))}")

    def press(self, value: Any) -> None:
        value = self.mapping(value, "from", "channel", "button")
        self.sender(value["from"])
        self.channel(value, required=True)

    def sender(self, sender: Any) -> None:
        if isinstance(sender, dict):
            if not any(k in sender for k in ("phone", "email", "telegram")):
                raise self.fail("an unknown sender is {phone: ...}, {email: ...} or "
                                "{telegram: ...}")
            return
        self.known_one("contacts", sender)

    def mark(self, value: Any) -> None:
        self.checker.mark(self.mapping(value, "student", "date", "session", "code"),
                          self.known["students"])

    def staff(self, value: Any) -> None:
        value = self.mapping(value, "action")
        if value["action"] not in STAFF_ACTIONS:
            raise self.fail(f"unknown staff action {value['action']!r} "
                            f"({', '.join(sorted(STAFF_ACTIONS))})")
        if "student" in value:
            self.known_one("students", value["student"])
        if "user" in value:
            self.known_one("users", value["user"])
        if value["action"] == "reply" and not value.get("text"):
            raise self.fail("a staff reply needs text")
        if value["action"] == "set_code" and str(value.get("code")) not in CODES:
            raise self.fail(f"set_code needs a valid code, not {value.get('code')!r}")

    def expect_sent(self, value: Any) -> None:
        value = self.mapping(value, "to")
        self.known_one("contacts", value["to"], also="users")
        self.channel(value, required=False)
        for key in ("contains", "contains_any", "not_contains"):
            if key in value and not isinstance(value[key], list):
                raise self.fail(f"{key} must be a list of words")

    def expect_not_sent(self, value: Any) -> None:
        value = self.mapping(value, "to")
        self.known_one("contacts", value["to"], also="users")
        self.channel(value, required=False)

    def expect_mark(self, value: Any) -> None:
        value = self.mapping(value, "student", "date", "session")
        self.known_one("students", value["student"])
        status = value.get("status")
        if status is not None and status not in ("unexplained", "reported", "confirmed"):
            raise self.fail(f"status must be unexplained, reported or confirmed, not {status!r}")

    def expect_notice(self, value: Any) -> None:
        value = self.mapping(value, "student", "date", "session")
        self.known_one("students", value["student"])
        if "code" in value and str(value["code"]) not in CODES:
            raise self.fail(f"code must be a valid code, not {value['code']!r}")

    def expect_escalation(self, value: Any) -> None:
        value = self.mapping(value or {})
        if "student" in value:
            self.known_one("students", value["student"])
        if "contact" in value:
            self.known_one("contacts", value["contact"])
        if value.get("urgency") not in (None, "urgent", "normal"):
            raise self.fail("urgency must be urgent or normal")

    def expect_no_escalation(self, value: Any) -> None:
        value = self.mapping(value or {})
        if "student" in value:
            self.known_one("students", value["student"])

    def attendance(self, value: Any) -> None:
        value = self.mapping(value, "event", "student", "status")
        self.known_one("events", value["event"])
        self.checker.attendance(self.node, value["student"], value["status"],
                                self.known["students"])

    def expect_event(self, value: Any) -> None:
        self.attendance(value)

    def expect_certification(self, value: Any) -> None:
        value = self.mapping(value, "student")
        self.known_one("students", value["student"])
        if value.get("status") not in (None, "confirmed", "reported"):
            raise self.fail("status must be confirmed or reported")
        for key in ("from", "to"):
            if key in value and not isinstance(value[key], date):
                raise self.fail(f"{key} must be YYYY-MM-DD")

    def expect_conversation(self, value: Any) -> None:
        value = self.mapping(value, "contact")
        self.known_one("contacts", value["contact"])
        if value.get("state") not in (None, "bot", "staff", "resolved"):
            raise self.fail("state must be bot, staff or resolved")
