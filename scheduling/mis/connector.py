"""What every MIS connector does: pull what changed, push confirmed reasons.

One module per MIS (`scheduling/mis/wonde.py`). A connector speaks the MIS's own shapes and
ids and returns plain records (store/mis_records.py); it holds no database session, so the
sync and the push job call it outside any transaction and a slow MIS never holds a lock.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Protocol

from store.mis_records import Cursors, Pull, PushRecord, PushResult


class Connector(Protocol):
    provider: ClassVar[str]

    def pull(self, cursors: Cursors) -> Pull:
        """Students (with their contacts and links), contacts changed on their own and
        register marks changed since `cursors` (everything when a cursor is None), the
        attendance codes (on a full pull, or when a mark names a code not in
        `cursors.known_codes`), and the cursors to start from next time. Raises MisUnavailable or
        MisAccessRefused; a failed pull changes nothing."""
        ...

    def push(self, records: Sequence[PushRecord]) -> list[PushResult]:
        """Write confirmed reasons, one session each, into the MIS; one result per record.
        A connector whose MIS takes one record per request sends them one by one."""
        ...

    def close(self) -> None: ...
