"""Full-text search for the database backend, one implementation per database:
SQLite's FTS5 and PostgreSQL's tsvector. Both index text already folded by
search.interface.words (lower case, no accents, split on non-alphanumerics) and
match every query word as a prefix, so both behave alike.

The tables are created by migration search.0002 and are not Django models."""

from django.db import connection

TABLE = "search_supplier_fulltext"


class SqliteFullText:
    create_sql = [
        # rowid is the supplier id; the name column weighs more in the ranking.
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(name, body, tokenize = 'unicode61')",
    ]
    drop_sql = [f"DROP TABLE IF EXISTS {TABLE}"]

    def replace(self, cursor, rows):
        """rows: (supplier id, folded name words, folded body words)."""
        self.delete(cursor, [row[0] for row in rows])
        cursor.executemany(f"INSERT INTO {TABLE} (rowid, name, body) VALUES (%s, %s, %s)", rows)

    def delete(self, cursor, ids):
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            cursor.execute(f"DELETE FROM {TABLE} WHERE rowid IN ({', '.join(['%s'] * len(chunk))})", chunk)

    def clear(self, cursor):
        cursor.execute(f"DELETE FROM {TABLE}")

    @staticmethod
    def _match(terms):
        return " AND ".join(f'"{term}"*' for term in terms)

    def matching_ids_sql(self, terms):
        """SQL selecting the ids of suppliers matching every term."""
        return f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s", [self._match(terms)]

    def ranked_sql(self, terms):
        """SQL selecting (id, rank) of the matching suppliers; a lower rank is better.
        The name counts ten times as much as the rest."""
        return f"SELECT rowid AS id, bm25({TABLE}, 10.0, 1.0) AS rank FROM {TABLE} WHERE {TABLE} MATCH %s", [
            self._match(terms)
        ]


class PostgresFullText:
    create_sql = [
        f"CREATE TABLE IF NOT EXISTS {TABLE} (supplier_id integer PRIMARY KEY, document tsvector NOT NULL)",
        f"CREATE INDEX IF NOT EXISTS {TABLE}_document ON {TABLE} USING gin (document)",
    ]
    drop_sql = [f"DROP TABLE IF EXISTS {TABLE}"]

    def replace(self, cursor, rows):
        cursor.executemany(
            f"INSERT INTO {TABLE} (supplier_id, document) "
            "VALUES (%s, setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'B')) "
            "ON CONFLICT (supplier_id) DO UPDATE SET document = EXCLUDED.document",
            rows,
        )

    def delete(self, cursor, ids):
        if ids:
            cursor.execute(f"DELETE FROM {TABLE} WHERE supplier_id = ANY(%s)", [list(ids)])

    def clear(self, cursor):
        cursor.execute(f"TRUNCATE {TABLE}")

    @staticmethod
    def _tsquery(terms):
        return " & ".join(f"{term}:*" for term in terms)

    def matching_ids_sql(self, terms):
        return (
            f"SELECT supplier_id FROM {TABLE} WHERE document @@ to_tsquery('simple', %s)",
            [self._tsquery(terms)],
        )

    def ranked_sql(self, terms):
        return (
            f"SELECT supplier_id AS id, -ts_rank(document, query) AS rank "
            f"FROM {TABLE}, to_tsquery('simple', %s) query WHERE document @@ query",
            [self._tsquery(terms)],
        )


def for_connection(conn=None):
    vendor = (conn or connection).vendor
    if vendor == "sqlite":
        return SqliteFullText()
    if vendor == "postgresql":
        return PostgresFullText()
    raise NotImplementedError(f"The database search backend supports SQLite and PostgreSQL, not {vendor}.")
