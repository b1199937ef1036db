"""Cohort routes: /join/ for learners, /teach/ for instructors."""

from django.urls import path

from reports import cohort_views
from reports import teach_views as report_views

from . import cohort_actions, dashboard_views, join_views, roster_views, teach_views

app_name = "cohorts"
urlpatterns = [
    path("join/", join_views.join_by_code, name="join"),
    path("join/confirm/", join_views.join, name="join_confirm"),
    path("join/link/<token:token>/", join_views.join_by_link, name="join_link"),
    path("join/leave/<int:cohort_id>/", join_views.leave, name="leave"),
    path("teach/", teach_views.home, name="teach"),
    path("teach/cohorts/new/", teach_views.create, name="create"),
    path("teach/cohorts/<int:cohort_id>/", teach_views.cohort_page, name="cohort"),
    path(
        "teach/cohorts/<int:cohort_id>/settings/", cohort_actions.update_settings, name="settings"
    ),
    path("teach/cohorts/<int:cohort_id>/overview/", dashboard_views.overview, name="overview"),
    path(
        "teach/cohorts/<int:cohort_id>/learners/<int:user_id>/",
        dashboard_views.learner,
        name="learner",
    ),
    path(
        "teach/cohorts/<int:cohort_id>/items/<slug:question_id>/",
        dashboard_views.item,
        name="item",
    ),
    path("teach/cohorts/<int:cohort_id>/regenerate/", cohort_actions.regenerate, name="regenerate"),
    path("teach/cohorts/<int:cohort_id>/archive/", cohort_actions.archive, name="archive"),
    path(
        "teach/cohorts/<int:cohort_id>/instructors/",
        cohort_actions.add_instructor,
        name="add_instructor",
    ),
    path(
        "teach/cohorts/<int:cohort_id>/learners/<int:user_id>/report.pdf",
        report_views.learner_pdf,
        name="learner_report_pdf",
    ),
    path(
        "teach/cohorts/<int:cohort_id>/exports/",
        cohort_views.start_export,
        name="cohort_export",
    ),
    path(
        "teach/cohorts/<int:cohort_id>/files/<str:name>",
        cohort_views.cohort_file,
        name="cohort_file",
    ),
    path(
        "teach/cohorts/<int:cohort_id>/roster/preview/", roster_views.preview, name="roster_preview"
    ),
    path(
        "teach/cohorts/<int:cohort_id>/roster/import/",
        roster_views.run_import,
        name="roster_import",
    ),
]
