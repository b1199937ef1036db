"""Assessment routes. Attempts are addressed by opaque ids and only ever shown to their owner."""

from django.urls import path

from . import feedback_views, practice, views

app_name = "quiz"
urlpatterns = [
    path("chapters/<slug:chapter_id>/assessments/<slug:kind>/", views.overview, name="overview"),
    path("chapters/<slug:chapter_id>/assessments/<slug:kind>/start/", views.start, name="start"),
    path("chapters/<slug:chapter_id>/assessments/pre/skip/", feedback_views.skip, name="skip"),
    path(
        "chapters/<slug:chapter_id>/assessments/pre/undo-skip/",
        feedback_views.undo_skip,
        name="undo_skip",
    ),
    path("attempts/<token:public_id>/", views.attempt, name="attempt"),
    path("attempts/<token:public_id>/answer/", views.answer, name="answer"),
    path("attempts/<token:public_id>/save/", views.save, name="save"),
    path("attempts/<token:public_id>/confirm/", views.confirm, name="confirm"),
    path("attempts/<token:public_id>/practice/<int:position>/", practice.practice, name="practice"),
    path("attempts/<token:public_id>/reveal/", feedback_views.reveal, name="reveal"),
]
