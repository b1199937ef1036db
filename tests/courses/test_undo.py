"""Undoing "Mark as complete": no-JS and htmx, guests, forged requests, races, query budget."""

import threading

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client

from courses.models import SectionProgress

CH = "/chapters/networking-security/"
S1 = "hpc-networking"
pytestmark = pytest.mark.django_db


def url(section: str = S1, undo: bool = False) -> str:
    return f"{CH}{section}/complete/{'undo/' if undo else ''}"


@pytest.fixture
def learner(client) -> User:
    user = User.objects.create_user("una", password="a-long-pass-phrase-1")
    client.force_login(user)
    return user


def test_completed_section_shows_the_date_and_an_undo_button(client, learner):
    client.post(url())
    page = client.get(f"{CH}{S1}/").content.decode()
    assert "Completed on" in page
    assert f'action="{url(undo=True)}"' in page and ">Undo</button>" in page


def test_undo_without_javascript_returns_to_the_mark_button_and_keeps_the_open(client, learner):
    client.get(f"{CH}{S1}/")
    client.post(url())
    response = client.post(url(undo=True))
    assert response.status_code == 302 and response["Location"].endswith("#completion")
    row = SectionProgress.objects.get(user=learner)
    assert row.completed_at is None and row.opened_at is not None
    page = client.get(f"{CH}{S1}/").content.decode()
    assert "Mark as complete" in page and "Completed on" not in page
    assert "0% · 0 of 4 sections complete" in page


def test_undo_with_htmx_swaps_the_box_and_the_navigation(client, learner):
    client.post(url())
    html = client.post(url(undo=True), HTTP_HX_REQUEST="true").content.decode()
    assert '<section id="completion"' in html and "Mark as complete" in html
    assert 'id="section-nav"' in html and "0% · 0 of 4" in html


def test_undo_of_a_section_never_completed_changes_nothing(client, learner):
    assert client.post(url(undo=True)).status_code == 302
    assert not SectionProgress.objects.exists()


def test_undo_by_get_asks_for_confirmation_and_changes_nothing(client, learner):
    client.post(url())
    page = client.get(url(undo=True))
    assert page.status_code == 200 and "Undo completion" in page.content.decode()
    assert SectionProgress.objects.get(user=learner).completed_at is not None


def test_a_guest_can_undo_their_own_mark_only(client):
    client.post(url())
    other = Client()
    other.post(url(undo=True))  # a reader with no key: nothing of theirs to undo
    assert SectionProgress.objects.get().completed_at is not None
    client.post(url(undo=True))
    assert SectionProgress.objects.get().completed_at is None


def test_undo_of_unknown_section_is_404(client, learner):
    assert client.post(url("no-such-section", undo=True)).status_code == 404
    assert client.post("/chapters/nope/x/complete/undo/").status_code == 404


def test_undo_uses_at_most_5_queries(client, learner, django_assert_max_num_queries):
    client.post(url())
    with django_assert_max_num_queries(5):
        client.post(url(undo=True), HTTP_HX_REQUEST="true")


@pytest.mark.django_db(transaction=True)
def test_concurrent_undos_and_marks_leave_one_consistent_row():
    assert connection.vendor != "sqlite" or "memory" not in connection.settings_dict["NAME"]
    user = User.objects.create_user("race-undo", password="a-long-pass-phrase-6")
    Client().get("/")  # warm the content cache outside the race
    barrier = threading.Barrier(8)
    statuses: list[int] = []

    def act(i: int) -> None:
        c = Client()
        c.force_login(user)
        barrier.wait()
        statuses.append(c.post(url(undo=bool(i % 2))).status_code)
        connection.close()

    threads = [threading.Thread(target=act, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert set(statuses) == {302}
    assert SectionProgress.objects.filter(user=user).count() == 1
    c = Client()
    c.force_login(user)
    c.post(url(undo=True))
    assert SectionProgress.objects.get(user=user).completed_at is None
