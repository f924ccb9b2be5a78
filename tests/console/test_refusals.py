"""A refusal staff read in the console is in their language: the store's and the actions'
refusals carry a short code and the values they name (store/errors.py), worded by
_refusals.html; one without a code keeps its English. A Polish and an Arabic member of staff
on the conversation and import pages."""

from __future__ import annotations

import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import select

from bot.console.views import environment
from store.database import Database
from store.errors import InvalidInput
from store.models.marks import Mark
from store.models.staff import StaffUser
from tests.console.conftest import Seeded, csrf_of
from tests.console.test_calendar import fields
from tests.console.test_colleagues import emailed_link, user_id
from tests.console.test_imports import upload
from tests.console.test_stored_words import read_in


def post(client: TestClient, url: str, **fields: str) -> tuple[int, str]:
    token = csrf_of(client.get("/console/account").text)
    response = client.post(url, data={"csrf_token": token, **fields})
    return response.status_code, response.text


@pytest.mark.parametrize(("language", "empty", "budget", "no_reason", "not_a_code"), [
    ("pl", "Odpowiedź musi zawierać tekst.", ": skróć go.",
     "Napisz, dlaczego ustawiasz kod", "„H” nie jest obowiązującym kodem obecności."),
    ("ar", "يحتاج الرد إلى نص.", ": اختصره.",
     "اذكر سبب تعيين الرمز", "«H» ليس رمز حضور معتمدًا حاليًا."),
])
def test_the_conversation_pages_refusals_are_in_the_readers_language(
        client: TestClient, seeded: Seeded, db: Database, language: str, empty: str,
        budget: str, no_reason: str, not_a_code: str) -> None:
    read_in(client, seeded.a.officer, language)
    base = f"/console/conversations/{seeded.a.conversation_id}"
    assert post(client, f"{base}/take-over")[0] == 303
    status, page = post(client, f"{base}/reply", text="   ")
    assert status == 400 and empty in page and "a reply needs some text" not in page
    status, page = post(client, f"{base}/reply", text="Please call the school office. " * 60)
    assert status == 400 and budget in page and "shorten it" not in page
    with db.transaction() as session:
        mark_id = str(session.exec(select(Mark.id).where(
            Mark.student_id == seeded.a.student_id, Mark.session == "AM")).one())
    status, page = post(client, f"{base}/code", mark_id=mark_id, code="C", reason=" ")
    assert status == 400 and no_reason in page
    status, page = post(client, f"{base}/code", mark_id=mark_id, code="H", reason="trip")
    assert status == 400 and not_a_code in page


@pytest.mark.parametrize(("language", "refused"), [
    ("pl", "Wybierz, co zawiera plik."),
    ("ar", "اختر ما يحتويه الملف."),
])
def test_an_import_refused_before_reading_says_why_in_the_readers_language(
        client: TestClient, seeded: Seeded, language: str, refused: str) -> None:
    read_in(client, seeded.a.officer, language)
    token = csrf_of(client.get("/console/imports").text)
    response = client.post("/console/imports", data={
        "csrf_token": token, "school": str(seeded.a.school_id), "kind": "timetables"},
        files={"files": ("s.csv", b"a,b\n1,2\n", "text/csv")})
    assert response.status_code == 400 and refused in response.text
    assert "choose what the file holds" not in response.text


def test_a_refusal_without_a_code_keeps_its_english() -> None:
    refusal = environment("pl").get_template("_refusals.html").module.refusal  # type: ignore[attr-defined]
    assert refusal(InvalidInput("a row of the file is odd")) == "a row of the file is odd"
    assert refusal(InvalidInput("later", problem="a_code_from_later")) == "later"


@pytest.mark.parametrize(("language", "no_surname", "unknown"), [
    ("pl", "Nazwisko jest puste.", "W tej szkole nie ma ucznia o identyfikatorze „S404”."),
    ("ar", "اسم العائلة فارغ.", "لا يوجد طالب بالمعرّف «S404» في هذه المدرسة."),
])
def test_an_import_previews_refused_lines_in_the_readers_language(
        client: TestClient, seeded: Seeded, language: str, no_surname: str,
        unknown: str) -> None:
    read_in(client, seeded.a.officer, language)
    students = upload(client, seeded, b"Adno,First Name,Surname\n901,Ola,\n")[2]
    assert no_surname in students and "is empty" not in students
    marks = upload(client, seeded, b"Adno,Date,Session,Mark\nS404,2026-11-23,AM,N\n",
                   kind="marks")[2]
    assert unknown in marks and "at this school" not in marks


@pytest.mark.parametrize(("language", "refused"), [
    ("pl", "ostatni dzień jest przed pierwszym"),
    ("ar", "اليوم الأخير قبل اليوم الأول"),
])
def test_a_calendar_entry_refused_says_why_in_the_readers_language(
        client: TestClient, seeded: Seeded, language: str, refused: str) -> None:
    read_in(client, seeded.a.admin, language)
    page = client.get(f"/console/calendar?school={seeded.a.school_id}").text
    form = fields(page, "/console/calendar/entries") | {
        "kind": "inset", "start": "2026-11-30", "end": "2026-11-02"}
    response = client.post("/console/calendar/entries", data=form)
    assert response.status_code == 400 and refused in response.text
    assert "the last day is before the first" not in response.text


@pytest.mark.parametrize(("language", "audit", "own_role", "reads_only", "month"), [
    ("pl", "Dziennik zdarzeń mogą czytać tylko administratorzy.",
     "Nie możesz zmienić własnej roli.", "Twoja rola pozwala czytać, ale niczego nie zmieniać.",
     "Wpisz miesiąc w formacie YYYY-MM."),
    ("ar", "لا يقرأ سجل التدقيق إلا مديرو النظام.", "لا يمكنك تغيير دورك بنفسك.",
     "لا يمكن للموظفين", "اكتب الشهر بالصيغة YYYY-MM."),
])
def test_an_error_page_says_why_in_the_readers_language(
        client: TestClient, seeded: Seeded, db: Database, language: str, audit: str,
        own_role: str, reads_only: str, month: str) -> None:
    """A refusal raised as an error page (403, 400) is in the staff member's own language,
    not the browser's, with no English left."""
    read_in(client, seeded.a.officer, language)
    response = client.get("/console/audit", headers={"Accept-Language": "en"})
    assert response.status_code == 403 and audit in response.text
    assert f'lang="{language}"' in response.text and "audit log" not in response.text
    response = client.get("/console/calendar?month=11-2026")
    assert response.status_code in (400, 403)
    read_in(client, seeded.a.admin, language)
    response = client.get("/console/calendar?month=11-2026")
    assert response.status_code == 400 and month in response.text
    with db.transaction() as session:
        admin_id = session.exec(select(StaffUser.id).where(
            StaffUser.email == seeded.a.admin)).one()
    status, page = post(client, f"/console/staff/{admin_id}/role", role="officer")
    assert status == 400 and own_role in page and "your own role" not in page
    read_in(client, seeded.a.reader, language)
    status, page = post(client, f"/console/conversations/{seeded.a.conversation_id}/take-over")
    assert status == 403 and "can read but not change" not in page


@pytest.mark.parametrize(("language", "taken", "language_refused", "wrong_code", "differ",
                          "short"), [
    ("pl", "Pracownik z adresem e-mail officer.a@example.org już istnieje.",
     "„xx” nie jest językiem dostępnym w konsoli.", "Ten kod jest nieprawidłowy",
     "Oba hasła nie są takie same.", "Hasło musi mieć co najmniej"),
    ("ar", "يوجد بالفعل موظف بالبريد الإلكتروني officer.a@example.org.",
     "«xx» ليست لغة متاحة في اللوحة.", "هذا الرمز غير صحيح", "كلمتا المرور غير متطابقتين.",
     "يجب أن تتكون كلمة المرور من"),
])
def test_the_account_and_staff_pages_refusals_are_in_the_readers_language(
        app: FastAPI, client: TestClient, seeded: Seeded, db: Database, language: str,
        taken: str, language_refused: str, wrong_code: str, differ: str, short: str) -> None:
    read_in(client, seeded.a.admin, language)
    page = client.get("/console/staff").text
    status, answer = post(client, "/console/staff", name="Ola", email=seeded.a.officer,
                          role="officer", school=str(seeded.a.school_id))
    assert status == 400 and taken in answer and "already exists" not in answer
    status, answer = post(client, "/console/account/language", language="xx")
    assert status == 400 and language_refused in answer
    secret = re.search(r'name="secret" value="([^"]+)"',
                       client.get("/console/account/two-factor").text)
    assert secret
    status, answer = post(client, "/console/account/two-factor", secret=secret.group(1),
                          code="000000")
    assert status == 400 and wrong_code in answer and "not right" not in answer
    action = f"/console/staff/{user_id(page, seeded.a.dsl)}/password-link"
    assert post(client, action)[0] == 303
    with TestClient(app, follow_redirects=False,
                    headers={"Accept-Language": language}) as newcomer:
        link = emailed_link(db, seeded.a.dsl)
        token = csrf_of(newcomer.get(link).text)
        answer = newcomer.post(link, data={"csrf_token": token, "password": "long enough one",
                                           "again": "long enough two"}).text
        assert differ in answer and "not the same" not in answer
        answer = newcomer.post(link, data={"csrf_token": token, "password": "short",
                                           "again": "short"}).text
        assert short in answer and "at least" not in answer


@pytest.mark.parametrize(("language", "upn", "unknown", "twice", "empty"), [
    ("pl", "Kolumna „UPN”: „X12” nie jest numerem UPN",
     "Kolumna „Adno”: W tej szkole nie ma ucznia o identyfikatorze „S404”.",
     "Uczeń 902 jest też w wierszu 3", "Plik jest pusty: potrzebny jest wiersz nagłówka."),
    ("ar", "العمود «UPN»: «X12» ليس رقم UPN", "العمود «Adno»: لا يوجد طالب بالمعرّف «S404»",
     "الطالب 902 موجود أيضًا في السطر 3", "الملف فارغ: يحتاج إلى صف عناوين."),
])
def test_an_import_names_the_refused_lines_column_in_the_readers_language(
        client: TestClient, seeded: Seeded, language: str, upn: str, unknown: str,
        twice: str, empty: str) -> None:
    """A refused line of an uploaded file says which column (as the file heads it) and why,
    on its line of the preview; a file that cannot be read says why too."""
    read_in(client, seeded.a.officer, language)
    students = upload(client, seeded, b"Adno,First Name,Surname,UPN\n901,Ola,Nowak,X12\n"
                                      b"902,Jan,Nowak,\n902,Jan,Nowak,\n")[2]
    assert re.search(r'data-line="2">.*?' + re.escape(upn), students, re.S)
    assert twice in students and "is not 13 characters" not in students
    assert "each may appear once" not in students
    marks = upload(client, seeded, b"Adno,Date,Session,Mark\nS404,2026-11-23,AM,N\n",
                   kind="marks")[2]
    assert unknown in marks
    status, _, page = upload(client, seeded, b"\n\n")
    assert status == 400 and empty in page and "needs a header row" not in page


@pytest.mark.parametrize(("language", "refused"), [
    ("pl", "To nie jest plik iCalendar (brak BEGIN:VCALENDAR)."),
    ("ar", "هذا ليس ملف iCalendar (لا يحتوي على BEGIN:VCALENDAR)."),
])
def test_a_calendar_file_refused_says_why_in_the_readers_language(
        client: TestClient, seeded: Seeded, language: str, refused: str) -> None:
    read_in(client, seeded.a.admin, language)
    page = client.get(f"/console/calendar?school={seeded.a.school_id}").text
    response = client.post("/console/calendar/import",
                           data=fields(page, "/console/calendar/import"),
                           files={"file": ("dates.ics", b"<html>Term dates</html>", "text/html")})
    assert response.status_code == 400 and refused in response.text
    assert "not an iCalendar file" not in response.text


@pytest.mark.parametrize(("language", "left_out"), [
    ("pl", "Kolumna „Mobile”: „12” nie jest numerem telefonu. Numer pominięto;"),
    ("ar", "العمود «Mobile»: «12» ليس رقم هاتف"),
])
def test_a_phone_left_out_of_an_imported_line_says_so_in_the_readers_language(
        client: TestClient, seeded: Seeded, language: str, left_out: str) -> None:
    read_in(client, seeded.a.officer, language)
    page = upload(client, seeded, b"Adno,Contact Name,Mobile\na-S1,Ola Nowak,12\n",
                  kind="contacts")[2]
    assert left_out in page and "the number was left out" not in page


@pytest.mark.parametrize(("language", "refused"), [
    ("pl", "Jedno z pól formularza nie jest wypełnione tak, jak powinno"),
    ("ar", "أحد حقول النموذج غير معبأ كما ينبغي"),
])
def test_a_form_field_the_route_cannot_read_is_a_page_in_the_readers_language(
        client: TestClient, seeded: Seeded, language: str, refused: str) -> None:
    """Not FastAPI's English JSON: a date that is not one, posted to a console form."""
    read_in(client, seeded.a.officer, language)
    status, page = post(client, f"/console/students/{seeded.a.student_id}/meetings",
                        held_on="next tuesday")
    assert status == 422 and refused in page and f'lang="{language}"' in page


@pytest.mark.parametrize(("language", "own"), [
    ("pl", "Własny kontakt ucznia: Kolumna „Mobile”: „12” nie jest numerem telefonu."),
    ("ar", "جهة اتصال الطالب نفسه: العمود «Mobile»: «12» ليس رقم هاتف"),
])
def test_a_students_own_contact_left_out_says_why_in_the_readers_language(
        client: TestClient, seeded: Seeded, language: str, own: str) -> None:
    read_in(client, seeded.a.officer, language)
    page = upload(client, seeded, b"Adno,First Name,Surname,Student Mobile\n901,Ola,Nowak,12\n")[2]
    assert own in page and "own contact" not in page
