"""A throw-away production site on loopback: gunicorn behind deploy/ nginx with a self-signed cert.

Production settings (DEBUG off, HSTS and secure cookies by default, one trusted proxy hop),
SQLite in a temp dir, collectstatic, nginx rendered from deploy/nginx_conf.py. Bounded in time.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from deploy.loopback import free_ports, stop, wait_for_port  # noqa: E402
from deploy.nginx_conf import render_site, render_standalone  # noqa: E402

PORTS = range(9450, 9500)  # this machine's range for benchmark servers
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
OPENSSL = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]


@dataclass
class Site:
    """Where the running site answers and the certificate a client must trust."""

    host: str
    http_port: int
    https_port: int
    cert: Path


def nginx_binary() -> str:
    """The nginx binary ('' when not installed)."""
    return shutil.which("nginx", path=os.environ.get("PATH", "") + ":/usr/sbin") or ""


def app_env(workdir: Path, host: str) -> dict[str, str]:
    """Production settings behind one proxy hop, with a throw-away database and static root."""
    dropped = ("DJANGO_", "STUDYHALL_", "REDIS_URL", "DATABASE_URL")
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(dropped)},
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "production-bench-only-" + "q" * 50,
        "DJANGO_ALLOWED_HOSTS": host,
        "DJANGO_BEHIND_PROXY": "1",
        "DJANGO_LOG_LEVEL": "ERROR",
        "STUDYHALL_PASSWORD_RESET": "0",  # no email host here
        "STUDYHALL_STATIC_ROOT": str(workdir / "static"),
        "DATABASE_URL": f"sqlite:///{workdir / 'app.sqlite3'}",
    }


def nginx_conf(workdir: Path, host: str, ports: list[int]) -> tuple[Path, Path]:
    """A self-signed certificate and deploy/nginx rendered for loopback: (cert, nginx.conf)."""
    cert, key = workdir / "cert.pem", workdir / "key.pem"
    subject = ["-subj", f"/CN={host}", "-addext", f"subjectAltName=DNS:{host}"]
    files = ["-keyout", str(key), "-out", str(cert)]
    subprocess.run([*OPENSSL, *subject, *files], check=True, capture_output=True, timeout=60)
    app, http, https = ports
    site = render_site(
        upstreams=[f"127.0.0.1:{app}"],
        server_name=host,
        tls_cert=str(cert),
        tls_key=str(key),
        static_root=str(workdir / "static"),
        http_listen=f"127.0.0.1:{http}",
        https_listen=f"127.0.0.1:{https}",
    )
    # nginx sends http:// to https://$host (port 443 in production); here HTTPS has a port.
    redirect = "return 301 https://$host$request_uri;"
    if redirect not in site:
        raise RuntimeError("deploy/nginx changed its HTTP redirect: update bench/production_site")
    site = site.replace(redirect, f"return 301 https://$host:{https}$request_uri;")
    prefix = workdir / "nginx"
    prefix.mkdir()
    conf = prefix / "nginx.conf"
    conf.write_text(render_standalone(prefix=prefix, site=site))
    return cert, conf


@contextmanager
def production_site(host: str = "localhost", workers: int = 2) -> Iterator[Site]:
    """Run the site until the block ends; everything it made is removed afterwards."""
    nginx = nginx_binary()
    workdir = Path(tempfile.mkdtemp(prefix="studyhall-production-"))
    servers: list[subprocess.Popen] = []
    try:
        env = app_env(workdir, host)
        for args in (["migrate", "--noinput", "-v0"], ["collectstatic", "--noinput", "-v0"]):
            command = [sys.executable, "manage.py", *args]
            subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, timeout=300)
        ports = free_ports(3, PORTS)
        cert, conf = nginx_conf(workdir, host, ports)
        nginx_command = [nginx, "-p", str(conf.parent), "-c", str(conf)]
        subprocess.run([*nginx_command, "-t", "-q"], check=True, timeout=30)
        gunicorn_env = {**env, "STUDYHALL_BIND": f"127.0.0.1:{ports[0]}"}
        gunicorn_env["STUDYHALL_WORKERS"] = str(workers)
        config = ["-c", str(ROOT / "deploy" / "gunicorn.conf.py"), "--log-level", "warning"]
        with (workdir / "app.log").open("ab") as log:
            servers.append(
                subprocess.Popen(
                    [GUNICORN, *config], cwd=ROOT, env=gunicorn_env, stdout=log, stderr=log
                )
            )
        wait_for_port(ports[0], server=servers[-1])
        servers.append(subprocess.Popen(nginx_command))
        wait_for_port(ports[2], server=servers[-1])
        yield Site(host=host, http_port=ports[1], https_port=ports[2], cert=cert)
    finally:
        for server in reversed(servers):
            stop(server)
        shutil.rmtree(workdir, ignore_errors=True)
