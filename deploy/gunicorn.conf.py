"""Gunicorn settings for one app server behind nginx: `gunicorn -c deploy/gunicorn.conf.py`."""

import multiprocessing
import os

wsgi_app = "config.wsgi:application"
bind = os.environ.get(
    "STUDYHALL_BIND", "0.0.0.0:8000"
)  # reachable by the nginx host only (firewall)
# Sync workers: the app is CPU-bound per request and holds no long connections.
workers = int(os.environ.get("STUDYHALL_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# Import the app (and load the course content) once in the master; workers fork with it loaded.
preload_app = True
timeout = 30  # a worker stuck this long is killed and replaced
graceful_timeout = 20  # time to finish requests in flight on reload or shutdown
keepalive = 5  # nginx keeps upstream connections open (its `keepalive` directive)
max_requests = 2000  # recycle workers now and then, staggered
max_requests_jitter = 200
limit_request_line = 4096
limit_request_fields = 60
worker_tmp_dir = "/dev/shm"  # noqa: S108 (gunicorn's advice: worker heartbeats in memory)
# Exactly one proxy hop: only nginx's addresses may set X-Forwarded-Proto (and so HTTPS).
forwarded_allow_ips = os.environ.get("STUDYHALL_PROXY_IPS", "127.0.0.1,::1")
control_socket_disable = True  # several servers may share a host; no shared control socket
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
