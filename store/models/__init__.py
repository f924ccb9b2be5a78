"""The tables of the attendance store, one module per area (`store.models.people`,
`store.models.marks`, ...): import a table from its area's module.

Ids are integers; a student's and a contact's id in the school's MIS are kept beside them
(`mis_id`, `external_id`) because imports, the REST API and replay scripts speak in those.
Times are aware UTC (`UTCDateTime`); school-local dates are plain dates.
"""

# Every area is imported here so that importing any one table (or `store.models` itself, as
# store/database.py and the Alembic env do) registers all the tables on SQLModel.metadata:
# create_all and the migration check need the whole schema, not just the tables one module used.
from store.models import (  # noqa: F401
    audit,
    casework,
    conversations,
    engagement,
    escalations,
    events,
    imports,
    inbound,
    marks,
    mis,
    outbound,
    people,
    schools,
    staff,
)
