"""The client address: only the entries the trusted proxies appended are believed."""

import pytest
from django.test import RequestFactory

from accounts.clientip import client_ip


def request_from(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_a_proxy_the_header_is_ignored(settings):
    settings.STUDYHALL_PROXY_COUNT = 0
    assert client_ip(request_from("198.51.100.7", "203.0.113.1")) == "198.51.100.7"


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (1, "198.51.100.7", "198.51.100.7"),
        (1, "203.0.113.1, 198.51.100.7", "198.51.100.7"),  # client-written entry ignored
        (1, "203.0.113.1,198.51.100.7 ", "198.51.100.7"),
        (2, "203.0.113.1, 198.51.100.7, 10.0.0.2", "198.51.100.7"),
        (1, "2001:db8::7", "2001:db8::7"),
    ],
)
def test_the_client_is_the_entry_the_outermost_trusted_proxy_appended(
    settings, count, forwarded, expected
):
    settings.STUDYHALL_PROXY_COUNT = count
    assert client_ip(request_from("10.0.0.1", forwarded)) == expected


@pytest.mark.parametrize("forwarded", [None, "", "not-an-address", "1.2.3.4, , <script>"])
def test_a_missing_or_malformed_header_falls_back_to_the_peer(settings, forwarded):
    settings.STUDYHALL_PROXY_COUNT = 1
    assert client_ip(request_from("10.0.0.1", forwarded)) == "10.0.0.1"


def test_fewer_entries_than_trusted_proxies_falls_back_to_the_peer(settings):
    settings.STUDYHALL_PROXY_COUNT = 2
    assert client_ip(request_from("10.0.0.1", "198.51.100.7")) == "10.0.0.1"
