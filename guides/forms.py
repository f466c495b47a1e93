from careers.core.admin import PublishableForm
from guides.models import Guide


class GuideForm(PublishableForm):
    class Meta:
        model = Guide
        fields = "__all__"
