from django.db import migrations

import kinwell.core.encryption
from kinwell.core.sealing import seal


class Migration(migrations.Migration):
    """Check-in tags can be a person's own words: encrypt them like notes."""

    dependencies = [("checkins", "0001_initial")]

    operations = seal(
        migrations, "checkins", "checkin", "tags",
        kinwell.core.encryption.EncryptedJSONField(blank=True, default=list)
    )
