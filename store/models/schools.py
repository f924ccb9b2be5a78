"""A school and its calendar: its settings, term dates, INSET days and closures."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import Column
from sqlmodel import Field, SQLModel

from store.models.fields import list_field, setting_field
from store.types import json_list


class School(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str
    timezone: str = "Europe/London"
    country: str = "GB-ENG"  # holidays subdivision: GB-ENG, GB-WLS, GB-SCT, GB-NIR, or a country
    welsh_bilingual: bool = False
    code_set: str = "england-2024"
    register_close: time = time(9, 0)
    absence_run_at: time = time(9, 30)
    late_run_at: time = time(10, 0)
    chase_run_at: time = time(11, 0)
    pm_absence_run_at: time = time(14, 0)
    call_list_at: time = time(12, 0)  # after the chase: children still unexplained go to staff
    call_list_urgent: bool = False  # True: the call list is raised as urgent escalations
    settle_minutes: int = 10
    quiet_start: time = time(20, 0)
    quiet_end: time = time(7, 30)
    auto_confirm: list[str] = list_field("illness", "medical_appointment")  # bot may confirm
    max_auto_illness_days: int = 3
    contact_all_with_pr: bool = False  # False: first contact with PR only
    sms_sender: str | None = None  # a Twilio number or Messaging Service SID for this school
    email_from: str | None = None
    phone: str | None = None  # the school office, for HELP replies
    api_token_hash: str | None = Field(default=None, index=True)
    # How much an urgent alert to staff names: "full" (the child's first name, initial and year
    # or form, the concern, the family's number), "concern" (no child), "minimal" (neither).
    alert_detail: str = Field(default="full", sa_column_kwargs={"server_default": "full"})
    # What kind of place it is (store/institutions.py): "school" (parents are messaged),
    # "college" (further education: the student, and parents too while under 18) or
    # "university" (the student). It sets the defaults below.
    setting: str = Field(default="school", sa_column_kwargs={"server_default": "school"})
    # Whether parents and carers are messaged about a student: "always", "under_18", "never";
    # None: the setting's default (store.institutions.FAMILY_CONTACT_DEFAULTS).
    family_contact: str | None = None
    # The console's language for its staff who have not chosen their own (a catalog's code,
    # channels.catalogs.SUPPORTED_LANGUAGES); None: their browser's language.
    staff_language: str | None = None
    # Colleges and universities: how many calendar days a student may self-certify without
    # evidence, the reasons they may self-certify and those that always need evidence (None:
    # conversations.types.SelfCertification's defaults), and when the day's digests go.
    self_cert_max_days: int = Field(default=7, sa_column_kwargs={"server_default": "7"})
    # How many self-certifications a student may make in a term (0: no limit); beyond, a person.
    self_cert_max_per_term: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    self_cert_reasons: list[str] | None = Field(
        default=None, sa_column=Column(json_list(), nullable=True))
    self_cert_evidence_reasons: list[str] | None = Field(
        default=None, sa_column=Column(json_list(), nullable=True))
    digest_at: time = Field(default=time(17, 30),
                            sa_column_kwargs={"server_default": "17:30:00"})
    # A student's attendance percentage (and its absence flags, the casework ladder's and the
    # engagement rules' reading of it) counts from this many possible sessions or events:
    # fewer say too little (issue 21: a new joiner is not "0.0% severe" after one session).
    min_possible_sessions: int = setting_field(10)
    # A college's or university's engagement rules (store/engagement_rules.py), each 0 for off:
    # missed N events of one module in a row, N events of any module in a row, attendance under
    # X% over a rolling number of weeks, no attended event for N days. `engagement_*` puts a
    # student at risk; `visa_*` is the visa sponsor's own engagement policy for sponsored ones.
    engagement_missed_in_module: int = setting_field(3)
    engagement_missed_in_row: int = setting_field(0)
    engagement_min_percent: float = setting_field(75.0)
    engagement_weeks: int = setting_field(4)
    engagement_days_without: int = setting_field(7)
    visa_missed_in_module: int = setting_field(0)
    visa_missed_in_row: int = setting_field(10)
    visa_min_percent: float = setting_field(0.0)
    visa_weeks: int = setting_field(4)
    visa_days_without: int = setting_field(14)


class SchoolDay(SQLModel, table=True):
    """Term dates, INSET days and closures: the calendar a school's runs follow."""

    __tablename__ = "school_day"
    id: int | None = Field(default=None, primary_key=True)
    school_id: int = Field(foreign_key="school.id", index=True)
    kind: str  # "term" (start..end inclusive are term), "inset", "closure"
    start: date
    end: date
    note: str | None = None
