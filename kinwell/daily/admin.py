"""Admin: the days only, read-only. Answers and replies are personal text written for
the circle, so they are never shown here (not even their number per person)."""

from django.contrib import admin
from django.db.models import Count

from kinwell.daily.models import QuestionDay


@admin.register(QuestionDay)
class QuestionDayAdmin(admin.ModelAdmin):
    list_display = ("day", "circle", "question_key", "cycle", "swap_count", "answer_count", "revealed_at")
    list_filter = ("day",)
    fields = ("circle", "day", "question_key", "cycle", "swapped_keys", "created_at", "revealed_at")
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("circle").annotate(answers_in=Count("answers"))

    @admin.display(description="swaps")
    def swap_count(self, day) -> int:
        return day.swaps

    @admin.display(description="answers", ordering="answers_in")
    def answer_count(self, day) -> int:
        return day.answers_in

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
