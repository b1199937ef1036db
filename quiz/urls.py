"""Assessment routes. Attempts are addressed by opaque ids and only ever shown to their owner."""

from django.urls import path, register_converter

from courses.converters import TokenConverter

from . import views

register_converter(TokenConverter, "token")
app_name = "quiz"
urlpatterns = [
    path("chapters/<slug:chapter_id>/assessments/<slug:kind>/", views.overview, name="overview"),
    path("chapters/<slug:chapter_id>/assessments/<slug:kind>/start/", views.start, name="start"),
    path("chapters/<slug:chapter_id>/assessments/pre/skip/", views.skip, name="skip"),
    path("attempts/<token:public_id>/", views.attempt, name="attempt"),
    path("attempts/<token:public_id>/answer/", views.answer, name="answer"),
    path("attempts/<token:public_id>/save/", views.save, name="save"),
]
