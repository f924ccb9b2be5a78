"""Babel message catalogs and per-language lexicons (data only)."""
