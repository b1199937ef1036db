"""Admin for staff: learner progress, read-mostly."""

from django.contrib import admin

from .models import PracticeMark, SectionProgress


@admin.register(SectionProgress)
class SectionProgressAdmin(admin.ModelAdmin):
    """Reading progress rows."""

    list_display = ("user", "chapter_id", "section_id", "opened_at", "completed_at")
    list_filter = ("chapter_id", "section_id")
    search_fields = ("user__username",)


@admin.register(PracticeMark)
class PracticeMarkAdmin(admin.ModelAdmin):
    """Skill-guide practice marks."""

    list_display = ("user", "guide_id", "kind", "item_id", "value", "updated_at")
    list_filter = ("guide_id", "kind", "value")
    search_fields = ("user__username",)
