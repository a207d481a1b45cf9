from django.contrib import admin

from kinwell.screening.models import Reminder, Response


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin):
    """Operators see that a questionnaire was taken and when, never the answers or score."""

    list_display = ("instrument", "owner", "started_at", "completed_at")
    list_filter = ("instrument",)
    fields = ("owner", "instrument", "mode", "started_at", "completed_at")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ("owner", "instrument", "next_due")
    fields = ("owner", "instrument", "next_due")
    readonly_fields = ("owner",)
