"""Simultaneous requests (threads on the file-backed test database) never give a 500."""

from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client

PASSWORD = "a-long-pass-phrase-9"


def at_once(count: int, send) -> Counter:
    """Run `send(i)` from `count` threads at once; the status codes they got."""

    def run(i: int) -> int:
        try:
            return send(i)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=count) as pool:
        return Counter(pool.map(run, range(count)))


@pytest.mark.django_db(transaction=True)
def test_simultaneous_sign_ups_with_one_name_say_it_is_taken():
    def sign_up(i: int) -> int:
        response = Client(raise_request_exception=False).post(
            "/accounts/signup/",
            {"username": "twin", "password1": PASSWORD, "password2": PASSWORD},
        )
        if response.status_code == 200:
            assert "A user with that username already exists." in response.content.decode()
        return response.status_code

    statuses = at_once(20, sign_up)
    assert statuses[302] == 1
    assert statuses[200] == 19
    assert User.objects.filter(username="twin").count() == 1
