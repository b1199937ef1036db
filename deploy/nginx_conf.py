"""Render deploy/nginx/studyhall.conf.in for one site, or a whole nginx.conf for a test prefix.

    python deploy/nginx_conf.py --server-name study.example.org \\
        --upstream 10.0.0.11:8000 --upstream 10.0.0.12:8000 \\
        --tls-cert /etc/ssl/study.pem --tls-key /etc/ssl/private/study.key \\
        --static-root /srv/studyhall/staticfiles > /etc/nginx/conf.d/studyhall.conf
"""

import argparse
import os
from pathlib import Path

TEMPLATE = Path(__file__).with_name("nginx") / "studyhall.conf.in"
MIME_TYPES = "/etc/nginx/mime.types"


def render_site(
    *,
    upstreams: list[str],
    server_name: str,
    tls_cert: str,
    tls_key: str,
    static_root: str,
    http_listen: str = "80",
    https_listen: str = "443",
) -> str:
    """The site configuration (http context) with every placeholder filled."""
    servers = "\n".join(f"    server {u} max_fails=3 fail_timeout=10s;" for u in upstreams)
    values = {
        "UPSTREAM_SERVERS": servers,
        "SERVER_NAME": server_name,
        "TLS_CERT": tls_cert,
        "TLS_KEY": tls_key,
        "STATIC_ROOT": static_root.rstrip("/"),
        "HTTP_LISTEN": http_listen,
        "HTTPS_LISTEN": https_listen,
    }
    text = TEMPLATE.read_text()
    for name, value in values.items():
        text = text.replace(f"@{name}@", value)
    if "@" in _code(text):
        raise ValueError("a placeholder was left unfilled")
    return text


def _code(text: str) -> str:
    """The configuration without comments (placeholders only matter in directives)."""
    return "\n".join(line.split("#", 1)[0] for line in text.splitlines())


def render_standalone(*, prefix: Path, site: str) -> str:
    """A whole nginx.conf running unprivileged under `prefix` (tests, local trials)."""
    for folder in ("logs", "tmp"):
        (prefix / folder).mkdir(parents=True, exist_ok=True)
    (prefix / "site.conf").write_text(site)
    temp = "\n".join(
        f"    {kind}_temp_path {prefix / 'tmp' / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    # As root, workers would drop to `nobody`, who cannot read a private test directory.
    user = "user root;\n" if os.geteuid() == 0 else ""
    return f"""{user}worker_processes 1;
pid {prefix / "nginx.pid"};
error_log {prefix / "logs" / "error.log"} warn;
daemon off;
events {{ worker_connections 256; }}
http {{
    include {MIME_TYPES};
    default_type application/octet-stream;
    access_log {prefix / "logs" / "access.log"};
{temp}
    include {prefix / "site.conf"};
}}
"""


def main() -> None:
    """Print the rendered site configuration."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--upstream", action="append", required=True, help="HOST:PORT, repeat")
    parser.add_argument("--server-name", required=True)
    parser.add_argument("--tls-cert", required=True)
    parser.add_argument("--tls-key", required=True)
    parser.add_argument("--static-root", required=True)
    parser.add_argument("--http-listen", default="80")
    parser.add_argument("--https-listen", default="443")
    args = parser.parse_args()
    print(
        render_site(
            upstreams=args.upstream,
            server_name=args.server_name,
            tls_cert=args.tls_cert,
            tls_key=args.tls_key,
            static_root=args.static_root,
            http_listen=args.http_listen,
            https_listen=args.https_listen,
        )
    )


if __name__ == "__main__":
    main()
