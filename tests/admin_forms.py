"""Turn an admin change page into the POST data its form would submit unchanged."""


def _field_value(bound_field):
    value = bound_field.value()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "on" if value else ""
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return str(value)


def form_data(form) -> dict:
    data = {}
    for bound_field in form:
        value = _field_value(bound_field)
        if value == "" and getattr(bound_field.field.widget, "input_type", None) == "checkbox":
            continue
        if hasattr(bound_field.field, "fields"):  # MultiValueField, e.g. split date-time
            for index, part in enumerate(bound_field.field.widget.decompress(bound_field.value())):
                data[f"{bound_field.html_name}_{index}"] = "" if part is None else str(part)
            continue
        data[bound_field.html_name] = value
    return data


def change_form_data(response) -> dict:
    """Everything the admin change form on `response` would post if saved as it is."""
    data = form_data(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(form_data(formset.management_form))
        for form in formset.initial_forms:
            data.update(form_data(form))
    return data
