from django.contrib import admin

from kinwell.moderation.models import ModerationAction, Report, Sanction


class ReadOnlyAdmin(admin.ModelAdmin):
    """Changes go through the moderation queue, so each one is in the audit trail."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Report)
class ReportAdmin(ReadOnlyAdmin):
    list_display = ("id", "target_type", "target_id", "reason", "status", "created_at")
    list_filter = ("status", "reason", "target_type")


@admin.register(ModerationAction)
class ModerationActionAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "actor", "action", "target_type", "target_id", "target_summary", "subject")
    list_filter = ("action", "target_type")


@admin.register(Sanction)
class SanctionAdmin(ReadOnlyAdmin):
    list_display = ("user", "kind", "until", "created_at", "created_by")
    list_filter = ("kind",)
