"""A school's attendance ladder: the thresholds it acts on, in order, and where a student's
figures put them on it.

The ladder is data (`casework_stage` rows; the default below when a school has none). Each
rung reads one period's figures. A student moves up the ladder as soon as their figures cross
a rung, one letter for the rung reached (never a letter for every rung passed on the way);
they come back down only when attendance is a margin above the rung's threshold (the
`improved` rung's points), so a family hovering at 90% does not get a letter and a thank-you
in turn. The national framework's count (unauthorised sessions in 10 school weeks) is its own
track: a staff review task, never a letter and never a penalty.

A threshold reads a percentage only from the minimum number of possible sessions on
(the school's `min_possible_sessions`, the rule the console shows figures by): a new joiner who
missed one of their first two sessions is not "50%, persistent", and a student on a
term-period rung does not "recover" on the first morning of a new term.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from fractions import Fraction

from sqlmodel import Session, col, select

from store.attendance_figures import Figures, StudentFigures
from store.audit import audit
from store.clock import Clock
from store.errors import InvalidInput
from store.models.casework import CaseworkStage

RULES = ("below", "at_or_below", "framework", "improved")
ACTIONS = ("letter", "letter_meeting", "review_task", "thank_you")
PERIODS = ("year", "term", "rolling")


@dataclass(frozen=True, slots=True)
class Stage:
    key: str
    rule: str
    action: str
    percent: float | None = None
    sessions: int | None = None
    period: str = "year"
    template: str | None = None
    automatic: bool = False

    @property
    def is_threshold(self) -> bool:
        return self.rule in ("below", "at_or_below")

    def met_by(self, figures: StudentFigures, *, min_possible: int) -> bool:
        """True when the student's figures are on this rung (or past it, for the framework);
        a threshold only from `min_possible` possible sessions in its period."""
        if self.rule == "framework":
            return figures.framework_unauthorised >= (self.sessions or 0)
        period = of(figures, self.period)
        rate = period.attendance
        if (rate is None or self.percent is None or not self.is_threshold
                or not period.telling(min_possible)):
            return False
        limit = _fraction(self.percent)
        return rate < limit if self.rule == "below" else rate <= limit


DEFAULT_LADDER: tuple[Stage, ...] = (
    Stage("friendly", "below", "letter", percent=95.0, template="letter.friendly"),
    Stage("concern", "below", "letter", percent=93.0, template="letter.concern"),
    Stage("persistent", "at_or_below", "letter_meeting", percent=90.0,
          template="letter.persistent"),
    Stage("framework", "framework", "review_task", sessions=10),
    Stage("improved", "improved", "thank_you", percent=1.0, template="letter.improved"),
)


def of(figures: StudentFigures, period: str) -> Figures:
    """One period's figures of a student."""
    period_figures: Figures = getattr(figures, period)
    return period_figures


@dataclass(frozen=True, slots=True)
class Crossed:
    """The student reached a rung more severe than where they stood."""

    stage: Stage


@dataclass(frozen=True, slots=True)
class Recovered:
    """Attendance came back a margin above the rung they stood on: `to` is where they stand
    now (a lower rung, or None), `thanks` the thank-you rung if the school has one."""

    left: str
    to: Stage | None
    thanks: Stage | None


Move = Crossed | Recovered


def move(ladder: tuple[Stage, ...], figures: StudentFigures, *, standing: str | None,
         min_possible: int) -> Move | None:
    """Where the figures move a student standing on `standing` (a rung's key, or None); too
    few possible sessions (fewer than `min_possible`) move nobody, up or down."""
    rungs = [stage for stage in ladder if stage.is_threshold]
    reached = next((stage for stage in reversed(rungs)
                    if stage.met_by(figures, min_possible=min_possible)), None)
    current = next((stage for stage in rungs if stage.key == standing), None)
    if current is None:
        return Crossed(reached) if reached is not None else None
    if reached is not None and rungs.index(reached) > rungs.index(current):
        return Crossed(reached)
    thanks = next((stage for stage in ladder if stage.rule == "improved"), None)
    margin = _fraction(thanks.percent or 0.0) if thanks is not None else Fraction(0)
    period = of(figures, current.period)
    rate = period.attendance
    assert current.percent is not None
    if (rate is None or not period.telling(min_possible)
            or rate < _fraction(current.percent) + margin):
        return None
    return Recovered(left=current.key, to=reached, thanks=thanks)


def framework_stage(ladder: tuple[Stage, ...]) -> Stage | None:
    return next((stage for stage in ladder if stage.rule == "framework"), None)


def school_ladder(session: Session, *, school_id: int) -> tuple[Stage, ...]:
    """The school's active rungs in order, or the default ladder when it has set none."""
    rows = list(session.exec(select(CaseworkStage).where(
        CaseworkStage.school_id == school_id).order_by(col(CaseworkStage.position))))
    if not rows:
        return DEFAULT_LADDER
    return tuple(Stage(key=row.key, rule=row.rule, action=row.action, percent=row.percent,
                       sessions=row.sessions, period=row.period, template=row.template,
                       automatic=row.automatic) for row in rows if row.active)


def save_ladder(session: Session, *, school_id: int, ladder: tuple[Stage, ...]) -> None:
    """Replace a school's ladder, after checking every rung (InvalidInput names the first bad
    one, and nothing is changed)."""
    for stage in ladder:
        check_stage(stage)
    if len({stage.key for stage in ladder}) != len(ladder):
        raise InvalidInput("two rungs of the ladder have the same key")
    for row in session.exec(select(CaseworkStage).where(CaseworkStage.school_id == school_id)):
        session.delete(row)
    session.flush()
    session.add_all([CaseworkStage(school_id=school_id, position=n, key=stage.key,
                                   rule=stage.rule, percent=stage.percent,
                                   sessions=stage.sessions, period=stage.period,
                                   action=stage.action, template=stage.template,
                                   automatic=stage.automatic)
                     for n, stage in enumerate(ladder)])


def set_ladder(session: Session, clock: Clock, *, school_id: int, ladder: tuple[Stage, ...],
               actor: str) -> None:
    """A school sets its own ladder (save_ladder's checks), audited with the old and new."""
    old = school_ladder(session, school_id=school_id)
    save_ladder(session, school_id=school_id, ladder=ladder)
    audit(session, clock, actor=actor, action="casework.ladder", entity="school",
          entity_id=school_id, school_id=school_id, old=_described(old),
          new=_described(ladder))


STAGE_FIELDS = tuple(Stage.__dataclass_fields__)


def ladder_from(rungs: Sequence[Mapping[str, object]]) -> tuple[Stage, ...]:
    """Rungs as a file writes them (TOML's `[[rung]]` tables: key, rule, percent, sessions,
    period, action, template, automatic), in order; InvalidInput names a rung's bad field."""
    ladder = []
    for n, rung in enumerate(rungs, 1):
        if missing := [name for name in ("key", "rule", "action") if name not in rung]:
            raise InvalidInput(f"rung {n}: no {', '.join(missing)} (a rung needs its key, "
                               "rule and action)")
        if unknown := sorted(set(rung) - set(STAGE_FIELDS)):
            raise InvalidInput(f"rung {n}: unknown field(s) {', '.join(unknown)} (a rung has "
                               f"{', '.join(STAGE_FIELDS)})")
        try:
            stage = Stage(**rung)  # type: ignore[arg-type]
        except TypeError as error:
            raise InvalidInput(f"rung {n}: {error}") from None
        if not (isinstance(stage.key, str) and isinstance(stage.automatic, bool)
                and isinstance(stage.template, str | None)
                and all(isinstance(v, int | float) or v is None
                        for v in (stage.percent, stage.sessions))):
            raise InvalidInput(f"rung {n}: key and template are text, percent and sessions "
                               "numbers, automatic true or false")
        ladder.append(stage)
    return tuple(ladder)


def _described(ladder: tuple[Stage, ...]) -> str:
    return json.dumps([asdict(stage) for stage in ladder], sort_keys=True)


def check_stage(stage: Stage) -> None:
    if stage.rule not in RULES or stage.action not in ACTIONS or stage.period not in PERIODS:
        raise InvalidInput(f"rung {stage.key!r}: rule, action or period is not one rollcall "
                           f"knows ({stage.rule!r}, {stage.action!r}, {stage.period!r})")
    if stage.is_threshold and not (stage.percent is not None and 0 < stage.percent <= 100):
        raise InvalidInput(f"rung {stage.key!r}: a threshold needs a percentage (0-100]")
    if stage.rule == "framework" and (stage.sessions or 0) < 1:
        raise InvalidInput(f"rung {stage.key!r}: the framework rung needs a number of sessions")
    if stage.rule == "framework" and (stage.action != "review_task" or stage.automatic):
        # The national framework is a person's decision: never a letter or penalty by itself.
        raise InvalidInput(f"rung {stage.key!r}: the framework rung is a staff review task")
    if stage.action in ("letter", "letter_meeting", "thank_you") and not stage.template:
        raise InvalidInput(f"rung {stage.key!r}: a letter needs its template")


def _fraction(percent: float) -> Fraction:
    # Through its decimal spelling: 92.3 is 923/1000, not the float nearest it.
    return Fraction(str(percent)) / 100
