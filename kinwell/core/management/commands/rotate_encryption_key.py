"""Re-encrypt all personal text with the current key (the first of ENCRYPTION_KEYS).

Rotation, step by step (docs/operator.md):
1. put a new key first in KINWELL_ENCRYPTION_KEYS, keeping the old ones after it;
2. restart the app servers and workers, then run this command;
3. once it reports nothing left under an old key, remove the old keys.

Every `EncryptedTextField` of every installed model is found through the app
registry. Values are read raw, in batches by primary key, and each model is
rewritten in one transaction. A value already under the current key is left alone,
so running the command again changes nothing. A row changed by the site while the
command runs is not overwritten: the update only applies if the stored value is
still the one that was read (and the site already writes with the new key).
"""

from cryptography.fernet import Fernet, InvalidToken
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections, router, transaction

from kinwell.core.encryption import TOKEN_PREFIX, EncryptedTextField, cipher, encrypt_text


def encrypted_fields():
    """(model, [fields]) for every concrete model with encrypted text."""
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        fields = [f for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
        if fields:
            yield model, fields


class Command(BaseCommand):
    help = "Re-encrypt every encrypted text field with the first key in ENCRYPTION_KEYS."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count what would change; write nothing.")
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, dry_run=False, batch_size=500, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        current = Fernet(settings.ENCRYPTION_KEYS[0].encode())
        totals = {"rotated": 0, "current": 0, "plain": 0, "unreadable": 0}
        for model, fields in encrypted_fields():
            counts = self.rotate_model(model, fields, current=current, dry_run=dry_run, batch_size=batch_size)
            for name, count in counts.items():
                totals[name] += count
            self.stdout.write(
                f"{model._meta.label} ({', '.join(f.name for f in fields)}): "
                f"{counts['rotated']} re-encrypted, {counts['plain']} were plain text and are now encrypted, "
                f"{counts['current']} already under the current key, {counts['unreadable']} unreadable"
            )
        verb = "would be re-encrypted (dry run: nothing written)" if dry_run else "re-encrypted"
        self.stdout.write(self.style.SUCCESS(
            f"{totals['rotated'] + totals['plain']} values {verb}; {totals['current']} already current."
        ))
        if totals["unreadable"]:
            raise CommandError(
                f"{totals['unreadable']} values cannot be decrypted with any configured key; they were left as they are. "
                "Keep the old keys in KINWELL_ENCRYPTION_KEYS until this is resolved."
            )

    def rotate_model(self, model, fields, *, current: Fernet, dry_run: bool, batch_size: int) -> dict:
        counts = {"rotated": 0, "current": 0, "plain": 0, "unreadable": 0}
        connection = connections[router.db_for_write(model)]
        quote = connection.ops.quote_name
        table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
        columns = [quote(f.column) for f in fields]
        select = f"SELECT {pk}, {', '.join(columns)} FROM {table}"
        first_batch = f"{select} ORDER BY {pk} LIMIT %s"
        next_batch = f"{select} WHERE {pk} > %s ORDER BY {pk} LIMIT %s"
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            last = None
            while True:
                if last is None:
                    cursor.execute(first_batch, [batch_size])
                else:
                    cursor.execute(next_batch, [last, batch_size])
                rows = cursor.fetchall()
                if not rows:
                    break
                last = rows[-1][0]
                for key, *values in rows:
                    for column, stored in zip(columns, values):
                        replacement = self.new_value(stored, current=current, counts=counts)
                        if replacement is not None and not dry_run:
                            cursor.execute(
                                f"UPDATE {table} SET {column} = %s WHERE {pk} = %s AND {column} = %s",
                                [replacement, key, stored],
                            )
        return counts

    @staticmethod
    def new_value(stored, *, current: Fernet, counts: dict):
        """The value to write instead, or None to leave it."""
        if stored is None or stored == "":
            return None
        if not stored.startswith(TOKEN_PREFIX):
            counts["plain"] += 1
            return encrypt_text(stored)
        token = stored[len(TOKEN_PREFIX):].encode("ascii")
        try:
            current.decrypt(token)
            counts["current"] += 1
            return None
        except InvalidToken:
            pass
        try:
            rotated = cipher().rotate(token)
        except InvalidToken:
            counts["unreadable"] += 1
            return None
        counts["rotated"] += 1
        return TOKEN_PREFIX + rotated.decode("ascii")

