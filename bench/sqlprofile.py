"""Where a search spends its time in SQL: every statement a search runs,
sorted into kinds (total, page of ids, facet counts, page suppliers…) and
timed by replaying it alone with all its rows fetched, and the query plan of
the slowest statement of each kind (EXPLAIN QUERY PLAN on SQLite, EXPLAIN
ANALYZE on PostgreSQL).

Replaying matters on SQLite: `cursor.execute` returns at the first row and
the rest of the work happens while rows are fetched, so a timer around
execute alone misses most of the cost of a streamed GROUP BY."""

import time
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection

KINDS = (
    "facet vocabulary (small tables)",
    "index version",
    "total (COUNT)",
    "facet counts and total (UNION ALL of GROUP BYs)",
    "facet counts (GROUP BY)",
    "full text: a word's matches",
    "page of ids, by name, price or newest",
    "page cards",
    "page suppliers",
    "page suppliers' relations (prefetch)",
    "other",
)
OUTSIDE = "outside SQL (ORM, Python, cache)"
INDEXES = ("supplier", "product")


def classify(sql: str) -> str:
    """The kind of a statement that search.selectors.supplier_search or
    product_search runs (by the tables it reads, whether the ORM or raw SQL
    wrote it); the supplier and the product index have the same kinds."""
    plain = sql.replace('"', "")
    if "_prefetch_related_val" in plain:
        return "page suppliers' relations (prefetch)"
    if any(f"search_{index}facetentry" in plain for index in INDEXES) and "GROUP BY" in plain:
        if " UNION " in plain:
            return "facet counts and total (UNION ALL of GROUP BYs)"
        return "facet counts (GROUP BY)"
    if "search_indexstate" in plain:
        return "index version"
    if any(f"search_{index}_{table}" in plain for index in INDEXES for table in ("fulltext", "words")):
        return "full text: a word's matches"
    entries = [f"search_{index}entry" for index in INDEXES if f"search_{index}entry" in plain]
    if "COUNT(*)" in plain and entries:
        return "total (COUNT)"
    if any(f"{table}.card" in plain for table in entries):
        return "page cards"
    if "ORDER BY" in plain and entries:
        return "page of ids, by name, price or newest"
    if "FROM organisations_supplier" in plain:
        return "page suppliers"
    if any(f"FROM organisations_{table}" in plain for table in ("sector", "network", "label", "region", "impactarea")):
        return "facet vocabulary (small tables)"
    if "FROM catalogue_category" in plain or "FROM catalogue_productclass" in plain:
        return "facet vocabulary (small tables)"
    return "other"


@dataclass
class Statement:
    kind: str
    sql: str
    params: tuple
    seconds: float


@contextmanager
def recording(statements: list):
    """Append every statement run on the default connection, with its duration."""

    def wrapper(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            statements.append(Statement(classify(sql), sql, tuple(params or ()), time.perf_counter() - started))

    with connection.execute_wrapper(wrapper):
        yield statements


@contextmanager
def counting(counter: list):
    """Count statements (counter[0]) at the cost of one function call each."""

    def wrapper(execute, sql, params, many, context):
        counter[0] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield counter


def replay(statement: Statement, repeat: int = 3) -> float:
    """Seconds to run the statement and fetch all its rows: the best of `repeat`
    runs (one run when it is slow: a statement of seconds needs no more)."""
    best = float("inf")
    for attempt in range(repeat):
        with connection.cursor() as cursor:
            started = time.perf_counter()
            cursor.execute(statement.sql, statement.params)
            cursor.fetchall()
            best = min(best, time.perf_counter() - started)
        if attempt == 0 and best > 0.2:
            break
    return best


def summarize(statements) -> list[dict]:
    """Per kind: statements, total and mean milliseconds, share of the total; the costliest kind first."""
    by_kind = defaultdict(list)
    for statement in statements:
        by_kind[statement.kind].append(statement.seconds)
    everything = sum(s.seconds for s in statements) or 1.0
    rows = [
        {
            "kind": kind,
            "statements": len(seconds),
            "total_ms": round(1000 * sum(seconds), 2),
            "mean_ms": round(1000 * sum(seconds) / len(seconds), 3),
            "max_ms": round(1000 * max(seconds), 2),
            "share": round(sum(seconds) / everything, 4),
        }
        for kind, seconds in by_kind.items()
    ]
    return sorted(rows, key=lambda row: -row["total_ms"])


def explain(sql: str, params) -> str:
    """The database's plan for one statement (with actual timings on PostgreSQL)."""
    prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN (ANALYZE, BUFFERS) "
    with connection.cursor() as cursor:
        cursor.execute(prefix + sql, params)
        rows = cursor.fetchall()
    if connection.vendor == "sqlite":
        return "\n".join(f"{row[0]:>4} {row[1]:>4} {row[3]}" for row in rows)
    return "\n".join(row[0] for row in rows)
