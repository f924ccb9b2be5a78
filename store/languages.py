"""The languages rollcall speaks: each has a complete catalog (locales/), so a family, a student
or a member of staff can be written to in it. Kept here, the lowest layer that needs them (a
school's default language for its staff is checked against them); channels.catalogs reads
them from here."""

from __future__ import annotations

SUPPORTED_LANGUAGES = ("en", "cy", "pl", "ro", "ur", "ar", "bn", "pa", "so", "pt", "es", "lt")
