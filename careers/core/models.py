"""What the core keeps in the database: the content version readers' pages are filed under."""

from django.db import models


class ContentVersion(models.Model):
    """One row naming the current version of everything readers see (careers.core.cache).

    It lives in the database, not in the shared cache, so that a change made
    while the cache is down still makes every page fresh once it is back, and
    so that every worker and server reads the same one.
    """

    token = models.CharField(max_length=32, help_text="A new random value at every change.")
    changed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(id=1), name="core_contentversion_one_row"),
        ]

    def __str__(self):
        return f"content version {self.token} ({self.changed_at:%Y-%m-%d %H:%M:%S})"
