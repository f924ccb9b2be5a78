"""WhatsApp templates made from the Babel catalogs: the same words rollcall sends, what varies as
numbered variables, fit for WhatsApp's approval rules, and read back out of a composed text."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from channels.catalogs import SUPPORTED_LANGUAGES
from channels.letters import letter_note
from channels.texts import MESSAGES, option_label, render
from channels.whatsapp_templates import (
    LETTER_NOTES,
    MENUS,
    SAMPLE_DAY,
    SAMPLE_NAMES,
    SAMPLE_PHONE,
    WHATSAPP_KEYS,
    WHATSAPP_LANGUAGES,
    Template,
    problems,
    school_templates,
    templates_for,
)
from conversations.types import Label
from scheduling.wording import KEYS, run_text
from tests.scheduling.families import MONDAY

ROOT = Path(__file__).resolve().parents[2]
SCHOOL = "Harbour Lane Academy"
TUESDAY = SAMPLE_DAY.replace(day=24)
# Message keys rollcall sends only to staff, only on Telegram, or only inside another message.
NOT_ON_WHATSAPP = {"digest.event", "digest.more",  # parts of digest.missed's {events}
                   "link.done", "link.failed", "menu", "menu.illness",
                   "menu.medical_appointment", "menu.other", "menu.call_me", "selfcert.yes",
                   "selfcert.no"}


def filled(template: Template, values: list[str]) -> str:
    return "".join(part + value for part, value in zip(template.parts, [*values, ""],
                                                       strict=True))


def sent(template: Template, language: str, *, bilingual: bool) -> str:
    """The message rollcall composes for the template's first number of children, with the
    samples' names and days: what a family would read."""
    count = template.counts[0] if template.counts else 1
    key = template.key if template.key in WHATSAPP_KEYS else template.key.rpartition(".")[0]
    names = list(SAMPLE_NAMES[:count])
    if key in LETTER_NOTES:
        return letter_note(language=language, school=SCHOOL, names=names,
                           by_post=LETTER_NOTES[key])
    params = {"school": SCHOOL, "names": names, "name": names[0], "date": SAMPLE_DAY,
              "dates": [SAMPLE_DAY, TUESDAY], "phone": SAMPLE_PHONE, "count": count,
              "reason": Label("selfcert.reason.illness"), "events": _one_event,
              "tutor": "Dr Ines Okafor", "time": "14:00", "place": "Room 2.14",
              "why": "the fit note covers other days"}
    return render(key, language, channel="whatsapp", params=params, bilingual=bilingual,
                  count=count if template.counts else None, options=MENUS.get(key, ()))


def _one_event(language: str) -> str:
    """A digest's events as the samples write them: one lecture at 10:00."""
    what = f"EC2010 Econometrics ({option_label('event.lecture', language)})"
    return render("digest.event", language, params={"what": what, "time": "10:00"})


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
@pytest.mark.parametrize("bilingual", [False, True])
def test_every_template_is_the_words_rollcall_sends_with_what_varies_as_variables(
    language: str, bilingual: bool
) -> None:
    for template in school_templates(language, school=SCHOOL, bilingual=bilingual):
        text = sent(template, language, bilingual=bilingual)
        assert filled(template, template.samples()) == text, template.key
        assert template.variables(text) == template.samples(), template.key
        assert "{school}" not in template.body and "\x00" not in template.body


@pytest.mark.parametrize("language", sorted(WHATSAPP_LANGUAGES))
def test_no_template_breaks_whatsapps_rules_in_a_language_whatsapp_has(language: str) -> None:
    for template in school_templates(language, school=SCHOOL):
        broken = [p for p in problems(template) if not p.startswith("caution:")]
        assert broken == [], (template.key, template.body)


def test_a_run_message_is_read_back_into_its_templates_variables() -> None:
    for kind, language, names in (("absence", "ur", ["Amy"]), ("pm_absence", "pl", ["Amy", "Ben"]),
                                  ("chase", "ar", ["Amy", "Ben", "Cara"]),
                                  ("late", "bn", ["Amy"]), ("correction", "lt", ["Amy"])):
        text = run_text(kind, school_name=SCHOOL, language=language, bilingual=False,
                        names=names, day=MONDAY, channel="whatsapp")
        matching = [t for t in templates_for(KEYS[kind], language, school=SCHOOL)
                    if t.variables(text) is not None]
        assert len(matching) == 1, (kind, language)
        assert filled(matching[0], matching[0].variables(text) or []) == text


def test_plural_wordings_are_named_by_their_forms() -> None:
    def keys(key: str, language: str) -> list[str]:
        return [t.key for t in templates_for(key, language, school=SCHOOL)]

    assert keys("absence.first", "en") == ["absence.first.one", "absence.first.other"]
    assert keys("late.notice", "en") == ["late.notice"]  # one wording for any number
    assert keys("chase", "pl") == ["chase.one", "chase.few_many"]
    assert keys("absence.first", "ar") == ["absence.first.one", "absence.first.two_few"]
    [one, several] = templates_for("chase", "pl", school=SCHOOL)
    assert (one.counts, several.counts) == ((1,), tuple(range(2, 11)))


def test_every_message_rollcall_may_send_a_family_has_its_templates() -> None:
    keys = set(MESSAGES) | {k.rpartition(".")[0] for k in MESSAGES if k.endswith(".one")}
    used = set()
    for folder in ("conversations", "scheduling"):
        for path in (ROOT / folder).glob("*.py"):
            used |= {node.value for node in ast.walk(ast.parse(path.read_text("utf-8")))
                     if isinstance(node, ast.Constant) and node.value in keys}
    to_families = {k for k in used if not k.startswith(("staff.", "concern."))}
    assert to_families - NOT_ON_WHATSAPP <= set(WHATSAPP_KEYS)
    assert set(KEYS.values()) <= set(WHATSAPP_KEYS)


def test_the_rules_are_named_when_a_template_breaks_them() -> None:
    [unnamed] = templates_for("correction", "en", school=None)  # the school as {{1}}
    assert unnamed.body.startswith("{{1}}: sorry, {{2}}")
    assert "the body begins with a variable" in problems(unnamed)
    side_by_side = Template("x", "en", ("Dear ", " ", ", welcome."), (("names", "en"),) * 2)
    assert "{{1}} and {{2}} are side by side" in problems(side_by_side)
    long = Template("x", "en", ("Dear " + "very " * 250, "."), (("names", "en"),))
    assert any("over WhatsApp's 1024" in p for p in problems(long))
    [urdu] = templates_for("absence.first", "ur", school=SCHOOL)[:1]  # "({{1}}) {{2}}"
    assert problems(urdu) == ["caution: only ')' between {{1}} and {{2}}"]
    [welsh] = templates_for("reason.thanks", "cy", school=SCHOOL)
    assert problems(welsh) == ["WhatsApp has no template language for 'cy': messages in it "
                               "fail over outside the 24-hour window"]


def test_a_value_whatsapp_would_refuse_is_no_match() -> None:
    [template] = templates_for("reason.thanks", "en", school=SCHOOL)
    assert template.variables("Thank you. We have recorded the reason for Amy.") == ["Amy"]
    for names in ("Amy\nBen", "Amy\tBen", "Amy      Ben", ""):
        assert template.variables(f"Thank you. We have recorded the reason for {names}.") is None
    assert template.variables("Thank you. We have recorded the reason for Amy. Bye") is None
