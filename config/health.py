"""Health endpoints for load balancers: /healthz (process up) and /readyz (ready to serve).

Served by a middleware placed first, before host validation, HTTPS redirects, sessions and
CSRF: load balancers probe each app server by its address, over plain HTTP, without cookies.
"""

from collections.abc import Callable

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from courses.catalog import get_course
from courses.content import ContentError

OK = "ok"


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """The process answers: no database, no session, no cookie."""
    return JsonResponse({"status": OK})


def check_database() -> str:
    """`ok` when a trivial query runs; never the error text (it may name hosts or users)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return "unreachable"
    return OK


def check_migrations() -> str:
    """`ok` when every migration this code knows is applied to the database."""
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError:
        return "unknown"
    return f"{len(plan)} unapplied" if plan else OK


def check_content() -> str:
    """`ok` when the course content is loaded (it is loaded here if it was not yet)."""
    try:
        get_course()
    except ContentError as error:
        return f"broken ({len(error.problems)} problems)"
    return OK


@never_cache
@require_safe
def readyz(request: HttpRequest) -> JsonResponse:
    """Database reachable, migrations applied, content loaded; 503 naming the failed checks."""
    checks = {"database": check_database()}
    checks["migrations"] = check_migrations() if checks["database"] == OK else "unknown"
    checks["content"] = check_content()
    ready = all(value == OK for value in checks.values())
    body = {"status": OK if ready else "unavailable", "checks": checks}
    return JsonResponse(body, status=200 if ready else 503)


class HealthCheckMiddleware:
    """Answer `/healthz` and `/readyz` before any other middleware sees the request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.views = {"/healthz": healthz, "/readyz": readyz}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        view = self.views.get(request.path_info)
        return view(request) if view else self.get_response(request)
