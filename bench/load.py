#!/usr/bin/env python
"""Pages under load, beside a bare Django view measured in the same run (`make bench-load`).

    python bench/load.py [--clients 8] [--requests 300] [--workers 2]

What it does, on this machine:
1. the demo data in a SQLite database of its own (tmp/bench/load.sqlite3; `manage.py dev_prepare`, kept between
   runs), static files collected with the production storage;
2. per page, the number of SQL queries one request makes, counted in a Django process with the same settings and
   data (Django's test client and CaptureQueriesContext: gunicorn's workers are not instrumented);
3. gunicorn with production settings (over plain HTTP on the loopback, the HTTPS redirect off), `--workers`
   processes, and a bare view (`BENCH_BARE_VIEW`: all middleware, no query, no template);
4. for each page, `--clients` concurrent clients send `--requests` GET requests after a warm-up; requests/s,
   p50 and p95 and the ratio of its throughput to the bare view's. Signed-in pages use the demo buyer's session.

Results: a table on the terminal and bench/results/load-<time>.json. The goal of issue 20: every page ≥ 0.3x the
bare view's throughput, and query counts that do not grow with the page's size."""

import argparse
import json
import os
import secrets
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
GOAL = 0.3


def environment(database: Path, static: Path, port: int, redis_url: str = "") -> dict:
    return {
        **os.environ,
        "REDIS_URL": redis_url,
        "DJANGO_SETTINGS_MODULE": "marketplace.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "DATABASE_URL": f"sqlite:///{database}",
        "STATIC_ROOT": str(static),
        "SERVE_MEDIA": "true",
        "BENCH_BARE_VIEW": "true",
        "LOG_LEVEL": "WARNING",
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
    }


def prepare(database: Path, static: Path) -> None:
    database.parent.mkdir(parents=True, exist_ok=True)
    dev = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "marketplace.settings.dev",
        "LOG_LEVEL": "WARNING",
        "DATABASE_URL": f"sqlite:///{database}",
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
    }
    subprocess.run([PYTHON, "manage.py", "dev_prepare"], cwd=ROOT, env=dev, check=True, stdout=subprocess.DEVNULL)
    if not (static / "staticfiles.json").exists():
        env = environment(database, static, 0)
        subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)


def plan() -> dict:
    """In a Django process: the pages to load, the buyer's session, and each page's query count."""
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from oscar.core.loading import get_model

    from cms.models import CaseStudyPage
    from marketplace.organisations.models import Supplier

    buyer = get_user_model().objects.get(email="buyer@example.com")
    session = __import__(settings.SESSION_ENGINE, fromlist=["SessionStore"]).SessionStore()
    session[SESSION_KEY] = str(buyer.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    session[HASH_SESSION_KEY] = buyer.get_session_auth_hash()
    session.create()
    supplier = Supplier.objects.verified().order_by("pk").first()
    product = get_model("catalogue", "Product").objects.filter(parent=None).order_by("pk").first()
    pages = [
        ("bare view", "/bench/bare/", False),
        ("home", "/", False),
        ("directory, filtered", reverse("organisations:supplier-list") + "?country=LU&sort=name", False),
        ("supplier profile", supplier.get_absolute_url(), False),
        ("product list", reverse("catalogue:index"), False),
        ("product page", product.get_absolute_url(), False),
        ("case study", CaseStudyPage.objects.live().order_by("pk").first().url, False),
        ("basket", reverse("basket:summary"), True),
        ("purchases", reverse("purchases:list"), True),
        ("needs", reverse("sourcing:need-list"), True),
    ]
    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    anonymous = Client(HTTP_HOST="127.0.0.1")
    found = []
    for name, url, signed_in in pages:
        browser = client if signed_in else anonymous
        browser.get(url)  # warm: thumbnails, caches
        with CaptureQueriesContext(connection) as queries:
            status = browser.get(url).status_code
        if status != 200:
            raise SystemExit(f"{name} ({url}) answered {status}")
        found.append({"name": name, "url": url, "signed_in": signed_in, "queries": len(queries)})
    return {"pages": found, "session": session.session_key, "cookie": settings.SESSION_COOKIE_NAME}


def load(base: str, page: dict, cookies: dict, clients: int, count: int) -> dict:
    local = threading.local()

    def one(_):
        if not hasattr(local, "session"):
            local.session = requests.Session()
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())} if page["signed_in"] else {}
        started = time.perf_counter()
        answer = local.session.get(base + page["url"], headers=headers, allow_redirects=False, timeout=60)
        elapsed = time.perf_counter() - started
        if answer.status_code != 200:
            raise RuntimeError(f"{page['name']}: {answer.status_code}")
        return elapsed

    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(one, range(clients * 2)))  # warm-up: connections, caches of every gunicorn worker
        started = time.perf_counter()
        latencies = sorted(pool.map(one, range(count)))
        wall = time.perf_counter() - started
    return {
        "requests_per_second": count / wall,
        "p50_ms": statistics.median(latencies) * 1000,
        "p95_ms": latencies[int(len(latencies) * 0.95) - 1] * 1000,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--redis-url",
        default="redis://127.0.0.1:6379/14",
        help="the shared cache of production (emptied first); '' for each process's own memory cache",
    )
    parser.add_argument("--plan", action="store_true", help=argparse.SUPPRESS)  # the Django half, in a subprocess
    args = parser.parse_args()
    if args.plan:
        print(json.dumps(plan()))
        return
    database, static = ROOT / "tmp" / "bench" / "load.sqlite3", ROOT / "tmp" / "bench" / "load-static"
    print("Preparing the demo database and static files...", flush=True)
    prepare(database, static)
    if args.redis_url:
        import redis

        redis.Redis.from_url(args.redis_url).flushdb()
    env = environment(database, static, args.port, args.redis_url)
    measured = json.loads(
        subprocess.run(
            [PYTHON, "bench/load.py", "--plan"],
            cwd=ROOT,
            env={**env, "PYTHONPATH": str(ROOT)},
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "marketplace.wsgi:application",
            "--bind",
            f"127.0.0.1:{args.port}",
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(120):
            try:
                if requests.get(base + "/health/", timeout=2).status_code == 200:
                    break
            except requests.RequestException:  # not listening yet, or still starting
                time.sleep(0.5)
        cookies = {measured["cookie"]: measured["session"]}
        results = []
        for page in measured["pages"]:
            results.append({**page, **load(base, page, cookies, args.clients, args.requests)})
            print(f"  {page['name']}: done", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)
    bare = results[0]["requests_per_second"]
    print(
        f"\nPages under load: gunicorn, {args.workers} workers, {args.clients} clients, {args.requests} requests "
        f"per page, production settings, demo data on SQLite, cache: {args.redis_url or 'per process'}\n"
    )
    print(f"| page | requests/s | p50 ms | p95 ms | queries | × bare view | goal ≥ {GOAL}× |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for row in results:
        ratio = row["requests_per_second"] / bare
        row["ratio"] = ratio
        met = "" if row is results[0] else ("met" if ratio >= GOAL else "not met")
        print(
            f"| {row['name']} | {row['requests_per_second']:.0f} | {row['p50_ms']:.0f} | {row['p95_ms']:.0f} "
            f"| {row['queries']} | {ratio:.2f} | {met} |"
        )
    out = ROOT / "bench" / "results" / f"load-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"workers": args.workers, "clients": args.clients, "results": results}, indent=2))
    print(f"\nWritten to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
