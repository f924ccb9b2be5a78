"""Which stored contact a contacts row means when the file gives no contact id.

Without an id, a contact used to be known by its name, phone and email together, so a mother
whose mobile changed came back as a second contact (and both were texted). A row now means a
stored contact of the school with the same name (titles and case aside) and either any one
channel in common, or a link to the same student already. Only when none fits is it new.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from store.models.people import Contact

CHANNEL_FIELDS = ("phone", "landline", "email", "telegram_chat_id")
_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "rev", "sir", "lady", "lord"}


def name_key(name: str) -> str:
    """A name as compared: lower case, single spaces, no title ("Mrs J Smith" = "j smith")."""
    words = re.sub(r"[.,]", " ", name).casefold().split()
    return " ".join(word for word in words if word not in _TITLES)


class ContactMatcher:
    """The school's stored contacts, found by name and one channel or by the student linked."""

    def __init__(self, contacts: Iterable[Contact], links: Iterable[tuple[int, int | None]]):
        self._by_name: dict[str, list[Contact]] = {}
        for contact in sorted(contacts, key=lambda c: c.id or 0):
            self._by_name.setdefault(name_key(contact.name), []).append(contact)
        self._linked = set(links)

    def external_id(self, *, name: str, values: dict[str, Any], student_id: int) -> str | None:
        """The external id of the stored contact the row means, or None for a new contact."""
        candidates = self._by_name.get(name_key(name), [])
        shares = [c for c in candidates if any(
            values.get(field) and getattr(c, field) == values[field] for field in CHANNEL_FIELDS)]
        linked = [c for c in candidates if (student_id, c.id) in self._linked]
        for found in ([c for c in shares if c in linked], shares, linked):
            if found:
                return found[0].external_id
        return None
