"""Second factors at rest (intake/otp.py).

Existing TOTP keys are sealed with the newest case key, so they keep
working. Existing backup codes were stored as typed (8 characters, 40 bits:
a hash of them could be reversed by guessing), so they are deleted; issue
new ones with ``manage.py staff_backup_codes``. The authenticator still
signs people in meanwhile.
"""

from django.db import migrations


def seal_totp_keys(apps, schema_editor):
    from intake import otp

    devices = apps.get_model("otp_totp", "TOTPDevice").objects
    for device in devices.using(schema_editor.connection.alias).iterator():
        if device.key and not otp.is_sealed(device.key):
            device.key = otp.seal(device.key)
            device.save(update_fields=["key"])


def drop_plain_backup_codes(apps, schema_editor):
    tokens = apps.get_model("otp_static", "StaticToken").objects
    tokens.using(schema_editor.connection.alias).all().delete()


class Migration(migrations.Migration):

    dependencies = [
        ('intake', '0005_rate_limit_cache_table'),
        ('otp_static', '0003_add_timestamps'),
        ('otp_totp', '0003_add_timestamps'),
    ]

    operations = [
        migrations.CreateModel(
            name='HashedStaticDevice',
            fields=[
            ],
            options={
                'proxy': True,
                'indexes': [],
                'constraints': [],
            },
            bases=('otp_static.staticdevice',),
        ),
        migrations.CreateModel(
            name='SealedTOTPDevice',
            fields=[
            ],
            options={
                'proxy': True,
                'indexes': [],
                'constraints': [],
            },
            bases=('otp_totp.totpdevice',),
        ),
        migrations.RunPython(seal_totp_keys, migrations.RunPython.noop),
        migrations.RunPython(drop_plain_backup_codes, migrations.RunPython.noop),
    ]
