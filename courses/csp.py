"""django-csp's middleware with the site-wide policy built once per process, not per response."""

from dataclasses import asdict
from functools import cache

from csp.constants import HEADER
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponseBase

# A view decorated with django-csp's decorators sets one of these; such responses take the
# ordinary (per-response) path, as do pages that used a nonce.
PER_VIEW = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_exempt",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
    "_csp_exempt_ro",
)


@cache
def _site_policy(middleware: CSPMiddleware) -> str:
    """The policy string from settings (no nonce, no per-view change)."""
    parts = middleware.get_policy_parts(request=HttpRequest(), response=HttpResponseBase())
    return build_policy(**asdict(parts))


@receiver(setting_changed)
def _forget_policy(*, setting: str, **kwargs: object) -> None:
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        _site_policy.cache_clear()


class SitePolicyMiddleware(CSPMiddleware):
    """Adds the one site-wide Content-Security-Policy header, built once."""

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        """The cached header on ordinary responses; django-csp's own path for the rest."""
        special = (
            settings.DEBUG
            or getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
            or (getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}).get(
                "EXCLUDE_URL_PREFIXES"
            )
            or getattr(request, "_csp_nonce", None) is not None
            or any(hasattr(response, name) for name in PER_VIEW)
        )
        if special:
            return super().process_response(request, response)
        if HEADER not in response:
            response[HEADER] = _site_policy(self)
        # As django-csp does: a nonce asked for after the header is written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response
