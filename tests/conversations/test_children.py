"""Which children a reply is about (issue 14, item 5, the engine's side): questions name only
the children still unexplained, and "all of them" means every absent child of the contact."""

from __future__ import annotations

import pytest

from conversations.types import ConversationState, Escalate, Intent, ReasonStatus, Reply
from tests.conversations.helpers import (
    absent,
    amy,
    ben,
    facts,
    records,
    say,
    student,
)

PRESENT = absent(code="/", status=ReasonStatus.CONFIRMED)  # Ben was in school today


def test_ok_is_answered_with_a_question_about_the_absent_child_only() -> None:
    family = facts(amy(), ben(PRESENT))
    # The shell does not always know whom the conversation is about: the marks decide.
    _, decisions = say(ConversationState(), "ok thanks", family)
    assert decisions == [Reply("ask.reason", (("names", "Amy"),))]


def test_which_child_lists_only_the_absent_children() -> None:
    family = facts(amy(), ben(), student("S3", "Cara", PRESENT))
    _, decisions = say(ConversationState(), "sick", family)
    assert decisions == [Reply("ask.which_child", (("names", "Amy, Ben"),))]


@pytest.mark.parametrize("text", [
    "they're all poorly", "all of them have the bug", "they are all ill with a virus",
    "both poorly", "todos estão doentes", "wszystkie dzieci chore", "sab bachay bimar hain",
    "maen nhw i gyd yn sâl", "toți copiii sunt bolnavi", "كل الولاد مرضانين",
])
def test_all_of_them_covers_every_absent_child_and_no_one_else(text: str) -> None:
    family = facts(amy(), ben(), student("S3", "Cara", PRESENT))
    _, decisions = say(ConversationState(), text, family)
    assert sorted((r.student_id, r.intent, r.status) for r in records(decisions)) == [
        ("S1", Intent.ILLNESS, ReasonStatus.CONFIRMED),
        ("S2", Intent.ILLNESS, ReasonStatus.CONFIRMED)]
    assert not [d for d in decisions if isinstance(d, Reply) and d.key == "ask.which_child"]


def test_all_of_them_answering_which_child_covers_the_absent_children() -> None:
    family = facts(amy(), ben(), student("S3", "Cara", PRESENT))
    state, _ = say(ConversationState(), "temperature", family)
    _, decisions = say(state, "all of them", family)
    assert sorted(r.student_id for r in records(decisions)) == ["S1", "S2"]



@pytest.mark.parametrize(("text", "language", "names"), [
    ("مريم عندها حرارة ويوسف عنده كحة", "ar", ("Maryam", "Yusuf")),
    ("بلال کو بخار ہے اور عائشہ کے پیٹ میں درد ہے", "ur", ("Bilal", "Ayesha")),
    ("ਸਿਮਰਨ ਨੂੰ ਬੁਖਾਰ ਹੈ ਤੇ ਹਰਜੀਤ ਦੇ ਢਿੱਡ ਵਿੱਚ ਦਰਦ ਹੈ", "pa", ("Simran", "Harjeet")),
])
def test_names_written_in_another_script_find_the_children(
        text: str, language: str, names: tuple[str, str]) -> None:
    family = facts(student("S1", names[0], absent()), student("S2", names[1], absent()),
                   language=language)
    _, decisions = say(ConversationState(), text, family)
    assert sorted((r.student_id, r.intent, r.status) for r in records(decisions)) == [
        ("S1", Intent.ILLNESS, ReasonStatus.CONFIRMED),
        ("S2", Intent.ILLNESS, ReasonStatus.CONFIRMED)]


def test_an_everyday_word_is_never_read_as_a_name_in_another_script() -> None:
    # "ابني" (my son) has the consonants of Ben, but it is a word the lexicon knows.
    family = facts(amy(), ben(), language="ar")
    _, decisions = say(ConversationState(), "ابني مريض", family)
    assert [d.key for d in decisions if isinstance(d, Reply)] == ["ask.which_child"]


@pytest.mark.parametrize(("text", "language", "names"), [
    ("Lukui viduriavimas, o Ugnei pakilo temperatūra", "lt", ("Lukas", "Ugnė")),
    ("Jakuba boli gardło, a Kasię boli brzuch", "pl", ("Jakub", "Kasia")),
    ("আরিফের জ্বর আর তাসনিমের কাশি", "bn", ("Arif", "Tasnim")),
    ("Mariei îi e rău și Andreiului la fel febră", "ro", ("Maria", "Andrei")),
])
def test_a_name_with_a_case_ending_finds_the_child(
        text: str, language: str, names: tuple[str, str]) -> None:
    family = facts(student("S1", names[0], absent()), student("S2", names[1], absent()),
                   language=language)
    _, decisions = say(ConversationState(), text, family)
    assert sorted((r.student_id, r.intent) for r in records(decisions)) == [
        ("S1", Intent.ILLNESS), ("S2", Intent.ILLNESS)]


def test_a_case_ending_never_makes_an_everyday_word_a_name() -> None:
    # "Dana" less its ending is "dan"; "dance" is not Dana, and two children are still asked.
    family = facts(student("S1", "Dana", absent()), student("S2", "Ola", absent()),
                   language="pl")
    _, decisions = say(ConversationState(), "chora, ma gorączkę", family)
    assert [d.key for d in decisions if isinstance(d, Reply)] == ["ask.which_child"]


@pytest.mark.parametrize("text", [
    "Amy has a migraine. Her brother Ben is in school, he got the bus as normal",
    "Amy is at home with a temperature, Ben did go to school",
])
def test_how_a_present_sibling_went_in_is_no_rival_reason(text: str) -> None:
    """ "got the bus" about Ben (in school) is neither a dispute nor a transport reason, so
    Amy's clear illness is confirmed and nobody is asked about Ben."""
    _, decisions = say(ConversationState(), text, facts(amy(), ben(PRESENT)))
    assert [(r.student_id, r.status) for r in records(decisions)] == [
        ("S1", ReasonStatus.CONFIRMED)]
    assert not [d for d in decisions if isinstance(d, Escalate)]


def test_words_before_a_present_childs_name_are_not_about_it() -> None:
    """The absent child written as nobody on the register knows her ("Mimi"), the present one
    by name: the illness is not Ben's."""
    _, decisions = say(ConversationState(), "Mimi has a fever and stayed home. Ben is in school",
                       facts(amy(), ben(PRESENT)))
    assert [(r.student_id, r.intent) for r in records(decisions)] == [("S1", Intent.ILLNESS)]


@pytest.mark.parametrize(("word", "name"), [
    ("Nico", "Nicolás"), ("Dani", "Daniela"), ("Alexa", "Alexandru"),
])
def test_a_name_cut_short_is_the_child(word: str, name: str) -> None:
    family = facts(student("S1", name, absent()), ben())
    _, decisions = say(ConversationState(), f"{word} has a temperature", family)
    assert [r.student_id for r in records(decisions)] == ["S1"]


def test_a_name_cut_short_that_fits_two_children_is_neither() -> None:
    family = facts(student("S1", "Gabriela", absent()), student("S2", "Gabriel", absent()))
    _, decisions = say(ConversationState(), "Gabr has a temperature", family)
    assert not records(decisions)


def test_a_child_named_in_a_list_after_the_reason_shares_it() -> None:
    family = facts(amy(), ben(), student("S3", "Cara", absent()))
    _, decisions = say(ConversationState(), "all three with flu, Amy, Ben and Cara", family)
    assert [(r.student_id, r.status) for r in records(decisions)] == [
        ("S1", ReasonStatus.CONFIRMED), ("S2", ReasonStatus.CONFIRMED),
        ("S3", ReasonStatus.CONFIRMED)]


@pytest.mark.parametrize(("text", "lang"), [
    ("ma'r tri ohonyn nhw'n sâl, bug stumog", "cy"),
    ("as três estão com gripe", "pt"),
])
def test_the_n_of_them_is_every_absent_child(text: str, lang: str) -> None:
    family = facts(amy(), ben(), student("S3", "Cara", absent()), language=lang)
    _, decisions = say(ConversationState(), text, family)
    assert [r.student_id for r in records(decisions)] == ["S1", "S2", "S3"]
