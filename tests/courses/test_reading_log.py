"""The guest's browser reading log: written on shared section pages, claimed at sign-up/log-in."""

import json
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import User

from courses import reading_log
from courses.catalog import get_course
from courses.models import SectionProgress

CH, S1, S2 = "networking-security", "hpc-networking", "network-policies"
PASSWORD = "a-long-pass-phrase-1"
NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)


def ms(when: datetime) -> int:
    return int(when.timestamp() * 1000)


def log(*entries: tuple[str, str, int]) -> str:
    return json.dumps([{"c": c, "s": s, "t": t} for c, s, t in entries])


def parse(raw: str) -> list[tuple[str, str, datetime]]:
    return [
        (o.chapter_id, o.section_id, o.opened_at) for o in reading_log.parse(raw, get_course(), NOW)
    ]


# --- pure parsing -------------------------------------------------------------------------------


def test_known_sections_are_kept_with_their_times_first_open_wins():
    an_hour_ago = NOW - timedelta(hours=1)
    raw = log((CH, S1, ms(an_hour_ago)), (CH, S2, ms(NOW)), (CH, S1, ms(NOW)))
    assert parse(raw) == [(CH, S1, an_hour_ago), (CH, S2, NOW)]


@pytest.mark.parametrize(
    "raw",
    [
        log((CH, "no-such-section", ms(NOW))),
        log(("no-such-chapter", S1, ms(NOW))),
        log((CH, S1, ms(NOW + timedelta(days=1)))),  # from the future
        log((CH, S1, ms(NOW - timedelta(days=400)))),  # older than a year
        log((CH, S1, 10**30)),  # past any date
        json.dumps([{"c": CH, "s": S1, "t": "yesterday"}]),
        json.dumps([{"c": CH, "s": S1, "t": True}]),
        json.dumps([{"c": [CH], "s": S1, "t": ms(NOW)}]),
        json.dumps({"c": CH, "s": S1, "t": ms(NOW)}),
        json.dumps(["x", 1, None]),
        "not json",
        "",
    ],
)
def test_forged_or_malformed_entries_are_dropped(raw):
    assert parse(raw) == []


def test_an_oversized_log_is_refused_whole_and_long_lists_are_cut():
    padding = "x" * reading_log.MAX_CHARS
    assert parse(log((CH, S1, ms(NOW)), (CH, padding, ms(NOW)))) == []
    junk = [{"c": CH, "s": "nope", "t": 1}] * reading_log.MAX_ENTRIES
    raw = json.dumps([*junk, {"c": CH, "s": S1, "t": ms(NOW)}])
    assert len(raw) <= reading_log.MAX_CHARS and parse(raw) == []


# --- pages --------------------------------------------------------------------------------------

pytestmark = pytest.mark.django_db


def test_a_shared_section_page_carries_the_log_hook_and_a_tracked_one_does_not(client):
    html = client.get(f"/chapters/{CH}/{S1}/").content.decode()
    assert f'data-reading-log-section="{S1}"' in html and "js/reading-log" in html
    assert not client.cookies  # reading sets no cookie
    client.force_login(User.objects.create_user("t", password=PASSWORD))
    html = client.get(f"/chapters/{CH}/{S1}/").content.decode()
    assert "data-reading-log-section" not in html and "data-signed-in" in html


def test_the_sign_up_and_log_in_forms_carry_the_log_field(client):
    for url in ("/accounts/signup/", "/accounts/login/"):
        assert (
            '<input type="hidden" name="reading_log" value="">' in client.get(url).content.decode()
        )


def test_signing_up_keeps_the_reading_logged_in_the_browser(client):
    opened = datetime.now(UTC) - timedelta(hours=2)
    raw = log((CH, S1, ms(opened)), (CH, "forged", ms(opened)), ("x", S2, ms(opened)))
    data = {
        "username": "rae",
        "email": "",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "reading_log": raw,
    }
    assert client.post("/accounts/signup/", data).status_code == 302
    row = SectionProgress.objects.get(user__username="rae")
    assert (row.section_id, row.completed_at) == (S1, None)
    assert abs(row.opened_at - opened) < timedelta(seconds=1)
    html = client.get(f"/chapters/{CH}/").content.decode()
    assert "Continue: High-Performance Networking" in html


def test_logging_in_adds_logged_reading_but_keeps_the_account_rows(client):
    user = User.objects.create_user("kai", password=PASSWORD)
    done = datetime.now(UTC) - timedelta(days=3)
    SectionProgress.objects.create(
        user=user,
        chapter_id=CH,
        section_id=S1,
        content_version="v",
        opened_at=done,
        completed_at=done,
    )
    recent = ms(datetime.now(UTC) - timedelta(minutes=5))
    client.post(
        "/accounts/login/",
        {
            "username": "kai",
            "password": PASSWORD,
            "reading_log": log((CH, S1, recent), (CH, S2, recent)),
        },
    )
    rows = {r.section_id: r for r in SectionProgress.objects.filter(user=user)}
    assert set(rows) == {S1, S2}
    assert rows[S1].completed_at == done and rows[S1].opened_at == done


def test_an_oversized_log_field_still_signs_up_and_claims_nothing(client):
    data = {
        "username": "big",
        "email": "",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "reading_log": "[" + "1," * 20_000 + "1]",
    }
    assert client.post("/accounts/signup/", data).status_code == 302
    assert not SectionProgress.objects.exists()
