"""For data migrations that encrypt a field that used to be plain text.

The pattern (see checkins 0002): add the encrypted field beside the old one, copy every
row across with `copy_field` (the historical models read the old one plain and write the
new one encrypted), remove the old field, and rename the new one. The reverse runs the
same steps backwards, so the migration can be undone."""

CHUNK = 500


def copy_field(app_label: str, model_name: str, source: str, target: str):
    def run(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        batch = []
        for row in model.objects.only("pk", source).order_by("pk").iterator(chunk_size=CHUNK):
            setattr(row, target, getattr(row, source))
            batch.append(row)
            if len(batch) == CHUNK:
                model.objects.bulk_update(batch, [target])
                batch = []
        if batch:
            model.objects.bulk_update(batch, [target])

    return run


def seal(migrations, app_label: str, model_name: str, field_name: str, sealed_field) -> list:
    """The four operations that replace `field_name` by `sealed_field` with its data encrypted."""
    temporary = f"{field_name}_sealed"
    return [
        migrations.AddField(model_name=model_name, name=temporary, field=sealed_field),
        migrations.RunPython(copy_field(app_label, model_name, field_name, temporary),
                             copy_field(app_label, model_name, temporary, field_name)),
        migrations.RemoveField(model_name=model_name, name=field_name),
        migrations.RenameField(model_name=model_name, old_name=temporary, new_name=field_name),
    ]
