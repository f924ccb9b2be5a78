"""The Babel message catalogs in `locales/`: which one serves a language, and loading it.

One catalog per language, domain "messages": `locales/<lang>/LC_MESSAGES/messages.po`, compiled
to `.mo` by the package install (hatch_build.py). Each message key of `channels/texts.MESSAGES`
is one entry whose context (msgctxt) is the key and whose msgid is the English text, so editing
the English makes the old translation stop matching (it falls back to English, and the
completeness test names it) instead of silently saying something else.

A language falls back through its parent locale to English: "pt-BR" -> "pt" -> English, and a
message missing from a catalog is sent in English rather than not at all.
"""

from __future__ import annotations

import ast
import gettext
import io
import logging
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from babel import Locale
from babel.core import get_global
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.plural import to_gettext

import locales
from store.languages import SUPPORTED_LANGUAGES as SUPPORTED_LANGUAGES

log = logging.getLogger(__name__)

LOCALES_DIR = Path(locales.__file__).resolve().parent
DOMAIN = "messages"
SOURCE_LANGUAGE = "en"
# The CLDR locale each catalog's dates, lists and plural rules come from.
BABEL_LOCALES = {"en": "en_GB", "pa": "pa_Guru"}


@lru_cache(maxsize=256)
def fallback_chain(language: str | None) -> tuple[str, ...]:
    """Catalog names to try for a contact's `language`, most specific first, English last.

    "pt-BR" -> ("pt_BR", "pt", "en"). A script other than the language's usual one has no parent
    (CLDR): "pa-Arab" (Shahmukhi) must not get Gurmukhi, so it goes straight to English.
    """
    parts = [p for p in re.split(r"[-_]", (language or "").strip()) if p]
    if not parts or not parts[0].isalpha():
        return (SOURCE_LANGUAGE,)
    base = parts[0].lower()
    subtags = [_subtag_case(p) for p in parts[1:] if p.isalnum()]
    chain = ["_".join([base, *subtags[:n]]) for n in range(len(subtags), -1, -1)]
    script = next((s for s in subtags if len(s) == 4 and s.isalpha()), None)
    if script and script != _usual_script(base):
        chain = chain[: len(subtags) - subtags.index(script)]
    return (*dict.fromkeys([*chain, SOURCE_LANGUAGE]),)


@lru_cache(maxsize=256)
def catalog_language(language: str | None) -> str:
    """The catalog that serves `language`: its own, its parent's, or English."""
    available = available_catalogs()
    return next(c for c in fallback_chain(language) if c in available or c == SOURCE_LANGUAGE)


@lru_cache(maxsize=1)
def available_catalogs() -> frozenset[str]:
    return frozenset(p.parent.parent.name for p in LOCALES_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


@lru_cache(maxsize=64)
def translations(language: str | None) -> gettext.NullTranslations:
    """gettext translations for `language`, falling back through its parent to English.

    Usable anywhere gettext is: `pgettext`, `npgettext`, and Jinja2's i18n extension.
    """
    chain: gettext.NullTranslations = gettext.NullTranslations()  # English: the msgids
    for name in reversed(fallback_chain(language)):
        catalog = _load(name) if name != SOURCE_LANGUAGE else None
        if catalog is not None:
            catalog.add_fallback(chain)
            chain = catalog
    return chain


def _load(name: str) -> gettext.GNUTranslations | None:
    """The compiled catalog, or the .po compiled in memory when the .mo is missing or older.

    The install compiles every .mo; this keeps a freshly edited .po (a developer who has not
    reinstalled) from being served stale.
    """
    po = LOCALES_DIR / name / "LC_MESSAGES" / f"{DOMAIN}.po"
    mo = po.with_suffix(".mo")
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as compiled:
            return gettext.GNUTranslations(compiled)
    if not po.exists():
        return None
    log.info("catalog %s: .mo missing or older than .po, compiling in memory", name)
    return gettext.GNUTranslations(io.BytesIO(compile_po(po)))


def compile_po(po: Path) -> bytes:
    """The .mo bytes of one .po catalog (fuzzy entries left out, as `pybabel compile` does)."""
    with po.open("rb") as source:
        catalog = read_po(source)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    return compiled.getvalue()


@lru_cache(maxsize=256)
def babel_locale(language: str | None) -> Locale:
    """The CLDR locale to format dates and lists in for a message in `language`.

    It follows the text: a language with no catalog is written in English, so its dates are
    too; a regional variant of a catalog language ("pt_BR") keeps its own formats.
    """
    served = catalog_language(language)
    for name in fallback_chain(language):
        if name.split("_")[0] == served.split("_")[0] and name != served:
            try:
                return Locale.parse(name)
            except (ValueError, LookupError):
                continue
    return Locale.parse(BABEL_LOCALES.get(served, served))


def plural_forms(language: str) -> str:
    """The gettext Plural-Forms header for `language` from its CLDR plural rules.

    Babel's own table (what `pybabel init` writes) is older than CLDR for some languages (it
    gives Welsh 5 forms, CLDR 6). CLDR's operand `e` (compact exponent) is always 0 for the
    whole numbers gettext counts with.
    """
    locale = Locale.parse(BABEL_LOCALES.get(language, language))
    return re.sub(r"\be\b", "0", to_gettext(locale.plural_form))


def _usual_script(language: str) -> str | None:
    likely = get_global("likely_subtags").get(language, "")
    return next((p for p in likely.split("_")[1:] if len(p) == 4), None)


def _subtag_case(subtag: str) -> str:
    if len(subtag) == 4 and subtag.isalpha():
        return subtag.title()
    return subtag.upper() if subtag.isalpha() else subtag


def extract_messages(fileobj: IO[bytes], keywords: Any, comment_tags: Any,
                     options: Any) -> Iterator[tuple[int, str, tuple[str, ...], list[str]]]:
    """Babel extractor for the MESSAGES literal of channels/texts.py (see babel.cfg).

    Each key becomes a pgettext entry (context = key, msgid = English); a ".one"/".other" pair
    becomes one npgettext entry. The comment lists the placeholders the translation must keep.
    """
    tree = ast.parse(fileobj.read())
    entries = _messages_literal(tree)
    plural_pairs = {k[: -len(".one")] for k in entries
                    if k.endswith(".one") and f"{k[: -len('.one')]}.other" in entries}
    for key, (lineno, english) in entries.items():
        base, _, form = key.rpartition(".")
        if base in plural_pairs and form == "other":
            continue
        if base in plural_pairs and form == "one":
            other = entries[f"{base}.other"][1]
            yield lineno, "npgettext", (base, english, other), _placeholder_note(english)
        else:
            yield lineno, "pgettext", (key, english), _placeholder_note(english)


def extract_code_meanings(fileobj: IO[bytes], keywords: Any, comment_tags: Any,
                          options: Any) -> Iterator[tuple[int, str, tuple[str, ...], list[str]]]:
    """Babel extractor for the meanings in store/codes.py's CODES (the console shows them):
    one pgettext entry per code, its context `code:<code>`, its msgid the English meaning."""
    tree = ast.parse(fileobj.read())
    for node in ast.walk(tree):
        if (isinstance(node, ast.Tuple) and len(node.elts) == 3
                and all(isinstance(e, ast.Constant) for e in node.elts[:2])):
            code, meaning = (ast.literal_eval(e) for e in node.elts[:2])
            yield node.lineno, "pgettext", (f"code:{code}", meaning), [
                f"What the DfE attendance code {code} means, as staff read it"]


def _messages_literal(tree: ast.Module) -> dict[str, tuple[int, str]]:
    for node in tree.body:
        target = getattr(node, "target", None) or next(iter(getattr(node, "targets", [])), None)
        if isinstance(target, ast.Name) and target.id == "MESSAGES":
            value = node.value  # type: ignore[attr-defined]
            assert isinstance(value, ast.Dict), "MESSAGES must stay a dict literal"
            return {ast.literal_eval(k): (k.lineno, ast.literal_eval(v))
                    for k, v in zip(value.keys, value.values, strict=True) if k is not None}
    raise ValueError("no MESSAGES dict literal found")


def _placeholder_note(english: str) -> list[str]:
    fields = sorted(set(re.findall(r"\{(\w+)\}", english)))
    return [f"Keep the placeholders: {', '.join('{' + f + '}' for f in fields)}"] if fields else []
