"""Admin: structure only. The words people write are never shown here (they are
encrypted personal text meant for the people taking part)."""

from django.contrib import admin

from kinwell.talk.models import Conflict, Conversation


@admin.register(Conversation)
class ConversationAdmin(admin.ModelAdmin):
    list_display = ("id", "circle", "phase", "rounds", "created_at", "updated_at")
    fields = ("circle", "phase", "rounds", "break_until", "created_at", "updated_at")
    readonly_fields = fields


@admin.register(Conflict)
class ConflictAdmin(admin.ModelAdmin):
    list_display = ("id", "circle", "stage", "check_back_on", "created_at")
    fields = ("circle", "stage", "check_back_on", "reminder_sent_for", "created_at", "updated_at")
    readonly_fields = fields
