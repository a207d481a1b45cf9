from django.db import migrations

import kinwell.core.encryption
from kinwell.core.sealing import seal


class Migration(migrations.Migration):
    """Moderators' notes are about a person (and the message sent to them): encrypt them."""

    dependencies = [("moderation", "0002_text_target_ids")]

    operations = [
        *seal(migrations, "moderation", "sanction", "note",
              kinwell.core.encryption.EncryptedTextField(blank=True, default="", verbose_name="message to the person")),
        *seal(migrations, "moderation", "moderationaction", "note",
              kinwell.core.encryption.EncryptedTextField(blank=True, default="")),
    ]
