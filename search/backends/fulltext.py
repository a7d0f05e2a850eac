"""Full-text search for the database backend, one implementation per database:
SQLite's FTS5 and PostgreSQL's tsvector. Both index text already folded by
search.interface.words (lower case, no accents, split on non-alphanumerics) and
match every query word as a prefix, so both behave alike.

Each index has its own table (suppliers: migration search.0002, products:
search.0006); they are not Django models."""

import json

from django.db import connection

TABLE = "search_supplier_fulltext"
PRODUCT_TABLE = "search_product_fulltext"
KEYS = {TABLE: "supplier_id", PRODUCT_TABLE: "product_id"}  # the id column, on PostgreSQL


class SqliteFullText:
    limit_keeps_ties = False  # ranked_sql's `limit` best may leave out matches scored like the last one

    def __init__(self, table=TABLE):
        self.table = table

    @property
    def create_sql(self):
        # rowid is the entry's id; the name column weighs more in the ranking.
        return [f"CREATE VIRTUAL TABLE IF NOT EXISTS {self.table} USING fts5(name, body, tokenize = 'unicode61')"]

    @property
    def drop_sql(self):
        return [f"DROP TABLE IF EXISTS {self.table}"]

    def replace(self, cursor, rows):
        """rows: (supplier id, folded name words, folded body words)."""
        self.delete(cursor, [row[0] for row in rows])
        cursor.executemany(f"INSERT INTO {self.table} (rowid, name, body) VALUES (%s, %s, %s)", rows)

    def delete(self, cursor, ids):
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            cursor.execute(f"DELETE FROM {self.table} WHERE rowid IN ({', '.join(['%s'] * len(chunk))})", chunk)

    def clear(self, cursor):
        cursor.execute(f"DELETE FROM {self.table}")

    @staticmethod
    def _match(terms):
        return " AND ".join(f'"{term}"*' for term in terms)

    def matching_ids_sql(self, terms):
        """SQL selecting the ids of the entries matching every term, as one
        comma-separated text (NULL for none): one row to read, not thousands."""
        return f"SELECT group_concat(rowid) FROM {self.table} WHERE {self.table} MATCH %s", [self._match(terms)]

    def ranked_sql(self, terms, limit=None):
        """SQL selecting (id, score) of the matching entries, the best (lowest
        score) first, all or the `limit` best. The name counts ten times as much
        as the rest."""
        table = self.table
        return (
            f"SELECT rowid, bm25({table}, 10.0, 1.0) AS score FROM {table} WHERE {table} MATCH %s ORDER BY score"
            + (" LIMIT %s" if limit else ""),
            [self._match(terms), *([limit] if limit else [])],
        )

    def ranked_among_sql(self, terms, ids):
        """Like ranked_sql (unordered), for the matches among `ids` only: bm25 costs
        more than the match, so only these are scored (its statistics stay those
        of the whole table, so a score is the same as in ranked_sql). The unary +
        keeps SQLite from handing each id to FTS5 as a lookup of its own."""
        table = self.table
        return (
            f"SELECT rowid, bm25({table}, 10.0, 1.0) FROM {table} "
            f"WHERE {table} MATCH %s AND +rowid IN (SELECT value FROM json_each(%s))",
            [self._match(terms), json.dumps(list(ids))],
        )


class PostgresFullText:
    # ranked_sql's `limit` best come with every match scored like the last one:
    # ts_rank does not weigh the document's length, so ties are many.
    limit_keeps_ties = True

    def __init__(self, table=TABLE):
        self.table = table
        self.key = KEYS[table]

    @property
    def create_sql(self):
        return [
            f"CREATE TABLE IF NOT EXISTS {self.table} ({self.key} integer PRIMARY KEY, document tsvector NOT NULL)",
            f"CREATE INDEX IF NOT EXISTS {self.table}_document ON {self.table} USING gin (document)",
        ]

    @property
    def drop_sql(self):
        return [f"DROP TABLE IF EXISTS {self.table}"]

    def replace(self, cursor, rows):
        cursor.executemany(
            f"INSERT INTO {self.table} ({self.key}, document) "
            "VALUES (%s, setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'B')) "
            f"ON CONFLICT ({self.key}) DO UPDATE SET document = EXCLUDED.document",
            rows,
        )

    def delete(self, cursor, ids):
        if ids:
            cursor.execute(f"DELETE FROM {self.table} WHERE {self.key} = ANY(%s)", [list(ids)])

    def clear(self, cursor):
        cursor.execute(f"TRUNCATE {self.table}")

    @staticmethod
    def _tsquery(terms):
        return " & ".join(f"{term}:*" for term in terms)

    def matching_ids_sql(self, terms):
        return (
            f"SELECT string_agg({self.key}::text, ',') FROM {self.table} WHERE document @@ to_tsquery('simple', %s)",
            [self._tsquery(terms)],
        )

    def ranked_sql(self, terms, limit=None):
        return (
            f"SELECT {self.key}, -ts_rank(document, query) AS score "
            f"FROM {self.table}, to_tsquery('simple', %s) query WHERE document @@ query ORDER BY score"
            + (" FETCH FIRST %s ROWS WITH TIES" if limit else ""),
            [self._tsquery(terms), *([limit] if limit else [])],
        )

    def ranked_among_sql(self, terms, ids):
        return (
            f"SELECT {self.key}, -ts_rank(document, query) "
            f"FROM {self.table}, to_tsquery('simple', %s) query WHERE {self.key} = ANY(%s) AND document @@ query",
            [self._tsquery(terms), list(ids)],
        )


def for_connection(conn=None, table=TABLE):
    vendor = (conn or connection).vendor
    if vendor == "sqlite":
        return SqliteFullText(table)
    if vendor == "postgresql":
        return PostgresFullText(table)
    raise NotImplementedError(f"The database search backend supports SQLite and PostgreSQL, not {vendor}.")
