"""Benchmark: the anonymous section page, shared and cacheable, against a static twin.

Clients send no cookies (each request is a new reader). Prints throughput against a whitenoise
file of the same bytes (target >= 0.8x), checks the page sets no cookie, is public with an ETag
and answers 304 and HEAD, and prints the first-load weight with headers (gzip; target < 60 KB).

    .venv/bin/python bench/section_page.py [--seconds 3] [--rounds 2] [--clients 8] [--workers 2]
"""

import argparse
import re
import sys

from harness import Page, compare, gunicorn, request, site, write_twins

SECTION = "/chapters/networking-security/hpc-networking/"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    page = Page(name="anonymous section", path=SECTION, target=0.8)
    with site() as (env, _):
        write_twins(env, [page])
        with gunicorn(env, args.workers) as (port, _):
            shared = headers_check(port)
            print(
                f"gunicorn {args.workers} sync workers, {args.clients} clients without cookies, "
                f"{args.rounds} alternating rounds of {args.seconds:g} s\n"
            )
            fast = compare(
                port, [page], seconds=args.seconds, rounds=args.rounds, clients=args.clients
            )
            light = weight(port)
    sys.exit(0 if shared and fast and light else 1)


def headers_check(port: int) -> bool:
    """Shared-page headers: no cookie, public with max-age, ETag, 304 and HEAD."""
    status, body, headers = request(port, SECTION)
    etag = headers.get("ETag", "")
    _, again, _ = request(port, SECTION)
    conditional = request(port, SECTION, headers={"If-None-Match": etag})[0]
    head = request(port, SECTION, method="HEAD")[0]
    checks = {
        "200": status == 200,
        "byte-identical for two readers": body == again,
        "no Set-Cookie": headers["set-cookie-count"] == 0,
        "Cache-Control public, max-age": bool(
            re.search(r"public.*max-age=\d+|max-age=\d+.*public", headers.get("Cache-Control", ""))
        ),
        "ETag": bool(etag),
        "304 on If-None-Match": conditional == 304,
        "HEAD 200": head == 200,
        "CORP same-origin": headers.get("Cross-Origin-Resource-Policy") == "same-origin",
    }
    print(f"{SECTION}: {len(body):,} bytes; Cache-Control: {headers.get('Cache-Control')}")
    print("  " + "; ".join(f"{k}: {'yes' if v else 'NO'}" for k, v in checks.items()) + "\n")
    return all(checks.values())


def weight(port: int) -> bool:
    """First load of a section page as a browser fetches it: gzip/br, headers included."""
    accept = {"Accept-Encoding": "gzip, deflate, br"}
    _, body, headers = request(port, SECTION, headers=accept)
    raw = request(port, SECTION)[1]
    rows = [(f"{SECTION} ({headers.get('Content-Encoding', 'identity')})", body, headers)]
    for asset in re.findall(r'(?:href|src)="(/static/[^"]+\.(?:css|js|svg))"', raw.decode()):
        _, data, asset_headers = request(port, asset, headers=accept)
        rows.append(
            (f"{asset} ({asset_headers.get('Content-Encoding', 'identity')})", data, asset_headers)
        )
    total = 0
    for name, data, hdrs in rows:
        header_bytes = sum(len(k) + len(str(v)) + 4 for k, v in hdrs.items() if k[0].isupper()) + 17
        total += len(data) + header_bytes
        print(f"  {name:<62} {len(data):>7,} B body {header_bytes:>5,} B headers")
    verdict = "OK" if total < 60_000 else "ABOVE TARGET"
    print(f"first-load weight with headers: {total / 1000:.1f} KB (target < 60 KB) {verdict}")
    return total < 60_000


if __name__ == "__main__":
    main()
