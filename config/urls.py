"""URL routes."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    path("quiz/", include("quiz.urls")),
    path("", include("cohorts.urls")),
    path("exports/", include("reports.urls")),
    path("", include("courses.urls")),
]
