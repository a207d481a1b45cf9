from django.db import migrations

import kinwell.core.encryption
from kinwell.core.sealing import seal


class Migration(migrations.Migration):
    """The name a reply is shown under is chosen by the person (often their own): encrypt it."""

    dependencies = [("library", "0001_initial")]

    operations = seal(
        migrations, "library", "reply", "display_name",
        kinwell.core.encryption.EncryptedTextField(blank=True, default="", verbose_name="name shown")
    )
