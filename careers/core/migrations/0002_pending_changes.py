import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_content_version'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('reversion', '0002_add_index_on_version_for_content_type_and_db'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='PendingChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('object_id', models.CharField(help_text="The item's primary key, as text.", max_length=191)),
                ('object_repr', models.CharField(help_text='The item as it was submitted.', max_length=200)),
                ('kind', models.CharField(choices=[('new', 'New item'), ('change', 'Changes to a live item')], max_length=8)),
                ('state', models.CharField(choices=[('pending', 'Waiting for review'), ('scheduled', 'Approved for later'), ('approved', 'Approved'), ('rejected', 'Rejected'), ('superseded', 'Replaced by later changes'), ('withdrawn', 'Discarded')], db_index=True, default='pending', max_length=12)),
                ('is_open', models.BooleanField(default=True, help_text="The item's work in progress: what its change form, preview and import start from. Closed once approved, replaced or discarded.")),
                ('submitted_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('summary', models.CharField(blank=True, help_text='What the submitter changed, in a line.', max_length=300)),
                ('decided_at', models.DateTimeField(blank=True, null=True)),
                ('comment', models.TextField(blank=True, help_text="The publisher's word to the editor: why it was sent back.")),
                ('publish_at', models.DateTimeField(blank=True, help_text='When an approval scheduled for later takes effect.', null=True)),
                ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype')),
                ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='decided_changes', to=settings.AUTH_USER_MODEL)),
                ('revision', models.ForeignKey(help_text='The item with all its parts as submitted; live rows are untouched.', on_delete=django.db.models.deletion.PROTECT, related_name='pending_changes', to='reversion.revision')),
                ('submitted_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='submitted_changes', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'pending change',
                'verbose_name_plural': 'review queue',
                'ordering': ['-submitted_at', '-pk'],
                'indexes': [models.Index(fields=['content_type', 'object_id'], name='core_pendingchange_item')],
                'constraints': [models.UniqueConstraint(condition=models.Q(('is_open', True)), fields=('content_type', 'object_id'), name='core_pendingchange_one_open_per_item'), models.CheckConstraint(condition=models.Q(('is_open', False), ('state__in', ['pending', 'scheduled', 'rejected']), _connector='OR'), name='core_pendingchange_open_only_while_undone'), models.CheckConstraint(condition=models.Q(models.Q(('state', 'scheduled'), _negated=True), ('publish_at__isnull', False), _connector='OR'), name='core_pendingchange_scheduled_has_time')],
            },
        ),
    ]
