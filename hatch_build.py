"""Hatchling build hook: compile the Babel catalogs (locales/*/LC_MESSAGES/*.po -> .mo).

The .mo files are build output (.gitignore has *.mo): every wheel and every editable install
(`pip install -e .`) compiles them from the .po sources, fuzzy entries left out, as
`pybabel compile` does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hatchling.builders.hooks.plugin.interface import BuildHookInterface  # type: ignore[import-not-found]


class CompileCatalogsHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        for po in sorted(root.glob("locales/*/LC_MESSAGES/*.po")):
            with po.open("rb") as source:
                catalog = read_po(source)
            with po.with_suffix(".mo").open("wb") as compiled:
                write_mo(compiled, catalog, use_fuzzy=False)
            if version != "editable":
                # Ignored by git, so not picked up on their own: name them for the wheel. An
                # editable install reads them where they were compiled, in the source tree.
                mo = po.with_suffix(".mo").relative_to(root).as_posix()
                build_data["force_include"][mo] = mo
