from django.contrib import admin

from kinwell.library.models import Reply


@admin.register(Reply)
class ReplyAdmin(admin.ModelAdmin):
    """For finding a reply; moderating happens in the queue (/moderation/), which logs it."""

    list_display = ("id", "article_slug", "author", "public_name", "status", "held_because", "safety_level", "created_at")
    list_filter = ("status", "safety_level")
    search_fields = ("article_slug", "author__email")
    readonly_fields = ("article_slug", "author", "parent", "display_name", "anonymous", "text", "status",
                       "held_because", "safety_level", "created_at", "moderated_at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
