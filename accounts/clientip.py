"""The client's address: REMOTE_ADDR, or the one the trusted proxies saw (X-Forwarded-For)."""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _valid(address: str) -> str | None:
    """The address if it parses as IPv4 or IPv6, else None."""
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str:
    """The address of the client, trusting exactly STUDYHALL_PROXY_COUNT proxies in front."""
    remote = request.META.get("REMOTE_ADDR", "") or ""
    count = settings.STUDYHALL_PROXY_COUNT
    if count <= 0:
        return remote
    # Each proxy appends the address it saw, so only the last `count` entries are trustworthy;
    # anything further left may be written by the client. The nearest proxy is REMOTE_ADDR, so
    # with `count` proxies the client is the count-th entry from the right.
    hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if len(hops) < count:
        return remote  # not through the expected chain: the peer itself is the client
    return _valid(hops[-count]) or remote
