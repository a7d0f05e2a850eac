#!/usr/bin/env python
"""The search benchmark behind `make bench`: suppliers, then products.

    python bench/run.py --suppliers 10000 [--products 100000] [--queries 300] [--databases sqlite,postgresql]

For each database, in its own subprocess (so that DATABASE_URL differs), on a
fresh database (a SQLite file under tmp/bench/, and PostgreSQL's
`responsible_bench`, created and dropped here): migrate, generate the suppliers
and their products (bench/generate.py) and build the search indexes, then for
suppliers (among them the "distance" category: within N km of a town, against a
baseline computing the haversine distance to every supplier in Python) and then for
products: warm up, time every query (bench/queries.py)
through the page's service, `search.selectors.supplier_search` /
`product_search` on `SupplierQuery` / `ProductQuery.from_params(params)`, and
through the naive ORM baseline (bench/baseline.py), interleaved A, B, A, B….
At 100,000 products the baseline costs seconds a query (tens of seconds for
a supplier text query, icontains over every product title), so it runs on a
sample of each kind (--product-baseline-queries 50, --supplier-baseline-queries
40 by default; 0 for all). Then check that
backend and baseline give the same totals and facet counts (required for
queries without text, counted for text queries), and profile the backend's
SQL statements by kind with the plan of the slowest of each.

Reports p50/p95/max per query category and the ratio p95(backend)/p95(baseline),
against the targets (suppliers: p95 ≤ 20 ms, products: p95 ≤ 30 ms; ratio ≤ 0.2
for both), as JSON and Markdown in bench/results/ (git-ignored). Timings are
never asserted; the exit status is non-zero only when a run fails or the two
disagree on a query without text."""

import argparse
import fcntl
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
if sys.path[0] == str(Path(__file__).resolve().parent):
    sys.path[0] = str(ROOT)  # import bench.* and the project, not bench/'s modules as top-level ones
RESULTS = ROOT / "bench" / "results"
SQLITE_PATH = ROOT / "tmp" / "bench" / "bench.sqlite3"
DEFAULT_POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/responsible_bench")
DATABASES = ("sqlite", "postgresql")
TARGETS = {"suppliers": (20.0, 0.2), "products": (30.0, 0.2)}  # bench -> (p95 ms, p95 ratio to the baseline)
PRODUCT_BASELINE_QUERIES = 50
# With 100,000 products a supplier text query costs the baseline tens of seconds
# (icontains over every product title, joined): it runs on a sample too.
SUPPLIER_BASELINE_QUERIES = 40
WARM_UP_QUERIES = 24


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--suppliers", type=int, default=10_000)
    parser.add_argument("--products", type=int, help="default: 10 per supplier")
    parser.add_argument(
        "--product-baseline-queries",
        type=int,
        default=PRODUCT_BASELINE_QUERIES,
        help="product queries the naive baseline also runs, spread evenly over the kinds (0: all)",
    )
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--databases", default=",".join(DATABASES), help="comma-separated: sqlite, postgresql")
    parser.add_argument("--postgres-url", default=DEFAULT_POSTGRES_URL, help="its database is dropped and recreated")
    parser.add_argument(
        "--supplier-baseline-queries",
        type=int,
        default=SUPPLIER_BASELINE_QUERIES,
        help="supplier queries the naive baseline also runs, spread evenly over the kinds (0: all)",
    )
    parser.add_argument("--benches", default="suppliers,products", help="comma-separated: suppliers, products")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark databases afterwards (to profile)")
    parser.add_argument(
        "--existing",
        action="store_true",
        help="measure the databases a --keep run left (same sizes and seed): no migration, generation or indexing",
    )
    parser.add_argument("--worker", choices=DATABASES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.products is None:
        args.products = 10 * args.suppliers
    if args.worker:
        return worker(args)
    return orchestrate(args)


# The parent process: one subprocess per database, then the summary ---------------


def orchestrate(args) -> int:
    RESULTS.mkdir(parents=True, exist_ok=True)
    SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
    lock = (SQLITE_PATH.parent / "run.lock").open("w")
    try:  # two runs in one checkout would delete each other's SQLite file and results
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        sys.exit("Another benchmark is running in this checkout; wait for it to finish.")
    names = [name.strip() for name in args.databases.split(",") if name.strip()]
    unknown = set(names) - set(DATABASES)
    if unknown:
        sys.exit(f"Unknown database(s) {', '.join(sorted(unknown))}: use {', '.join(DATABASES)}.")
    status, results, skipped = 0, [], {}
    for name in names:
        if args.existing:
            url = f"sqlite:///{SQLITE_PATH}" if name == "sqlite" else args.postgres_url
        else:
            url = _prepare_sqlite() if name == "sqlite" else _prepare_postgres(args.postgres_url)
        if url is None:
            skipped[name] = f"PostgreSQL is not reachable at {_hide_password(args.postgres_url)}"
            print(f"\n!!! WARNING: {skipped[name]}: the PostgreSQL run was SKIPPED.\n", file=sys.stderr)
            continue
        print(
            f"=== {name}: {args.suppliers} suppliers, {args.products} products, {args.queries} queries ===", flush=True
        )
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "marketplace.settings.dev",
            "DATABASE_URL": url,
            "DEBUG": "0",  # no query log kept in memory
            "ELASTICSEARCH_URL": "",  # the database backend is the one measured
            "REDIS_URL": "",  # a cache of this process only (facet labels), as on a fresh server
            "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "LOG_LEVEL": "WARNING",
        }
        output = RESULTS / f"{name}.json"
        output.unlink(missing_ok=True)
        command = [sys.executable, str(Path(__file__).resolve()), "--worker", name]
        command += ["--suppliers", str(args.suppliers), "--queries", str(args.queries), "--seed", str(args.seed)]
        command += ["--products", str(args.products), "--product-baseline-queries", str(args.product_baseline_queries)]
        command += ["--supplier-baseline-queries", str(args.supplier_baseline_queries)]
        command += ["--existing"] if args.existing else []
        command += ["--benches", args.benches]
        try:
            code = subprocess.run(command, env=env, cwd=ROOT, check=False).returncode
        finally:
            if not (args.keep or args.existing):
                _drop(name, url)
        if code not in (0, 1) or not output.exists():
            print(f"!!! The {name} run failed (exit status {code}).", file=sys.stderr)
            status = 2
            continue
        status = max(status, code)
        results.append(json.loads(output.read_text()))
    if results:
        summary = render_summary(results, skipped)
        (RESULTS / "summary.md").write_text(summary)
        (RESULTS / "summary.json").write_text(
            json.dumps({"runs": [_brief(r) for r in results], "skipped": skipped}, indent=2)
        )
        print("\n" + summary)
        written = "summary.md, summary.json, <database>.json, <database>-explain.txt"
        print(f"Written to {RESULTS.relative_to(ROOT)}/: {written}")
    return status


def _prepare_sqlite() -> str:
    SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{SQLITE_PATH}{suffix}").unlink(missing_ok=True)
    return f"sqlite:///{SQLITE_PATH}"


def _maintenance(url: str):
    """A connection to the server's `postgres` database, to create and drop the bench one."""
    import psycopg

    parts = urlsplit(url)
    return psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True, connect_timeout=5)


def _prepare_postgres(url: str) -> str | None:
    import psycopg
    from psycopg import sql

    name = urlsplit(url).path.lstrip("/")
    try:
        with _maintenance(url) as conn:
            users = conn.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s", [name]).fetchone()[0]
            if users:
                sys.exit(
                    f"The database {name} is in use (another benchmark?): pass --postgres-url with another "
                    "database name, or wait."
                )
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.OperationalError:
        return None
    return url


def _drop(name: str, url: str) -> None:
    if name == "sqlite":
        _prepare_sqlite()  # removes the file
        return
    from psycopg import sql

    with _maintenance(url) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(urlsplit(url).path[1:])))


def _hide_password(url: str) -> str:
    parts = urlsplit(url)
    if parts.password:
        parts = parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@"))
    return urlunsplit(parts)


# The worker: one database, inside Django ----------------------------------------


def worker(args) -> int:
    import django

    django.setup()

    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection

    from bench.baseline import baseline_product_search, baseline_search
    from bench.generate import generate
    from bench.queries import build_product_queries, build_queries
    from bench.visibility import searches_during_writes, write_to_visibility
    from search.backends import bitmaps
    from search.interface import ProductQuery, SupplierQuery
    from search.selectors import facet_vocabulary, product_facet_vocabulary, product_search, supplier_search

    if args.existing:
        migrate_seconds, (plans, report) = None, existing(args)
    else:
        started = time.perf_counter()
        call_command("migrate", interactive=False, verbosity=0)
        migrate_seconds = time.perf_counter() - started
        print(f"migrated in {migrate_seconds:.1f} s", flush=True)
        plans, report = generate(args.suppliers, args.seed, products=args.products)
    print(
        f"{'existing' if args.existing else 'generated'} {report.suppliers} suppliers ({report.verified} verified) "
        f"and {report.products} products ({report.searchable_products} searchable); indexed "
        + ", ".join(f"{n} {index}" for index, n in report.indexed.items())
        + (
            ""
            if args.existing
            else f"; {report.generate_seconds:.1f} s to generate, {report.index_seconds:.1f} s to index"
        ),
        flush=True,
    )
    if connection.vendor == "postgresql" and not args.existing:
        # What autovacuum does soon after such a load (statistics for the
        # planner, a visibility map for index-only scans). SQLite has no such
        # daemon and the project runs no ANALYZE there (beyond the index
        # rebuild's own), so SQLite gets none.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")

    def forget_counts():
        """Empty application caches (the backend may cache facet counts, and the
        database backend remembers texts in its snapshots), facet labels loaded again."""
        cache.clear()
        bitmaps.clear_word_caches()
        facet_vocabulary()
        product_facet_vocabulary()

    benches = {name.strip() for name in args.benches.split(",")}
    supplier_section = product_section = None
    if "suppliers" in benches:
        print("--- suppliers", flush=True)
        supplier_section = measure(
            "suppliers",
            build_queries(plans, args.queries, args.seed),
            backend=lambda params: supplier_search(SupplierQuery.from_params(params)),
            baseline=lambda params: baseline_search(SupplierQuery.from_params(params)),
            forget=forget_counts,
            baseline_queries=args.supplier_baseline_queries,
        )
    if "products" in benches:
        print("--- products", flush=True)
        product_section = measure(
            "products",
            build_product_queries(plans, args.queries, args.seed),
            backend=lambda params: product_search(ProductQuery.from_params(params)),
            baseline=lambda params: baseline_product_search(ProductQuery.from_params(params)),
            forget=forget_counts,
            baseline_queries=args.product_baseline_queries,
        )
    print("--- write to visibility", flush=True)
    visibility = write_to_visibility(samples=20, seed=args.seed)
    print("--- searches while writes happen", flush=True)
    during_writes = searches_during_writes(
        [query.params for query in build_product_queries(plans, args.queries, args.seed)],
        # The searches' own p95 (the products benchmark's, when it ran), else the goal's.
        reference=(
            ("the products benchmark's p95", product_section["stats"]["all"]["backend"]["p95"])
            if product_section
            else ("the products goal's p95", TARGETS["products"][0])
        ),
        seed=args.seed,
    )
    sections = (("Suppliers", supplier_section), ("Products", product_section))
    explains = [f"## {name}\n\n{section.pop('explain')}" for name, section in sections if section]
    (RESULTS / f"{args.worker}-explain.txt").write_text("\n".join(explains))

    result = {
        "database": args.worker,
        "server": _server_version(connection),
        "code": _code_version(),
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "suppliers": report.suppliers,
        "verified": report.verified,
        "products": report.products,
        "searchable_products": report.searchable_products,
        "categories": report.categories,
        "network_memberships": report.network_memberships,
        "seed": args.seed,
        "migrate_seconds": _round(migrate_seconds),
        "generate_seconds": _round(report.generate_seconds),
        "index_seconds": _round(report.index_seconds),
        "indexed": report.indexed,
        "scheduled_reindex_ids": report.scheduled_reindex_ids,
        "write_to_visibility": visibility,
        "searches_during_writes": during_writes,
        **(supplier_section or {}),  # the supplier bench at the top level, as before
        "product_bench": product_section,
    }
    (RESULTS / f"{args.worker}.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))
    status = 0
    for name, section in (("suppliers", supplier_section), ("products", product_section)):
        if section is None:
            continue
        disagreements = section["agreement"]["without_text_disagreeing"]
        if disagreements:
            print(
                f"!!! {name}: backend and baseline disagree on {len(disagreements)} queries without text:",
                file=sys.stderr,
            )
            for url in disagreements[:20]:
                print(f"    {url}", file=sys.stderr)
            status = 1
    return status


def existing(args):
    """The plans and a report of what a --keep run left in the database (timings unknown)."""
    from oscar.core.loading import get_model

    from bench.generate import GenerationReport, plan_suppliers
    from marketplace.organisations.models import NetworkMembership, Supplier
    from search.models import ProductEntry, SupplierEntry

    plans = plan_suppliers(args.suppliers, args.seed, args.products)
    products = get_model("catalogue", "Product").objects.count()
    if (Supplier.objects.count(), products) != (len(plans), sum(len(p.products) for p in plans)):
        sys.exit("--existing: the database holds other suppliers or products than these sizes generate.")
    return plans, GenerationReport(
        suppliers=len(plans),
        verified=sum(p.verified for p in plans),
        products=products,
        searchable_products=sum(len(p.searchable_products) for p in plans),
        categories=get_model("catalogue", "Category").objects.count(),
        network_memberships=NetworkMembership.objects.count(),
        generate_seconds=None,
        index_seconds=None,
        indexed={"suppliers": SupplierEntry.objects.count(), "products": ProductEntry.objects.count()},
        scheduled_reindex_ids=0,
    )


def _round(seconds):
    return None if seconds is None else round(seconds, 2)


def measure(name, queries, *, backend, baseline, forget, baseline_queries: int) -> dict:
    """Time every query through the backend, and through the baseline too
    (interleaved A, B, A, B…) for all of them (`baseline_queries` 0) or for the
    first `baseline_queries` / (number of categories) queries of each category
    (the product baseline takes seconds a query: all 300 would take an hour).
    Then repeat the backend with its cache warm, and profile its statements."""
    from bench import sqlprofile

    categories = list(dict.fromkeys(q.category for q in queries))
    if baseline_queries:
        per_category = max(1, baseline_queries // len(categories))
        sampled = {q.number for c in categories for q in [q for q in queries if q.category == c][:per_category]}
    else:
        sampled = {q.number for q in queries}

    step = max(1, len(queries) // WARM_UP_QUERIES)
    for query in queries[::step]:
        backend(query.params)
    for query in [q for q in queries if q.number in sampled][:: max(1, len(sampled) // 4)]:
        baseline(query.params)

    # Timed: the application cache starts empty, so a query's counts come from
    # the cache only when an earlier, different query of the run needed the
    # same ones (as on a live site: the unfiltered counts, paging…).
    forget()
    rows = []
    gc.collect()
    for query in queries:
        a_count, b_count = [0], [0]
        with sqlprofile.counting(a_count):
            t0 = time.perf_counter()
            found = backend(query.params)
            a_ms = 1000 * (time.perf_counter() - t0)
        counts = {facet: {c.value: c.count for c in shown if c.count} for facet, shown in found.facets.items()}
        row = {
            "number": query.number,
            "category": query.category,
            "url": str(query),
            "has_text": query.has_text,
            "backend_ms": round(a_ms, 3),
            "backend_statements": a_count[0],
            "backend_total": found.total,
            "page_size": len(found.hits),
            "baseline_ms": None,
        }
        if query.number in sampled:
            with sqlprofile.counting(b_count):
                t0 = time.perf_counter()
                expected = baseline(query.params)
                b_ms = 1000 * (time.perf_counter() - t0)
            row.update(
                {
                    "baseline_ms": round(b_ms, 3),
                    "baseline_statements": b_count[0],
                    "baseline_total": expected.total,
                    "totals_agree": found.total == expected.total,
                    "counts_agree": {f: counts.get(f, {}) for f in expected.counts} == expected.counts,
                    "pages_agree": [hit.id for hit in found.hits] == expected.ids,
                }
            )
        rows.append(row)
        if (query.number + 1) % 50 == 0:
            print(f"  {name}: {query.number + 1}/{len(queries)} queries", flush=True)

    # Repeated: the same queries again, whatever the backend cached now warm.
    for query, row in zip(queries, rows, strict=True):
        t0 = time.perf_counter()
        backend(query.params)
        row["backend_repeat_ms"] = round(1000 * (time.perf_counter() - t0), 3)

    # Profile: the backend once more with nothing cached, every statement
    # classified and replayed alone to time it (best of 3, like the whole
    # search); the rest of the search's time is outside SQL.
    print(f"  {name}: profiling the backend's SQL statements", flush=True)
    statements, per_category, slowest = [], {}, {}
    for query in queries:
        whole = float("inf")
        for _attempt in range(3):
            mine = []
            forget()
            with sqlprofile.recording(mine):
                t0 = time.perf_counter()
                backend(query.params)
                whole = min(whole, time.perf_counter() - t0)
            if whole > 0.5:
                break
        for statement in mine:
            statement.seconds = sqlprofile.replay(statement)
        outside = max(0.0, whole - sum(statement.seconds for statement in mine))
        mine.append(sqlprofile.Statement(sqlprofile.OUTSIDE, "", (), outside))
        statements += mine
        per_category.setdefault(query.category, []).extend(mine)
        for statement in mine[:-1]:
            if statement.kind not in slowest or statement.seconds > slowest[statement.kind][0].seconds:
                slowest[statement.kind] = (statement, str(query))
    explains = []
    for kind in sqlprofile.KINDS:
        if kind in slowest:
            statement, url = slowest[kind]
            explains.append(
                f"### {kind}: {1000 * statement.seconds:.2f} ms, query {url}\n\n{statement.sql}\n"
                f"params: {statement.params!r}\n\n{sqlprofile.explain(statement.sql, statement.params)}\n"
            )
    return {
        "stats": statistics_by_category(rows),
        "agreement": agreement(rows),
        "baseline_queries": len(sampled),
        "profile": sqlprofile.summarize(statements),
        "profile_by_category": {category: sqlprofile.summarize(s) for category, s in per_category.items()},
        "queries": rows,
        "explain": "\n".join(explains),
    }


def _code_version() -> str:
    """The commit measured, and whether search/ or bench/ had uncommitted changes."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "search", "bench"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{commit} (with uncommitted changes in search/ or bench/)" if dirty else commit


def _server_version(connection) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT sqlite_version()")
            return f"SQLite {cursor.fetchone()[0]}"
        cursor.execute("SHOW server_version")
        return f"PostgreSQL {cursor.fetchone()[0]}"


# Statistics and reports ------------------------------------------------------------


def percentile(values, p: float) -> float:
    values = sorted(values)
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(p) - 1]


def _stats(values) -> dict:
    if not values:
        return {}
    return {
        "p50": percentile(values, 50),
        "p95": percentile(values, 95),
        "max": max(values),
        "mean": statistics.mean(values),
    }


def _rounded(stats: dict) -> dict:
    return {k: round(v, 2) for k, v in stats.items()}


def statistics_by_category(rows) -> dict:
    """Per query category (and "all"): the backend over every query, the
    baseline over the queries it ran (all, or a sample), and their ratios."""
    groups = {"all": rows}
    for row in rows:
        groups.setdefault(row["category"], []).append(row)
    stats = {}
    for name, group in groups.items():
        compared = [r for r in group if r["baseline_ms"] is not None]
        backend = _stats([r["backend_ms"] for r in group])
        baseline = _stats([r["baseline_ms"] for r in compared])
        repeat = _stats([r["backend_repeat_ms"] for r in group if "backend_repeat_ms" in r])
        stats[name] = {
            "queries": len(group),
            "baseline_queries": len(compared),
            "backend": _rounded(backend),
            "backend_repeat": _rounded(repeat),
            "baseline": _rounded(baseline),
            "p95_ratio": round(backend["p95"] / baseline["p95"], 4) if baseline else None,
            "p50_ratio": round(backend["p50"] / baseline["p50"], 4) if baseline else None,
            "statements": {
                "backend": round(statistics.mean(r["backend_statements"] for r in group), 1),
                "baseline": round(statistics.mean(r["baseline_statements"] for r in compared), 1) if compared else None,
            },
            "empty": sum(1 for r in group if r["backend_total"] == 0),
        }
    return stats


def agreement(rows) -> dict:
    """Totals and facet counts of the backend and the baseline, on the queries both ran."""

    def agrees(row):
        return row["totals_agree"] and row["counts_agree"]

    compared = [r for r in rows if "totals_agree" in r]
    without_text = [r for r in compared if not r["has_text"]]
    with_text = [r for r in compared if r["has_text"]]
    return {
        "without_text": len(without_text),
        "without_text_agreeing": sum(agrees(r) for r in without_text),
        "without_text_disagreeing": [r["url"] for r in without_text if not agrees(r)],
        "with_text": len(with_text),
        "with_text_agreeing": sum(agrees(r) for r in with_text),
        "with_text_differing": [
            {"url": r["url"], "backend_total": r["backend_total"], "baseline_total": r["baseline_total"]}
            for r in with_text
            if not agrees(r)
        ],
        "pages_identical": sum(r["pages_agree"] for r in compared),
        "compared": len(compared),
    }


def _brief(result) -> dict:
    keys = ("database", "server", "code", "date", "suppliers", "verified", "products", "searchable_products")
    keys += ("migrate_seconds", "generate_seconds", "index_seconds", "indexed")
    brief = {key: result[key] for key in keys}
    for bench, section in _sections(result):
        agreement = section["agreement"]
        brief[bench] = {
            "stats": section["stats"],
            "profile": section["profile"],
            "agreement": {key: value for key, value in agreement.items() if not isinstance(value, list)}
            | {"with_text_differing": len(agreement["with_text_differing"])},
            "targets": _targets(section, bench),
        }
    return brief


def _sections(result):
    """(bench, section): the supplier bench (at the top level) and the product bench."""
    if "stats" in result:
        yield "suppliers", result
    if result.get("product_bench"):
        yield "products", result["product_bench"]


def _targets(section, bench: str) -> dict:
    target_ms, target_ratio = TARGETS[bench]
    overall = section["stats"]["all"]
    ratio = overall["p95_ratio"]
    return {
        "p95_ms": overall["backend"]["p95"],
        "p95_target_ms": target_ms,
        "p95_met": overall["backend"]["p95"] <= target_ms,
        "ratio": ratio,
        "ratio_target": target_ratio,
        "ratio_met": ratio is not None and ratio <= target_ratio,
    }


def render_summary(results, skipped) -> str:
    first = results[0]
    lines = [
        "# Search benchmark",
        "",
        f"{first['suppliers']:,} suppliers ({first['verified']:,} verified), {first['products']:,} products "
        f"({first['searchable_products']:,} public ones of verified suppliers), "
        + " and ".join(f"{len(section['queries'])} {bench[:-1]}" for bench, section in _sections(first))
        + f" queries, seed {first['seed']}; {first['machine']}, "
        f"Python {first['python']}, {first['date']}, code {first['code']}. Milliseconds per search: the database "
        "backend through `supplier_search` / `product_search` (page cards included) against the naive ORM "
        "baseline, interleaved in one run, the application cache empty at the start; *repeat* runs the same "
        "queries again with whatever the backend cached. The baseline runs on a sample of each kind "
        "(column *n base*): at this size it costs seconds a query, tens of seconds for supplier text.",
        "",
    ]
    for result in results:
        lines += [
            f"## {result['server']}",
            "",
            f"Migrate {_seconds(result['migrate_seconds'])}, generate {_seconds(result['generate_seconds'])}, "
            f"index {_seconds(result['index_seconds'])} ("
            + ", ".join(f"{n:,} {index}" for index, n in result["indexed"].items())
            + ").",
            "",
        ]
        if visibility := result.get("write_to_visibility"):
            lines += [
                f"Write to visibility (a product renamed and committed, then found by a text search), "
                f"{visibility['samples']} writes: p50 {visibility['p50_ms']} ms, max {visibility['max_ms']} ms "
                f"(goal ≤ {visibility['goal_ms']} ms: {'met' if visibility['met'] else 'not met'}); "
                f"the search that first sees each write, patching the index's snapshot: "
                f"p50 {visibility['search_p50_ms']} ms, max {visibility['search_max_ms']} ms.",
                "",
            ]
        if during := result.get("searches_during_writes"):
            quiet, busy = during["quiet"], during["during"]
            lines += [
                f"Searches while writes happen (another process runs the {during['queries']} product queries twice, "
                f"then {during['searches']} of them while this one renames a product every "
                f"{during['write_every_ms']} ms, {during['writes']} writes): p50 / p95 / max "
                f"{quiet['p50_ms']} / {quiet['p95_ms']} / {quiet['max_ms']} ms without writes (word caches warm), "
                f"{busy['p50_ms']} / {busy['p95_ms']} / {busy['max_ms']} ms with them; goal: p95 with writes ≤ "
                f"{during['reference']} {during['reference_p95_ms']} ms: {'met' if during['met'] else 'not met'}.",
                "",
            ]
        for bench, section in _sections(result):
            lines += _render_section(bench, section)
    for name, reason in skipped.items():
        lines += [f"## {name}: skipped", "", reason + ".", ""]
    return "\n".join(lines)


def _seconds(value) -> str:
    return "– (an existing database)" if value is None else f"{value:.1f} s"


def _render_section(bench: str, section: dict) -> list[str]:
    targets = _targets(section, bench)
    agreement = section["agreement"]
    lines = [
        f"### {bench.capitalize()}",
        "",
        "| queries | n | n base | backend p50 | p95 | max | baseline p50 | p95 | max | p95 ratio | SQL statements "
        "| repeat p50 | p95 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, s in section["stats"].items():
        a, b, r = s["backend"], s["baseline"], s["backend_repeat"]
        ratio = f"{s['p95_ratio']:.3f}" if s["p95_ratio"] is not None else "–"
        baseline_statements = s["statements"]["baseline"]
        lines.append(
            f"| {name} | {s['queries']} | {s['baseline_queries']} | {a['p50']:.1f} | {a['p95']:.1f} | "
            f"{a['max']:.1f} | {b.get('p50', 0):.1f} | {b.get('p95', 0):.1f} | {b.get('max', 0):.1f} | {ratio} | "
            f"{s['statements']['backend']:g} / {baseline_statements if baseline_statements is not None else '–'} | "
            f"{r.get('p50', 0):.1f} | {r.get('p95', 0):.1f} |"
        )
    mark = {True: "met", False: "MISSED"}
    ratio = f"{targets['ratio']:.3f}" if targets["ratio"] is not None else "–"
    lines += [
        "",
        f"- p95 ≤ {targets['p95_target_ms']:g} ms: **{mark[targets['p95_met']]}** ({targets['p95_ms']:.1f} ms)",
        f"- p95 ratio ≤ {targets['ratio_target']:g}: **{mark[targets['ratio_met']]}** ({ratio})",
        f"- Agreement: {agreement['without_text_agreeing']}/{agreement['without_text']} queries without text "
        f"give the same total and facet counts; {len(agreement['with_text_differing'])}/{agreement['with_text']} "
        "text queries differ (icontains matches inside words and is accent-sensitive; the backend matches "
        "word prefixes ignoring accents).",
        "",
        "Backend time by SQL statement kind, nothing cached (each statement replayed alone, rows fetched):",
        "",
        "| statement | count | total ms | mean ms | max ms | share |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {p['kind']} | {p['statements']} | {p['total_ms']:.0f} | {p['mean_ms']:.2f} | {p['max_ms']:.1f} | "
        f"{100 * p['share']:.0f} % |"
        for p in section["profile"]
    ]
    lines.append("")
    return lines


if __name__ == "__main__":
    sys.exit(main())
