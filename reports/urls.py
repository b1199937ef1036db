"""Export and statement download routes; jobs are addressed by opaque ids, shown only to owners."""

from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.job_list, name="jobs"),
    path("new/", views.start, name="start"),
    path("statements.jsonl", views.my_statements, name="statements"),
    path("report/<slug:chapter_id>/", views.learner_page, name="learner_report"),
    path("report/<slug:chapter_id>.pdf", views.learner_pdf, name="learner_pdf"),
    path("<token:public_id>/", views.job, name="job"),
    path("<token:public_id>/retry/", views.retry, name="retry"),
    path("<token:public_id>/download/", views.download, name="download"),
]
