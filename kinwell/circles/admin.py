from django.contrib import admin

from kinwell.circles.models import Circle, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    fields = ("user", "role", "joined_at", "space_paused")
    readonly_fields = ("joined_at",)
    extra = 0


@admin.register(Circle)
class CircleAdmin(admin.ModelAdmin):
    """Operators see who is in which circle, never what anyone shares or wrote."""

    list_display = ("name", "kind", "created_at")
    list_filter = ("kind",)
    inlines = [MembershipInline]
