"""The case's facts and, beside them, their screening (issue 15).

``answers`` held the screening contract's input: it is renamed ``facts``
(the column keeps its ciphertext; nothing is re-encrypted). ``screening``
holds the rules' output for those facts, encrypted like them. Existing
cases get none here (null: nothing to encrypt, so ``migrate`` needs no
data keys): it is filled on first read
(``intake.services.case_screening``), because a migration that ran the
rules would tie this file to code that moves on, and would need the data
keys of every row.
"""

import intake.crypto
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0006_second_factors_at_rest"),
    ]

    operations = [
        migrations.RenameField(model_name="case", old_name="answers", new_name="facts"),
        migrations.AddField(
            model_name="case",
            name="screening",
            field=intake.crypto.EncryptedJSONField(blank=True, default=None, null=True),
        ),
        migrations.AddField(
            model_name="case",
            name="rescreened_under",
            field=models.CharField(blank=True, max_length=40),
        ),
    ]
