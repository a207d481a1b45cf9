"""Ninety days of believable check-ins for the demo people, made the same way every
time (a seeded random generator), so `make run` shows real trends, findings and
one sign: Maya's last week has been hard, and her nudge is waiting for her."""

import random
from datetime import datetime, time, timedelta
from decimal import Decimal

from kinwell.checkins.models import CheckIn
from kinwell.checkins.services import look_for_signs, update_sign_settings
from kinwell.core.demo import demo_part
from kinwell.core.localtime import today_for

DEMO_DAYS = 90
NOTES = [
    "Long walk after dinner, felt lighter.",
    "Busy day at work but we got the release out.",
    "Called my sister, it was good to laugh.",
    "Didn't sleep well, foggy all morning.",
    "Cooked together tonight.",
    "Quiet day. Read on the porch.",
    "Money stuff on my mind again.",
    "Gym in the morning made a difference.",
]
# Ana and Luis read Kinwell in Spanish and write their notes in Spanish too.
NOTES_ES = [
    "Caminata larga después de cenar, me sentí más ligera.",
    "Mucho trabajo, pero terminamos el proyecto.",
    "Hablé con mi hermana, qué bueno fue reírnos.",
    "Dormí mal, toda la mañana en las nubes.",
    "Cocinamos juntos esta noche.",
    "Día tranquilo. Leí en el porche.",
    "Otra vez pensando en el dinero.",
    "Ir al gimnasio en la mañana cambió el día.",
]
HARD_WEEK_NOTES = [
    "Work deadline again, barely slept.",
    "Everything feels heavy this week.",
    "Snapped at Jordan, felt bad after.",
    "Tired of feeling tired.",
]
# Each person's usual mood and how much their days vary, so the circles look different.
TEMPERAMENT = {
    "maya@example.com": (3.7, 0.6),
    "jordan@example.com": (3.5, 0.7),
    "ana@example.com": (3.9, 0.5),
    "luis@example.com": (3.3, 0.8),
    "sofia@example.com": (3.1, 0.8),
    "sam@example.com": (3.6, 0.6),
}


def _day_checkin(rng: random.Random, *, owner, day, usual: float, spread: float, hard_week: bool) -> CheckIn:
    notes = NOTES_ES if (owner.language or "").startswith("es") else NOTES
    weekend = day.weekday() >= 5
    sleep = round(rng.uniform(4.8, 8.8) * 2) / 2
    exercise = rng.random() < 0.35
    tags = ["work"] if not weekend and rng.random() < 0.8 else []
    if exercise:
        tags.append("exercise")
    if weekend and rng.random() < 0.6:
        tags.append("friends")
    if rng.random() < 0.15:
        tags.append("money")
    mood = usual + rng.gauss(0, spread) + (sleep - 7) * 0.45 + (0.5 if exercise else 0) + (0.3 if weekend else 0)
    mood -= 0.4 if "money" in tags else 0
    if hard_week:
        mood, sleep = rng.choice([1, 2, 2]), min(sleep, 5.5)
    mood = max(1, min(5, round(mood)))
    feelings = {5: ["content", "grateful"], 4: ["calm"], 3: ["tired"], 2: ["stressed", "anxious"], 1: ["overwhelmed", "sad"]}
    note = ""
    if hard_week and rng.random() < 0.6:
        note = rng.choice(HARD_WEEK_NOTES)
    elif rng.random() < 0.2:
        note = rng.choice(notes)
    return CheckIn(
        owner=owner, day=day, mood=mood, feelings=feelings[mood], stress=max(0, min(10, round(9 - mood * 1.6 + rng.gauss(0, 1)))),
        sleep_hours=Decimal(str(sleep)), energy=max(1, min(5, round(mood + rng.gauss(0, 0.7)))), tags=tags, note=note,
        wants_support=hard_week and mood == 1, source="demo",
        recorded_at=datetime.combine(day, time(20, rng.randint(0, 59))).astimezone(),
    )


def load_demo_checkins(*, people: dict) -> int:
    """`people` maps demo emails to users. Replaces earlier demo check-ins in place."""
    CheckIn.objects.filter(owner__in=people.values(), source="demo").delete()
    rows = []
    for email, person in people.items():
        rng = random.Random(f"kinwell-demo-{email}")
        usual, spread = TEMPERAMENT.get(email, (3.5, 0.7))
        today = today_for(person)
        for offset in range(DEMO_DAYS, -1, -1):
            day = today - timedelta(days=offset)
            if offset > 0 and rng.random() < 0.12:
                continue  # nobody checks in every single day
            hard_week = email == "maya@example.com" and offset < 7
            rows.append(_day_checkin(rng, owner=person, day=day, usual=usual, spread=spread, hard_week=hard_week))
    CheckIn.objects.bulk_create(rows)
    maya, jordan = people.get("maya@example.com"), people.get("jordan@example.com")
    if maya and jordan:
        update_sign_settings(user=maya, nudges_on=True, streak_rule_on=False, tell_supporters=False, supporter_ids=[jordan.pk])
    for person in people.values():
        look_for_signs(owner=person)
    return len(rows)


@demo_part("check-ins", order=10, counts="check-ins")
def _demo_part(*, people, circles) -> int:
    return load_demo_checkins(people=people)
