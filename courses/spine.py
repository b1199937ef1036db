"""The next-step spine: pre-study, reading, post-study, review plan, skill guide (pure)."""

from dataclasses import dataclass

from django.urls import reverse

from quiz.lookups import ChapterAssessments

from .progress import ChapterProgress

DONE, CURRENT, TODO, PASSED = "done", "current", "todo", "passed"


@dataclass(frozen=True, kw_only=True)
class Step:
    """One step of the spine with its state and the action that moves it on."""

    key: str
    title: str
    status: str
    note: str
    action: str
    url: str
    warning: str = ""
    """Said before the click, e.g. that the step needs an account."""

    @property
    def icon(self) -> str:
        """A glyph for the state, so it never rests on colour alone."""
        return {DONE: "✓", CURRENT: "→", PASSED: "\u2013"}.get(self.status, "○")


@dataclass(frozen=True, kw_only=True)
class Spine:
    """The steps in order and the one primary action."""

    steps: tuple[Step, ...]

    @property
    def primary(self) -> Step:
        """The first step not done (the skill guide when all are)."""
        return next((s for s in self.steps if s.status == CURRENT), self.steps[-1])

    @property
    def secondary(self) -> Step | None:
        """Reading, offered beside a pre-study assessment not yet taken (it is optional)."""
        first = self.primary
        return self.steps[1] if first.key == "pre" and first.url.endswith("/pre/") else None

    @property
    def finished(self) -> bool:
        """The post-study assessment is submitted."""
        return self.steps[2].status == DONE


def spine(
    *,
    progress: ChapterProgress,
    assessments: ChapterAssessments,
    signed_in: bool,
    guide_url: str,
    signup_url: str,
) -> Spine:
    """Pure: each step's state from reading progress and assessments; the first open one leads."""
    chapter = progress.chapter
    steps = [
        _pre(progress, assessments, chapter.id),
        _reading(progress),
        _post(assessments, chapter.id, signed_in=signed_in, signup_url=signup_url),
        _review(assessments),
        Step(
            key="guide",
            title="Skill guide",
            status=TODO,
            note="Practise with projects",
            action="Practise in the skill guide",
            url=guide_url,
        ),
    ]
    first_open = next(
        (i for i, s in enumerate(steps) if s.status not in (DONE, PASSED)), len(steps) - 1
    )
    steps[first_open] = _with_status(steps[first_open], CURRENT)
    return Spine(steps=tuple(steps))


def _with_status(step: Step, status: str) -> Step:
    return Step(**{**step.__dict__, "status": status})


def _pre(progress: ChapterProgress, a: ChapterAssessments, chapter_id: str) -> Step:
    url = reverse("quiz:overview", args=[chapter_id, "pre"])
    pre = a.pre
    if pre is not None and pre.status == "in_progress":
        resume = reverse("quiz:attempt", args=[pre.public_id])
        return Step(
            key="pre",
            title="Pre-study",
            status=TODO,
            url=resume,
            note=f"{pre.answered} of {pre.question_count} answered",
            action="Resume the pre-study assessment",
        )
    if pre is not None:
        if pre.status == "skipped":
            return Step(
                key="pre", title="Pre-study", status=PASSED, note="Skipped", action="", url=url
            )
        note = f"Score {pre.correct}/{pre.counted}"
        return Step(key="pre", title="Pre-study", status=DONE, note=note, action="", url=url)
    if progress.completed:  # reading is under way: a baseline now would measure the reading
        return Step(
            key="pre", title="Pre-study", status=PASSED, note="Not taken", action="", url=url
        )
    return Step(
        key="pre",
        title="Pre-study",
        status=TODO,
        note="What you know before reading",
        action="Take the pre-study assessment",
        url=url,
    )


def _reading(progress: ChapterProgress) -> Step:
    total = len(progress.states)
    note = f"{progress.completed} of {total} sections"
    target = progress.continue_to
    if target is None:
        first = progress.chapter.sections[0]
        return Step(key="reading", title="Read", status=DONE, note=note, action="", url=first.url)
    verb = "Continue" if progress.started_at else f"Start with section {target.number}"
    return Step(
        key="reading",
        title="Read",
        status=TODO,
        note=note,
        url=target.url,
        action=f"{verb}: {target.title}",
    )


def _post(a: ChapterAssessments, chapter_id: str, *, signed_in: bool, signup_url: str) -> Step:
    url = reverse("quiz:overview", args=[chapter_id, "post"])
    if a.post_count:
        latest = a.post_latest
        note = f"Score {latest.correct}/{latest.counted}"
        return Step(key="post", title="Post-study", status=DONE, note=note, action="", url=url)
    if a.post_in_progress:
        open_ = a.post_in_progress
        resume = reverse("quiz:attempt", args=[open_.public_id])
        return Step(
            key="post",
            title="Post-study",
            status=TODO,
            url=resume,
            note=f"{open_.answered} of {open_.question_count} answered",
            action="Resume the post-study assessment",
        )
    if not signed_in:
        return Step(
            key="post",
            title="Post-study",
            status=TODO,
            note="Needs an account",
            action="Sign up to take the post-study assessment",
            url=f"{signup_url}?next={url}",
            warning="The post-study assessment needs a free account, so your gain is "
            "kept; your reading in this browser comes with you.",
        )
    return Step(
        key="post",
        title="Post-study",
        status=TODO,
        note="Measure what you learned",
        action="Take the post-study assessment",
        url=url,
    )


def _review(a: ChapterAssessments) -> Step:
    latest = a.post_latest
    if latest is None:
        return Step(
            key="review",
            title="Review plan",
            status=TODO,
            note="After post-study",
            action="",
            url="",
        )
    missed = latest.counted - latest.correct
    url = reverse("quiz:attempt", args=[latest.public_id]) + "#review-heading"
    if not missed:
        return Step(
            key="review",
            title="Review plan",
            status=DONE,
            note="Nothing missed",
            action="",
            url=url,
        )
    return Step(
        key="review",
        title="Review plan",
        status=TODO,
        url=url,
        note=f"{missed} question{'s' if missed != 1 else ''} to review",
        action="See your review plan",
    )
