"""The catalog machinery: which catalog serves a language, plural rules per CLDR, the install's
compiled .mo files, and the extraction of MESSAGES into the template."""

from __future__ import annotations

import gettext
import io
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.pofile import read_po
from babel.plural import _plural_tags  # the order gettext indices follow

from channels import catalogs, texts
from channels.catalogs import (
    LOCALES_DIR,
    SUPPORTED_LANGUAGES,
    catalog_language,
    extract_messages,
    fallback_chain,
    plural_forms,
)

TRANSLATED = [lang for lang in SUPPORTED_LANGUAGES if lang != "en"]


def source_entries() -> dict[str, tuple[str, ...]]:
    """Catalog context -> English (one text, or the singular and plural of a pair)."""
    keys = texts.MESSAGES
    bases = {k[: -len(".one")] for k in keys if k.endswith(".one") and k[:-4] + ".other" in keys}
    entries: dict[str, tuple[str, ...]] = {}
    for key, english in keys.items():
        base = key.rpartition(".")[0]
        if base not in bases:
            entries[key] = (english,)
        elif key.endswith(".one"):
            entries[base] = (english, keys[f"{base}.other"])
    return entries


def po_path(language: str) -> Path:
    return LOCALES_DIR / language / "LC_MESSAGES" / "messages.po"


@pytest.mark.parametrize(
    ("language", "chain"),
    [
        ("pt-BR", ("pt_BR", "pt", "en")),
        ("pt_br", ("pt_BR", "pt", "en")),
        ("cy", ("cy", "en")),
        ("pa-Guru-IN", ("pa_Guru_IN", "pa_Guru", "pa", "en")),
        ("pa-Arab", ("pa_Arab", "en")),  # Shahmukhi readers must not get Gurmukhi
        ("", ("en",)),
        (None, ("en",)),
        ("12", ("en",)),
    ],
)
def test_fallback_chain_goes_through_the_parent_locale_to_english(
        language: str | None, chain: tuple[str, ...]) -> None:
    assert fallback_chain(language) == chain


@pytest.mark.parametrize(
    ("language", "served"),
    [("pt-BR", "pt"), ("es_MX", "es"), ("cy-GB", "cy"), ("pa", "pa"), ("pa-Arab", "en"),
     ("de", "en"), ("en-US", "en"), ("xx-klingon", "en")],
)
def test_each_language_is_served_by_its_own_catalog_its_parents_or_english(
        language: str, served: str) -> None:
    assert catalog_language(language) == served


def test_every_supported_language_but_english_has_a_catalog() -> None:
    assert set(catalogs.available_catalogs()) == set(TRANSLATED)


@pytest.mark.parametrize("language", TRANSLATED)
def test_plural_forms_header_follows_cldr(language: str) -> None:
    with po_path(language).open("rb") as po:
        catalog = read_po(po)
    assert catalog.plural_forms == plural_forms(language)
    locale = Locale.parse(catalogs.BABEL_LOCALES.get(language, language))
    categories = [t for t in _plural_tags if t in locale.plural_form.tags | {"other"}]
    assert catalog.num_plurals == len(categories)
    index_of = gettext.c2py(catalog.plural_expr)
    for n in range(0, 1201):
        assert categories[index_of(n)] == locale.plural_form(n), (language, n)


def test_welsh_and_arabic_have_all_six_cldr_plural_forms() -> None:
    assert plural_forms("cy").startswith("nplurals=6;")
    assert plural_forms("ar").startswith("nplurals=6;")


def test_install_compiled_every_catalog() -> None:
    for language in TRANSLATED:
        mo = po_path(language).with_suffix(".mo")
        assert mo.exists(), f"{mo} missing: reinstall (pip install -e .) or pybabel compile"


def test_a_po_edited_after_the_install_is_served_compiled_in_memory(tmp_path: Path) -> None:
    po = po_path("cy")
    compiled = gettext.GNUTranslations(io.BytesIO(catalogs.compile_po(po)))
    with po.open("rb") as source:
        catalog = read_po(source)
    translated = [m for m in catalog if m.id and m.string and not m.fuzzy
                  and isinstance(m.id, str)]
    assert translated
    for message in translated:
        found = (compiled.pgettext(message.context, message.id) if message.context
                 else compiled.gettext(message.id))
        assert found == message.string


def test_extraction_makes_one_entry_per_key_with_the_key_as_context() -> None:
    source = Path(texts.__file__).read_bytes()
    entries = list(extract_messages(io.BytesIO(source), {}, [], {}))
    contexts = {messages[0] for _, _, messages, _ in entries}
    assert contexts == set(source_entries())
    absence = next(e for e in entries if e[2][0] == "absence.first")
    assert absence[1] == "npgettext"
    assert absence[2][1:] == (texts.MESSAGES["absence.first.one"],
                              texts.MESSAGES["absence.first.other"])


def test_the_template_is_up_to_date_with_messages() -> None:
    with (LOCALES_DIR / "messages.pot").open("rb") as pot:
        template = read_po(pot)
    extracted = {(m.context, m.id if isinstance(m.id, str) else m.id[0])
                 for m in template if m.context}
    expected = {(context, english[0]) for context, english in source_entries().items()}
    assert expected <= extracted, (
        "locales/messages.pot is older than MESSAGES: run the pybabel extract and update "
        "commands in README.md, Translations")
