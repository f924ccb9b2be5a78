"""Engagement rules: what a college or university counts as a student disengaging, and how a
student's status moves.

Two tracks, each with its own policy from the school's settings:
- `engagement`: a student meeting any rule is at risk; their Personal Tutor gets a task.
- `visa`: a visa-sponsored student meeting any rule of the sponsor's own engagement policy
  has crossed it; the UKVI compliance role gets a task.

The rules (each 0 for off): missed N consecutive events of one module; missed N consecutive
events of any module; attendance under X% over the rolling weeks (from the minimum number of
events for a percentage to mean something); no attended event for N days while events were
missed. Only mandatory events whose attendance was taken count: authorised absences and events
not taken yet are neither attended nor missed, and late is attended.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from store.models.schools import School

ENGAGEMENT = "engagement"
VISA = "visa"
TRACKS = (ENGAGEMENT, VISA)

# Statuses, engagement track: the rules move a student between engaged, at risk and
# re-engaged; people move them to intervention (the tutor made contact) and referred.
ENGAGED, AT_RISK, INTERVENTION, RE_ENGAGED, REFERRED = (
    "engaged", "at_risk", "intervention", "re_engaged", "referred")
ENGAGEMENT_STATUSES = (ENGAGED, AT_RISK, INTERVENTION, RE_ENGAGED, REFERRED)
# Visa track: the rules open a crossing; the compliance role decides (report, or not), and
# records the report it made itself. rollcall never reports anything to the Home Office.
COMPLIANT, CROSSED, REPORT_DUE, REPORTED, NOT_REPORTED = (
    "compliant", "crossed", "report_due", "reported", "not_reported")
VISA_STATUSES = (COMPLIANT, CROSSED, REPORT_DUE, REPORTED, NOT_REPORTED)
# A student standing at these is on the track's list of students to act on.
FLAGGED = {ENGAGEMENT: (AT_RISK, INTERVENTION, REFERRED), VISA: (CROSSED, REPORT_DUE)}

RULES = ("missed_in_module", "missed_in_row", "below_percent", "days_without")
# The school settings holding each track's policy (`rollcall school set --rule NAME=VALUE`,
# store/setting_values.py reads them), each with the largest value it takes (0: off).
POLICY_FIELDS = {"missed_in_module": 1000, "missed_in_row": 1000, "min_percent": 100,
                 "weeks": 52, "days_without": 365}
SETTINGS = tuple(f"{track}_{name}" for track in TRACKS for name in POLICY_FIELDS)


@dataclass(frozen=True, slots=True)
class Policy:
    """One track's rules at one school (0: the rule is off)."""

    track: str
    missed_in_module: int
    missed_in_row: int
    min_percent: float
    weeks: int
    days_without: int

    def window_start(self, day: date) -> date:
        """The first day of the attendance the rules read (the percentage's weeks, or the
        days without attendance if longer)."""
        return day - timedelta(days=max(self.weeks * 7, self.days_without, 1) - 1)

    def percent_start(self, day: date) -> date:
        return day - timedelta(days=self.weeks * 7 - 1)

    def quiet_start(self, day: date) -> date:
        return day - timedelta(days=max(self.days_without, 1) - 1)


def policy_of(school: School, track: str) -> Policy:
    """The school's policy for a track, from its settings."""
    return Policy(track=track, **{name: getattr(school, f"{track}_{name}") for name in (
        "missed_in_module", "missed_in_row", "min_percent", "weeks", "days_without")})


@dataclass(frozen=True, slots=True)
class Figures:
    """One student's attendance as the rules read it, over one policy's window."""

    student_id: int
    attended: int  # within the percentage's weeks
    missed: int  # within the percentage's weeks
    missed_lately: int  # within the days-without window
    attended_lately: int  # within the days-without window
    # The longest run of missed events of one module ending with its latest, and the run of
    # missed events of any module ending with the latest event; None where too short to meet
    # the rule (store/engagement_figures.py counts only runs that can).
    in_module: int | None
    in_row: int | None
    last_attended: date | None

    def percent(self, min_possible: int) -> float | None:
        """Attended over attended and missed, from `min_possible` events (None before)."""
        possible = self.attended + self.missed
        if possible == 0 or possible < min_possible:
            return None
        return round(100.0 * self.attended / possible, 1)

    def as_json(self, min_possible: int) -> dict[str, object]:
        return {"attended": self.attended, "missed": self.missed,
                "percent": self.percent(min_possible), "in_module": self.in_module,
                "in_row": self.in_row, "missed_lately": self.missed_lately,
                "last_attended": self.last_attended.isoformat() if self.last_attended else None}


def rules_met(policy: Policy, figures: Figures, *, min_possible: int) -> tuple[str, ...]:
    """The rules of the policy this student meets, in `RULES` order."""
    met = []
    if policy.missed_in_module and (figures.in_module or 0) >= policy.missed_in_module:
        met.append("missed_in_module")
    if policy.missed_in_row and (figures.in_row or 0) >= policy.missed_in_row:
        met.append("missed_in_row")
    percent = figures.percent(min_possible)
    if policy.min_percent and percent is not None and percent < policy.min_percent:
        met.append("below_percent")
    if policy.days_without and figures.missed_lately and not figures.attended_lately:
        met.append("days_without")
    return tuple(met)


def after_rules(track: str, status: str | None, *, met: bool) -> str | None:
    """The status the rules move a student to from `status` (None: no row yet), or None for
    no change. People's statuses (intervention, referred, a visa decision) are the rules' to
    leave alone, except that a student the rules no longer catch is re-engaged from at risk or
    intervention, and compliant again once a crossing was decided not to be reported."""
    if track == ENGAGEMENT:
        if met and status in (None, ENGAGED, RE_ENGAGED):
            return AT_RISK
        if not met and status in (AT_RISK, INTERVENTION):
            return RE_ENGAGED
        return None
    if met and status in (None, COMPLIANT):
        return CROSSED
    if not met and status == NOT_REPORTED:
        return COMPLIANT
    return None
