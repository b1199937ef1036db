"""Simultaneous requests (threads on the file-backed test database) never give a 500."""

from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client

from courses.catalog import get_course
from courses.models import PracticeMark, SectionProgress

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
def test_simultaneous_sign_ups_with_one_name_say_it_is_taken(settings):
    # Twenty sign-ups from one address would also meet the per-address limit (tested elsewhere).
    settings.STUDYHALL_LIMITS = {**settings.STUDYHALL_LIMITS, "signups_per_address": (100, 3600)}

    def sign_up(i: int) -> int:
        response = Client(raise_request_exception=False).post(
            "/accounts/signup/",
            {"username": "twin", "password1": PASSWORD, "password2": PASSWORD},
        )
        if response.status_code == 200:
            assert "A user with that username already exists." in response.content.decode()
        return response.status_code

    statuses = at_once(20, sign_up)
    assert statuses[302] == 1, statuses
    assert statuses[200] == 19, statuses
    assert User.objects.filter(username="twin").count() == 1


def step_urls() -> list[str]:
    """Every practice step's tick URL in the real course."""
    guide = get_course().guides[0]
    return [
        f"{guide.url}projects/{p.id}/steps/{n}/"
        for p in guide.projects
        for n in range(1, len(p.steps) + 1)
    ]


def clients_sharing(client: Client, count: int) -> list[Client]:
    """`count` clients with `client`'s cookies: one browser sending requests at once."""
    out = []
    for _ in range(count):
        other = Client(raise_request_exception=False)
        other.cookies = client.cookies
        out.append(other)
    return out


@pytest.mark.django_db(transaction=True)
def test_ticking_and_unticking_one_step_at_once_never_fails():
    user = User.objects.create_user("tic", password=PASSWORD)
    signed_in = Client()
    signed_in.force_login(user)
    browsers = clients_sharing(signed_in, 20)
    url = step_urls()[0]

    def tick(i: int) -> int:
        return browsers[i].post(url, {"done": str(i % 2)}).status_code

    assert at_once(20, tick) == Counter({302: 20})
    assert PracticeMark.objects.filter(user=user).count() <= 1


@pytest.mark.django_db(transaction=True)
def test_a_guest_ticking_and_unticking_one_step_at_once_never_fails():
    guest = Client()
    guest.post(step_urls()[1], {"done": "1"})  # the guest's first mark gives them a key
    browsers = clients_sharing(guest, 20)
    url = step_urls()[0]

    def tick(i: int) -> int:
        return browsers[i].post(url, {"done": str(i % 2)}).status_code

    assert at_once(20, tick) == Counter({302: 20})


@pytest.mark.django_db(transaction=True)
def test_twenty_simultaneous_writes_from_one_guest_all_persist():
    guest = Client()
    guest.get("/")
    chapter, guide = get_course().chapters[0], get_course().guides[0]
    guest.post(f"{chapter.sections[0].url}complete/")  # the first mark gives the guest a key
    browsers = clients_sharing(guest, 20)
    ratings = [f"{guide.url}interview/{q.id}/" for q in guide.interview_questions]
    writes = [f"{s.url}complete/" for s in chapter.sections[1:]] + step_urls() + ratings
    writes = (writes * 2)[:20]  # the same item twice at once must also be kept

    def write(i: int) -> int:
        return browsers[i].post(writes[i], {"done": "1", "rating": "could_answer"}).status_code

    assert at_once(20, write) == Counter({302: 20})
    marks = len(set(writes)) - (len(chapter.sections) - 1)
    assert SectionProgress.objects.filter(completed_at__isnull=False).count() == 4
    assert PracticeMark.objects.count() == marks
    page = guest.get(chapter.url).content.decode()
    assert page.count("Completed") >= len(chapter.sections)
    # all of it joins the account at sign-up
    guest.post(
        "/accounts/signup/", {"username": "gia", "password1": PASSWORD, "password2": PASSWORD}
    )
    user = User.objects.get(username="gia")
    assert SectionProgress.objects.filter(user=user, completed_at__isnull=False).count() == 4
    assert PracticeMark.objects.filter(user=user).count() == marks
    assert not PracticeMark.objects.filter(user__isnull=True).exists()
