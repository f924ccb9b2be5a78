"""Tests that set letters or exports as PDF need Debian's Noto fonts (.ci/run installs them):
without them they are skipped, saying why, as the browser tests are without Chromium."""

from __future__ import annotations

import pytest

from channels.letter_pdf import FONT_DIR

needs_fonts = pytest.mark.skipif(not (FONT_DIR / "NotoSans-Regular.ttf").is_file(),
                                 reason="Debian's fonts-noto-core is not installed (.ci/run "
                                        "installs it; README, Casework)")
