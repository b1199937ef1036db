"""The simulated learners of bench/load.py: sequential requests, counters and latencies."""

import random
import re
import threading
import time
import urllib.parse
from http.client import HTTPConnection

SECRET = "c" * 32  # CSRF secret, sent as cookie and as header/field (as htmx and forms do)
OPTION = re.compile(r'name="q(\d+)" value="([^"]+)"')


class Learner:
    """One signed-in learner sending requests one after another, as a person would."""

    def __init__(self, port: int, session: str, stats: "Stats", deadline: float) -> None:
        self.port, self.stats, self.deadline = port, stats, deadline
        self.headers = {
            "Host": "127.0.0.1",
            "Cookie": f"sessionid={session}; csrftoken={SECRET}",
            "X-CSRFToken": SECRET,
        }
        self.attempts: dict[str, dict] = {}

    def send(
        self, method: str, path: str, data: dict | None = None, extra: dict | None = None
    ) -> tuple[int, str, str]:
        """(status, Location, body); status 0 when the connection dropped or time is up."""
        if time.monotonic() > self.deadline:
            return -1, "", ""
        body = urllib.parse.urlencode(data) if data is not None else None
        headers = {**self.headers, **(extra or {})}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        start = time.perf_counter()
        try:
            conn = HTTPConnection("127.0.0.1", self.port, timeout=15)
            conn.request(method, path, body, headers)
            response = conn.getresponse()
            status, text = response.status, response.read().decode()
            location = response.getheader("Location", "")
            conn.close()
        except OSError:
            self.stats.count("dropped")
            return 0, "", ""
        self.stats.record(status, time.perf_counter() - start)
        return status, location, text

    def sitting(self, chapter: str, kind: str) -> None:
        """Start an attempt, answer every question, submit (changing some answers)."""
        status, location, _ = self.send(
            "POST",
            f"/quiz/chapters/{chapter}/assessments/{kind}/start/",
            {"csrfmiddlewaretoken": SECRET},
        )
        if status != 302 or "/quiz/attempts/" not in location:
            return
        path = urllib.parse.urlsplit(location).path
        status, _, page = self.send("GET", path)
        options: dict[str, list[str]] = {}
        for position, token in OPTION.findall(page):
            options.setdefault(position, []).append(token)
        record = {"answers": {}, "submitted": False}
        self.attempts[path.rstrip("/").rsplit("/", 1)[1]] = record
        for position, tokens in options.items():
            token = random.choice(tokens)
            status, _, _ = self.send(
                "POST", f"{path}answer/", {f"q{position}": token}, {"HX-Request": "true"}
            )
            if status != -1:
                self.remember(record, position, token, acked=status == 200)
        final = {f"q{p}": random.choice(t) for p, t in options.items()}
        form = {**final, "submit": "1", "csrfmiddlewaretoken": SECRET}
        status, _, _ = self.send("POST", f"{path}save/", form)
        if status == -1:
            return
        for field, token in final.items():
            self.remember(record, field[1:], token, acked=status == 302)
        record["submitted"] = status == 302

    @staticmethod
    def remember(record: dict, position: str, token: str, *, acked: bool) -> None:
        """Acknowledged: the stored value must be this; unacknowledged: it may be this."""
        acked_token, maybe = record["answers"].get(position, (None, []))
        record["answers"][position] = (token, []) if acked else (acked_token, [*maybe, token])


class Stats:
    """Counters and latencies shared by the learner threads."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.counts = {"5xx": 0, "dropped": 0, "4xx": 0}

    def count(self, name: str) -> None:
        with self.lock:
            self.counts[name] += 1

    def record(self, status: int, seconds: float) -> None:
        with self.lock:
            self.latencies.append(seconds)
            if status >= 500:
                self.counts["5xx"] += 1
            elif status >= 400:
                self.counts["4xx"] += 1
