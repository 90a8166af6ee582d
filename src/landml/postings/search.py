"""Full-text search over postings: SQLite FTS5, PostgreSQL's text search.

On SQLite, migration 0004 creates the `postings_fts` table and the triggers that keep
it in step with `postings`; on PostgreSQL it creates a GIN index on the same
expression used here, so both backends search title, company and description.
"""

from __future__ import annotations

import re

from sqlalchemy import text
from sqlalchemy.orm import Session

PG_DOCUMENT = "to_tsvector('english', coalesce(title, '') || ' ' || coalesce(description, ''))"


def fts5_query(query: str) -> str:
    """A person's words as an FTS5 query: each word quoted (no operator injection), all
    required, the last one as a prefix so results appear while typing."""
    words = re.findall(r"[\w+#.]+", query, flags=re.UNICODE)
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    if quoted:
        quoted[-1] += "*"
    return " ".join(quoted)


def matching_ids(session: Session, owner: int, query: str) -> list[int]:
    """Ids of the owner's postings that match `query`, best match first."""
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        match = fts5_query(query)
        if not match:
            return []
        rows = session.execute(
            text(
                "SELECT p.id FROM postings_fts f JOIN postings p ON p.id = f.rowid "
                "WHERE postings_fts MATCH :q AND p.owner_id = :owner ORDER BY rank"
            ),
            {"q": match, "owner": owner},
        )
        return [r[0] for r in rows]
    rows = session.execute(
        text(
            f"SELECT p.id FROM postings p LEFT JOIN companies c ON c.id = p.company_id "
            f"WHERE p.owner_id = :owner AND ({PG_DOCUMENT} @@ websearch_to_tsquery('english', :q)"
            f" OR c.name ILIKE :like) "
            f"ORDER BY ts_rank({PG_DOCUMENT}, websearch_to_tsquery('english', :q)) DESC"
        ),
        {"q": query, "owner": owner, "like": f"%{query.strip()}%"},
    )
    return [r[0] for r in rows]
