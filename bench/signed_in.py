"""Benchmark: signed-in pages (section, Your progress, take, results) against static twins.

Each page is requested with its learner's session cookie and compared with a whitenoise file of
the same bytes, in alternating rounds of one run (targets: section >= 0.25x, the others
>= 0.15x). The learners and attempts live in a throw-away database.

    .venv/bin/python bench/signed_in.py [--seconds 3] [--rounds 2] [--clients 8] [--workers 2]
"""

import argparse
import sys

from harness import Page, compare, gunicorn, request, site, write_twins

CH = "networking-security"
SETUP = f"""
import json
from django.contrib.auth.models import User
from django.test import Client

def learner(name):
    client = Client(HTTP_HOST="localhost")
    client.force_login(User.objects.create_user(name))
    client.get("/chapters/{CH}/hpc-networking/")
    client.post("/chapters/{CH}/hpc-networking/complete/")
    return client, "sessionid=" + client.cookies["sessionid"].value

taker, taker_cookie = learner("taker")
take = taker.post("/quiz/chapters/{CH}/assessments/pre/start/")["Location"]
done, done_cookie = learner("done")
results = done.post("/quiz/chapters/{CH}/assessments/pre/start/")["Location"]
done.post(results + "save/", {{"submit": "1", "confirm": "1"}})
print(json.dumps({{"take": [take, taker_cookie], "results": [results, done_cookie]}}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with site(SETUP) as (env, made):
        take, taker = made["take"]
        results, done = made["results"]
        pages = [
            Page(
                name="signed-in section",
                path=f"/chapters/{CH}/network-policies/",
                cookie=taker,
                target=0.25,
            ),
            Page(name="your progress", path="/progress/", cookie=done, target=0.15),
            Page(name="take page", path=take, cookie=taker, target=0.15),
            Page(name="results page", path=results, cookie=done, target=0.15),
        ]
        write_twins(env, pages)
        with gunicorn(env, args.workers) as (port, _):
            for page in pages:
                status, body, headers = request(port, page.path, headers={"Cookie": page.cookie})
                assert status == 200, (page.path, status)
                assert "Log out" in body.decode(), f"{page.path}: not signed in"
                print(
                    f"{page.name:<22} {page.path}: {len(body):,} B, "
                    f"Cache-Control: {headers.get('Cache-Control')}"
                )
            print(
                f"\ngunicorn {args.workers} sync workers, {args.clients} clients, "
                f"{args.rounds} alternating rounds of {args.seconds:g} s per page\n"
            )
            ok = compare(
                port, pages, seconds=args.seconds, rounds=args.rounds, clients=args.clients
            )
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
