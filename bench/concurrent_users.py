#!/usr/bin/env python
"""Many people at once against a running server, as `make run` serves it:

    python bench/concurrent_users.py --url http://127.0.0.1:8000 [--users 20] [--rounds 5]

Each simulated person signs in as a demo user in their own session (buyers as
buyer@example.com, who shares one basket with themselves, suppliers as supplier@,
supplier2@, supplier3@), then, every round at the same moment as the others: a
buyer adds a product to the basket and opens the checkout; a supplier saves its
profile unchanged and opens its dashboard's orders. Loopback only; a fixed number
of requests; it stops by itself. Reports every answer that is neither 2xx nor 3xx,
and whether the basket holds exactly one unit per add (no lost update)."""

import argparse
import re
import sys
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import requests

PASSWORD = "responsible-demo"
SUPPLIERS = ["supplier@example.com", "supplier2@example.com", "supplier3@example.com"]


def csrf(session, url):
    page = session.get(url, timeout=60)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    return token.group(1) if token else session.cookies.get("csrftoken", "")


def sign_in(base, email):
    session = requests.Session()
    token = csrf(session, f"{base}/accounts/sign-in/")
    answer = session.post(
        f"{base}/accounts/sign-in/",
        {"csrfmiddlewaretoken": token, "username": email, "password": PASSWORD},
        headers={"Referer": f"{base}/accounts/sign-in/"},
        timeout=60,
    )
    answer.raise_for_status()
    return session


def form_fields(html):
    """The values of a form's text inputs, selects and textareas, as a browser sends them back."""
    fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', html))
    for name, body in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', html, re.S):
        fields[name] = body.strip("\n")
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        chosen = re.findall(r'<option value="([^"]*)"[^>]*selected', body)
        fields[name] = chosen if len(chosen) > 1 else (chosen[0] if chosen else "")
    for name in re.findall(r'<input[^>]*type="checkbox"[^>]*name="([^"]+)"[^>]*checked', html):
        fields.setdefault(name, "on")
    return fields


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    base = args.url.rstrip("/")
    if urlsplit(base).hostname not in {"127.0.0.1", "localhost", "::1"}:
        sys.exit("Only a server on this machine (loopback) may be loaded.")

    buyers = max(1, args.users - len(SUPPLIERS))
    people = [("buyer", sign_in(base, "buyer@example.com")) for _ in range(buyers)]
    people += [("supplier", sign_in(base, email)) for email in SUPPLIERS[: args.users - buyers]]
    product, step = product_to_add(people[0][1], base)
    before = basket_units(people[0][1], base)

    statuses, lock = Counter(), threading.Lock()
    start = threading.Barrier(len(people))

    def note(answer):
        with lock:
            statuses[answer.status_code] += 1

    def act(person):
        role, session = person
        for _ in range(args.rounds):
            start.wait()
            if role == "buyer":
                token = session.cookies.get("csrftoken", "")
                note(
                    session.post(
                        f"{base}/shop/basket/add/{product}/",
                        {"csrfmiddlewaretoken": token, "quantity": str(step)},
                        headers={"Referer": f"{base}/shop/"},
                        timeout=60,
                        allow_redirects=False,
                    )
                )
                note(session.get(f"{base}/shop/checkout/", timeout=60))
            else:
                home = session.get(f"{base}/accounts/", timeout=60).text
                slug = re.search(r"/suppliers/([^/\"]+)/edit/", home).group(1)
                edit = f"{base}/suppliers/{slug}/edit/"
                page = session.get(edit, timeout=60)
                note(page)
                note(session.post(edit, form_fields(page.text), headers={"Referer": edit}, timeout=60))
                note(session.get(f"{base}/shop/dashboard/orders/", timeout=60))

    with ThreadPoolExecutor(max_workers=len(people)) as pool:
        list(pool.map(act, people))

    added = buyers * args.rounds * step
    after = basket_units(people[0][1], base)
    failed = sum(count for status, count in statuses.items() if status >= 400)
    print(f"{len(people)} people, {sum(statuses.values())} requests: {dict(sorted(statuses.items()))}")
    print(f"answers of 400 or more: {failed}; basket units {before} -> {after} for {added} adds")
    sys.exit(1 if failed or after - before != added else 0)


def product_to_add(session, base):
    """(id, quantity per add) of the first product on the catalogue whose page offers the basket."""
    catalogue = session.get(f"{base}/shop/catalogue/", timeout=60).text
    for path in dict.fromkeys(re.findall(r'href="(/shop/catalogue/[a-z0-9-]+_\d+/)"', catalogue)):
        page = session.get(base + path, timeout=60).text
        form = re.search(r'action="/shop/basket/add/(\d+)/"', page)
        if form:
            quantity = re.search(r'name="quantity"[^>]*value="(\d+)"', page) or re.search(
                r'value="(\d+)"[^>]*name="quantity"', page
            )
            return int(form.group(1)), int(quantity.group(1)) if quantity else 1
    sys.exit("No product on the catalogue can go in the basket.")


def basket_units(session, base):
    page = session.get(f"{base}/shop/basket/", timeout=60).text
    return sum(int(n) for n in re.findall(r'name="form-\d+-quantity"[^>]*value="(\d+)"', page))


if __name__ == "__main__":
    main()
