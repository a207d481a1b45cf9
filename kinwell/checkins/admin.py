from django.contrib import admin

from kinwell.checkins.models import CheckIn


@admin.register(CheckIn)
class CheckInAdmin(admin.ModelAdmin):
    """Operators see that check-ins exist (for support and deletion), never what they say."""

    list_display = ["id", "owner", "day", "source"]
    list_filter = ["source"]
    fields = ["owner", "day", "source"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
