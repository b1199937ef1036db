"""URL routes."""

from django.contrib import admin
from django.urls import include, path, register_converter

from courses.converters import TokenConverter

# Opaque ids in URLs (attempts, invite links, export jobs): only URL-safe tokens reach a query.
register_converter(TokenConverter, "token")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    path("quiz/", include("quiz.urls")),
    path("", include("cohorts.urls")),
    path("exports/", include("reports.urls")),
    path("", include("courses.urls")),
]
