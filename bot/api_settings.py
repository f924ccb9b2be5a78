"""The REST API's school settings: read them, change some (the same rules as `rollcall school
set`: validated as a whole, audited, in effect at the next run)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel, Field

from bot.api import SchoolDep
from bot.deps import ServicesDep, SessionDep
from store.errors import InvalidInput
from store.school_settings import change_settings, school_settings

router = APIRouter(prefix="/api/v1/schools/{school_id}", tags=["MIS"])


class SchoolSettings(BaseModel):
    name: str
    nation: str = Field(description="England, Wales, Scotland or Northern Ireland: which bank "
                                    "holidays close the school.")
    timezone: str = Field(examples=["Europe/London"])
    register_close: str = Field(description="HH:MM, school-local, as every time here.")
    absence_run_at: str
    late_run_at: str
    chase_run_at: str
    call_list_at: str
    pm_absence_run_at: str
    quiet_start: str
    quiet_end: str
    settle_minutes: int = Field(description="Minutes after registers close before the absence "
                                            "run may start (0-60).")
    auto_confirm: list[str] = Field(description="Intents the bot may confirm by itself.")
    max_auto_illness_days: int = Field(description="The longest illness (in days, 1-10) the "
                                                   "bot confirms by itself; longer goes to staff.")
    contact_all_with_pr: bool = Field(description="Message every contact with parental "
                                                  "responsibility, not only the first.")
    welsh_bilingual: bool = Field(description="Messages in Welsh first, then English.")
    sms_sender: str | None = Field(description="A phone number, a Messaging Service SID or a "
                                               "sender name; null for the service's own.")
    email_from: str | None = Field(description="The school's own address for the email it "
                                               "sends; null for the service's own.")
    phone: str | None = Field(description="The school office's number, which a HELP reply "
                                          "gives families.")
    call_list_urgent: bool = Field(description="The call list raised as urgent escalations.")
    alert_detail: str = Field(description="full, concern or minimal.")
    setting: str = Field(description="school, college or university: who is messaged.")
    family_contact: str = Field(description="always, under_18 or never: whether parents and "
                                            "carers are messaged; \"\" for the setting's "
                                            "default.")
    staff_language: str = Field(description="The console's language for the school's staff "
                                            "who have not chosen one (en, cy, pl, ro, ur, ar, "
                                            "bn, pa, so, pt, es, lt); \"\" for their browser's.")
    on_call: list[str] = Field(description="Who urgent alerts go to, in order (email "
                                           "addresses of the school's DSLs and admins).")
    digest_at: str = Field(description="When a college's or university's students get the "
                                       "day's digest of the events they missed.")
    self_cert_max_days: int = Field(description="Calendar days a student may self-certify "
                                                "without evidence.")
    self_cert_max_per_term: int = Field(description="Self-certifications a student may make "
                                                    "in a term (0: no limit).")
    self_cert_reasons: list[str] = Field(description="Reasons (intents) a student may "
                                                     "self-certify.")
    self_cert_evidence_reasons: list[str] = Field(description="Reasons a student must send "
                                                              "evidence for.")
    engagement_missed_in_module: int = Field(description="Engagement rules (0: off): missed "
                                             "this many events of one module in a row.")
    engagement_missed_in_row: int = Field(description="... this many events in a row.")
    engagement_min_percent: float = Field(description="... attendance under this % over the "
                                                      "weeks.")
    engagement_weeks: int = Field(description="... the rolling weeks of the percentage.")
    engagement_days_without: int = Field(description="... no attended event for this many "
                                                     "days.")
    min_possible_sessions: int = Field(description="Possible sessions (events) a student has "
                                                   "before their attendance percentage is "
                                                   "shown and read by the rules (1-100).")
    visa_missed_in_module: int = Field(description="The visa sponsor's policy: as above.")
    visa_missed_in_row: int
    visa_min_percent: float
    visa_weeks: int
    visa_days_without: int


class SettingsChange(BaseModel):
    """Only the settings to change; the rest stay as they are."""

    name: str | None = None
    nation: str | None = None
    timezone: str | None = None
    register_close: str | None = None
    absence_run_at: str | None = None
    late_run_at: str | None = None
    chase_run_at: str | None = None
    call_list_at: str | None = None
    pm_absence_run_at: str | None = None
    quiet_start: str | None = None
    quiet_end: str | None = None
    settle_minutes: int | None = None
    auto_confirm: list[str] | None = None
    max_auto_illness_days: int | None = None
    contact_all_with_pr: bool | None = None
    welsh_bilingual: bool | None = None
    sms_sender: str | None = Field(None, description='"" for the service\'s own number.')
    email_from: str | None = Field(None, description='"" for the service\'s own address.')
    phone: str | None = Field(None, description='"" for none.')
    call_list_urgent: bool | None = None
    alert_detail: str | None = None
    setting: str | None = None
    family_contact: str | None = Field(None, description='"" for the setting\'s default.')
    staff_language: str | None = Field(None, description='"" for each browser\'s language.')
    on_call: list[str] | None = None
    digest_at: str | None = None
    self_cert_max_days: int | None = None
    self_cert_max_per_term: int | None = None
    self_cert_reasons: list[str] | None = None
    self_cert_evidence_reasons: list[str] | None = None
    engagement_missed_in_module: int | None = None
    engagement_missed_in_row: int | None = None
    engagement_min_percent: float | None = None
    engagement_weeks: int | None = None
    engagement_days_without: int | None = None
    min_possible_sessions: int | None = None
    visa_missed_in_module: int | None = None
    visa_missed_in_row: int | None = None
    visa_min_percent: float | None = None
    visa_weeks: int | None = None
    visa_days_without: int | None = None


@router.get("/settings", response_model=SchoolSettings)
def read_settings(school: SchoolDep, session: SessionDep) -> dict[str, Any]:
    """The school's settings."""
    return school_settings(session, school)


@router.patch("/settings", response_model=SchoolSettings)
def change_school_settings(body: SettingsChange, school: SchoolDep, session: SessionDep,
                           services: ServicesDep) -> dict[str, Any]:
    """Change some settings, all or none: a bad value is a 422 saying why and changes nothing.
    Each change is audited; it takes effect at the school's next run."""
    try:
        change_settings(session, services.clock, school_id=school.id or 0, actor="api",
                        changes=body.model_dump(exclude_none=True))
    except InvalidInput as error:
        raise HTTPException(422, str(error)) from None
    return school_settings(session, school)
