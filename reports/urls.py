"""Export and statement download routes; jobs are addressed by opaque ids, shown only to owners."""

from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.job_list, name="jobs"),
    path("new/", views.start, name="start"),
    path("statements.jsonl", views.my_statements, name="statements"),
    path("<str:public_id>/", views.job, name="job"),
    path("<str:public_id>/retry/", views.retry, name="retry"),
    path("<str:public_id>/download/", views.download, name="download"),
]
