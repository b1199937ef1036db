"""Course pages: home, chapter, sections, glossary, skill guides."""

from django.urls import path

from . import views

app_name = "courses"
urlpatterns = [
    path("", views.home, name="home"),
    path("chapters/<slug:chapter_id>/", views.chapter, name="chapter"),
    path("chapters/<slug:chapter_id>/glossary/", views.glossary, name="glossary"),
    path("chapters/<slug:chapter_id>/<slug:section_id>/", views.section, name="section"),
    path("guides/<slug:guide_id>/", views.guide, name="guide"),
]
