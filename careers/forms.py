from careers.core.admin import NoLostWorkForm
from careers.models import Career


class CareerForm(NoLostWorkForm):
    class Meta:
        model = Career
        fields = "__all__"
