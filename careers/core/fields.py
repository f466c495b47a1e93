from django.db import models


class WebAddressField(models.URLField):
    """A URL field whose form treats a bare "example.com" as https://, as browsers now do."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})
