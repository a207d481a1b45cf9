"""Operators see that plans exist and when, never their contents: answers, own words
and messages are personal and stay out of the admin."""

from django.contrib import admin

from kinwell.support.models import SupportPlan


@admin.register(SupportPlan)
class SupportPlanAdmin(admin.ModelAdmin):
    list_display = ("id", "made_at", "follow_up_on", "follow_up_sent_on")
    fields = ("made_at", "follow_up_on", "follow_up_sent_on")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False
