"""A context for every notice kind, as its caller passes it, with names that HTML would
escape: "Maya & Jordan" and a name with <, " and '."""

from datetime import datetime, timezone

CIRCLE = "Maya & Jordan"
NAME = 'Jo <"Jojo"> O\'Neil'

SAMPLES = {
    "confirm_sign_up": {},
    "already_registered": {"login_url": "https://kinwell.example/accounts/login/"},
    "password_reset": {},
    "circle_invitation": {"inviter": NAME, "circle": CIRCLE, "until": datetime(2026, 5, 1, 12, tzinfo=timezone.utc)},
    "safety_check_on_me": {"owner": NAME, "message": "Please call me & stay", "guidance_url": "https://k.example/g/"},
    "safety_chosen": {"owner": NAME, "crisis_contact": True, "guidance_url": "https://k.example/g/"},
    "trusted_message": {"sender": NAME, "text": "Can we talk? <3 & thanks", "about_service": ""},
    "checkin_reminder": {"snooze_url": "https://k.example/s/", "stop_url": "https://k.example/x/"},
    "screening_reminder": {"instrument": "PHQ-9", "stop_url": "https://k.example/x/"},
    "support_follow_up": {"done": 1, "total": 3, "revise_url": "https://k.example/r/"},
    "nudge": {"gesture": "Leave a note & a smile", "stop_url": "https://k.example/x/"},
    "conversation_your_turn": {"others": NAME, "circle": CIRCLE},
    "conversation_break": {"others": NAME, "circle": CIRCLE},
    "conversation_ended": {"others": NAME, "circle": CIRCLE},
    "conversation_news": {"others": NAME, "circle": CIRCLE},
    "conflict_news": {"circle": CIRCLE},
    "conflict_check_back": {"circle": CIRCLE},
    "appreciation": {"sender": NAME, "circle": CIRCLE},
    "plan_proposed": {"other": NAME, "title": "Picnic & games", "starts_at": datetime(2026, 5, 2, 11, tzinfo=timezone.utc)},
    "plan_accepted": {"other": NAME, "title": "Picnic & games", "starts_at": datetime(2026, 5, 2, 11, tzinfo=timezone.utc)},
    "plan_suggested": {"other": NAME, "title": "Picnic & games", "starts_at": datetime(2026, 5, 2, 11, tzinfo=timezone.utc)},
    "plan_reminder": {"other": NAME, "title": "Picnic & games", "starts_at": datetime(2026, 5, 2, 11, tzinfo=timezone.utc)},
    "daily_question": {"other": NAME, "circle": CIRCLE},
    "sign_check_on_me": {"owner": NAME},
    "digest": {"items": [{"line": f"{NAME} sent you an appreciation", "url": "https://k.example/a/"}], "count": 1,
               "first": "x"},
}
