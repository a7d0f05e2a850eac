"""Full-text matching for the database backend, one implementation per database.
Both index text already folded by search.interface.words (lower case, no
accents, split on non-alphanumerics) and match a query word as the start of a
word, so both behave alike.

They answer one question per query word: which entries have a word starting
with it anywhere, and which in their name. The backend turns both answers into
bitmaps (bitmaps.py): the first selects the hits, the second ranks them.

- SQLite: an FTS5 table (name, body), its prefix queries with and without a
  column filter.
- PostgreSQL: a table of (word, entry, in the name?) rows with a B-tree on
  (word, entry): a word's prefix is one range of that index, read without
  touching the table. A tsvector with a GIN index (what an earlier version
  used) answers the same question from the index, but then fetches every
  matching row from the heap for its id: 12 ms against 1.6 ms for a word of
  11,000 products, 45 against 14 ms for one every product has (measured on
  PostgreSQL 15 at 100,000 products, see bench/).

Each index has its own table (suppliers: migration search.0002, products:
search.0006, the PostgreSQL words since search.0008); they are not Django
models."""

from django.db import connection

TABLE = "search_supplier_fulltext"
PRODUCT_TABLE = "search_product_fulltext"
KEYS = {TABLE: "supplier_id", PRODUCT_TABLE: "product_id"}  # the entry's column on PostgreSQL
# Above every character a folded word holds: a prefix's words sort between it and prefix + LAST.
LAST = "\U0010ffff"


class SqliteFullText:
    def __init__(self, table=TABLE):
        self.table = table

    @property
    def create_sql(self):
        # rowid is the entry's id.
        return [f"CREATE VIRTUAL TABLE IF NOT EXISTS {self.table} USING fts5(name, body, tokenize = 'unicode61')"]

    @property
    def drop_sql(self):
        return [f"DROP TABLE IF EXISTS {self.table}"]

    def replace(self, cursor, rows):
        """rows: (entry id, folded name words, folded body words)."""
        self.delete(cursor, [row[0] for row in rows])
        cursor.executemany(f"INSERT INTO {self.table} (rowid, name, body) VALUES (%s, %s, %s)", rows)

    def delete(self, cursor, ids):
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            cursor.execute(f"DELETE FROM {self.table} WHERE rowid IN ({', '.join(['%s'] * len(chunk))})", chunk)

    def clear(self, cursor):
        cursor.execute(f"DELETE FROM {self.table}")

    def term_sql(self, term, among=None):
        """SQL selecting one row: the ids of the entries (of those `among`, when given)
        with a word starting with `term` anywhere, then in their name, each as one
        comma-separated text (NULL for none): two rows to read, not thousands."""
        table = self.table
        matches = f"SELECT group_concat(rowid) FROM {table} WHERE {table} MATCH %s"
        among = list(among or [])
        if among:
            matches += f" AND rowid IN ({', '.join(['%s'] * len(among))})"
        return f"SELECT ({matches}), ({matches})", [f'"{term}"*', *among, f'name : "{term}"*', *among]


class PostgresFullText:
    def __init__(self, table=TABLE):
        self.key = KEYS[table]
        self.table = table.replace("_fulltext", "_words")

    @property
    def create_sql(self):
        # COLLATE "C": words sort by code point whatever the database's collation,
        # so a prefix's words are one range of the index.
        return [
            f"CREATE TABLE IF NOT EXISTS {self.table} "
            f'(word text COLLATE "C" NOT NULL, {self.key} integer NOT NULL, in_name boolean NOT NULL)',
            f"CREATE INDEX IF NOT EXISTS {self.table}_word ON {self.table} (word, {self.key}) INCLUDE (in_name)",
            f"CREATE INDEX IF NOT EXISTS {self.table}_entry ON {self.table} ({self.key})",
        ]

    @property
    def drop_sql(self):
        return [f"DROP TABLE IF EXISTS {self.table}"]

    def replace(self, cursor, rows):
        """rows: (entry id, folded name words, folded body words); one row a
        distinct word of an entry, in its name or else in its body. COPY: an
        index rebuild writes millions of them."""
        self.delete(cursor, [row[0] for row in rows])
        with cursor.copy(f"COPY {self.table} (word, {self.key}, in_name) FROM STDIN") as copy:
            for pk, name, body in rows:
                in_name = set(name.split())
                for word in in_name:
                    copy.write_row((word, pk, True))
                for word in set(body.split()) - in_name:
                    copy.write_row((word, pk, False))

    def delete(self, cursor, ids):
        if ids:
            cursor.execute(f"DELETE FROM {self.table} WHERE {self.key} = ANY(%s)", [list(ids)])

    def clear(self, cursor):
        cursor.execute(f"TRUNCATE {self.table}")

    def term_sql(self, term, among=None):
        """Like SqliteFullText.term_sql. An entry with several words starting
        with the term comes several times; the bitmaps do not mind."""
        key = self.key
        sql = (
            f"SELECT string_agg({key}::text, ','), string_agg({key}::text, ',') FILTER (WHERE in_name) "
            f"FROM {self.table} WHERE word >= %s AND word < %s"
        )
        if among:
            return f"{sql} AND {key} = ANY(%s)", [term, term + LAST, list(among)]
        return sql, [term, term + LAST]


def for_connection(conn=None, table=TABLE):
    vendor = (conn or connection).vendor
    if vendor == "sqlite":
        return SqliteFullText(table)
    if vendor == "postgresql":
        return PostgresFullText(table)
    raise NotImplementedError(f"The database search backend supports SQLite and PostgreSQL, not {vendor}.")
