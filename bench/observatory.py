"""MDN HTTP Observatory score of the production configuration: gunicorn behind deploy/ nginx.

Serves the app with production settings behind nginx rendered from deploy/nginx_conf.py, with a
self-signed certificate for `localhost` that the scanner is told to trust, all on 127.0.0.1
(bench/production_site.py), and scores the home page, a section page and the log-in page with the
Observatory's own retriever, tests and grader. The Observatory lives outside the repository:

    mkdir -p /tmp/obs && (cd /tmp/obs && npm i --ignore-scripts @mdn/mdn-http-observatory)
    .venv/bin/python bench/observatory.py [--observatory /tmp/obs] [--json]

Skips (exit 0, with a message) when node, the package, nginx or openssl is missing. Exits 1
unless every page grades A+.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from observatory_node import NODE_SCRIPT
from production_site import Site, nginx_binary, production_site

PAGES = ["/", "/chapters/networking-security/hpc-networking/", "/accounts/login/"]
PACKAGE = Path("node_modules") / "@mdn" / "mdn-http-observatory"


def missing(observatory: Path) -> str:
    """Why the measurement cannot run here ('' when it can)."""
    if not shutil.which("node"):
        return "node is not installed"
    if not (observatory / PACKAGE / "src" / "retriever" / "retriever.js").exists():
        return (
            f"@mdn/mdn-http-observatory is not installed under {observatory} "
            f"(cd {observatory} && npm i --ignore-scripts @mdn/mdn-http-observatory)"
        )
    if not nginx_binary():
        return "nginx is not installed (apt-get install nginx-light)"
    if not shutil.which("openssl"):
        return "openssl is not installed"
    return ""


def score(observatory: Path, site: Site) -> list[dict]:
    """Run the Observatory over every page; one result dict per page."""
    package = observatory / PACKAGE
    preload = package / "conf" / "hsts-preload.json"
    if not preload.exists():  # normally downloaded by the postinstall we skip: an empty list
        preload.write_text("{}")
    with tempfile.TemporaryDirectory(prefix="studyhall-observatory-") as scratch:
        script = Path(scratch) / "observatory.mjs"
        script.write_text(NODE_SCRIPT.replace("@PACKAGE@", (package / "src").as_uri()))
        env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}  # loopback only
        env.update(NODE_EXTRA_CA_CERTS=str(site.cert), NODE_OPTIONS="--dns-result-order=ipv4first")
        ports = [str(site.http_port), str(site.https_port)]
        command = ["node", str(script), site.host, *ports, *PAGES]
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"observatory script failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout)


def report(results: list[dict]) -> bool:
    """Print score, grade and each test's result per page; True when every page gets an A+."""
    for page in results:
        print(
            f"{page['path']}: {page['score']}/100, grade {page['grade']} "
            f"({page['passed']} of {page['quantity']} tests passed, HTTP {page['status']})"
        )
        route = " -> ".join(page["route"]) or "none"
        print(f"  TLS certificate verified: {page['verified']}; http:// route: {route}")
        for test in page["tests"]:
            mark = "pass" if test["pass"] else "FAIL"
            print(f"  {mark:4} {test['modifier']:+4d}  {test['name']:32} {test['result']}")
        print()
    return all(page["grade"] == "A+" for page in results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(tempfile.gettempdir()) / "obs"
    parser.add_argument(
        "--observatory",
        type=Path,
        default=default,
        help="folder holding node_modules/@mdn/mdn-http-observatory",
    )
    parser.add_argument("--json", action="store_true", help="also print the raw results as JSON")
    args = parser.parse_args()
    why = missing(args.observatory)
    if why:
        print(f"SKIP: {why}")
        return
    with production_site() as site:
        results = score(args.observatory, site)
    if args.json:
        print(json.dumps(results, indent=2))
    sys.exit(0 if report(results) else 1)


if __name__ == "__main__":
    main()
