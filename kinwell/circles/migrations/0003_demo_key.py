from django.db import migrations, models

# The demo circles as `load_demo_data` made them before they carried a key. A database
# made by an earlier `make run` keeps its demo circles (the oldest of each name that its
# demo owner owns) instead of gaining a second set; from here on the key alone finds them.
EARLIER_DEMO_CIRCLES = [
    ("couple", "Maya & Jordan", "maya@example.com"),
    ("family", "The Riveras", "ana@example.com"),
    ("friends", "Thursday friends", "sam@example.com"),
]


def mark_earlier_demo_circles(apps, schema_editor):
    Circle = apps.get_model("circles", "Circle")
    for key, name, owner_email in EARLIER_DEMO_CIRCLES:
        circle = (
            Circle.objects.filter(name=name, memberships__role="owner", memberships__user__email=owner_email)
            .order_by("id")
            .first()
        )
        if circle is not None:
            Circle.objects.filter(pk=circle.pk).update(demo_key=key)


class Migration(migrations.Migration):

    dependencies = [
        ("circles", "0002_more_kinds_of_data"),
    ]

    operations = [
        migrations.AddField(
            model_name="circle",
            name="demo_key",
            field=models.CharField(blank=True, default="", editable=False, max_length=20),
        ),
        migrations.RunPython(mark_earlier_demo_circles, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="circle",
            constraint=models.UniqueConstraint(
                condition=models.Q(("demo_key", ""), _negated=True),
                fields=("demo_key",),
                name="one_circle_per_demo_key",
            ),
        ),
    ]
