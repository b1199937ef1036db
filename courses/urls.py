"""Course pages and the learner's own progress."""

from django.urls import path

from . import csrf, progress_views, views

app_name = "courses"
urlpatterns = [
    path("", views.home, name="home"),
    path("progress/", progress_views.your_progress, name="progress"),
    path("csrf/", csrf.token, name="csrf_token"),
    path("progress/export.json", progress_views.export_json, name="export_json"),
    path("progress/export.csv", progress_views.export_csv, name="export_csv"),
    path("chapters/<slug:chapter_id>/", views.chapter, name="chapter"),
    path("chapters/<slug:chapter_id>/glossary/", views.glossary, name="glossary"),
    path("chapters/<slug:chapter_id>/<slug:section_id>/", views.section, name="section"),
    path(
        "chapters/<slug:chapter_id>/<slug:section_id>/complete/",
        progress_views.complete,
        name="complete",
    ),
    path(
        "chapters/<slug:chapter_id>/<slug:section_id>/complete/undo/",
        progress_views.undo_complete,
        name="undo_complete",
    ),
    path("guides/<slug:guide_id>/", views.guide, name="guide"),
    path(
        "guides/<slug:guide_id>/projects/<slug:project_id>/steps/<int:number>/",
        progress_views.practice_step,
        name="practice_step",
    ),
    path(
        "guides/<slug:guide_id>/interview/<slug:question_id>/",
        progress_views.practice_rating,
        name="practice_rating",
    ),
]
