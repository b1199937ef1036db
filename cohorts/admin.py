"""Cohorts in the admin: staff look after cohorts; the instructor role is a group on users."""

from django.contrib import admin

from .models import Cohort, Membership, RosterEntry


class MembershipInline(admin.TabularInline):
    """Members of a cohort."""

    model = Membership
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Cohort)
class CohortAdmin(admin.ModelAdmin):
    """Cohorts with their members."""

    list_display = ["name", "join_code", "code_open", "seat_limit", "closes_on", "archived_at"]
    search_fields = ["name", "join_code"]
    filter_horizontal = ["instructors"]
    inlines = [MembershipInline]


@admin.register(RosterEntry)
class RosterEntryAdmin(admin.ModelAdmin):
    """Emails pre-assigned to cohorts."""

    list_display = ["email", "name", "cohort", "created_at"]
    search_fields = ["email", "name"]
