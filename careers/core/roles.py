"""The two editorial roles and what each may do.

Editors write and change content and delete the parts of a guide; only
publishers publish, unpublish and delete whole items. Each app's data
migration calls `editorial_permissions_grant` for its models, so the groups
always match the code.
"""

EDITORS = "Editors"
PUBLISHERS = "Publishers"


def editorial_permissions_grant(
    apps,
    *,
    app_label: str,
    items: list[str],
    parts: list[str] = (),
    publish: list[str] = (),
    publisher_only: list[str] = (),
) -> None:
    """Grant Editors and Publishers their permissions on one app's models.

    `items` are things with a life of their own (a guide): editors may not delete
    them. `parts` belong to an item (a roadmap step): editors may delete them.
    `publish` are extra codenames only publishers get ("publish_guide").
    `publisher_only` are models only publishers change (a job source, whose fetched
    listings go live without review): editors may only view them.
    """
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations ran; create this
    # app's now so the groups can hold them on a fresh database.
    app_config = apps.get_app_config(app_label)
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True  # a migration's app state has none
    try:
        create_permissions(app_config, apps=apps, verbosity=0)
    finally:
        app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    publishers, _ = Group.objects.get_or_create(name=PUBLISHERS)

    def codenames(models, actions):
        return [f"{action}_{model}" for model in models for action in actions]

    editor_codes = (
        codenames(items, ["view", "add", "change"])
        + codenames(parts, ["view", "add", "change", "delete"])
        + codenames(publisher_only, ["view"])
    )
    publisher_codes = codenames(
        [*items, *parts, *publisher_only], ["view", "add", "change", "delete"]
    ) + list(publish)
    for group, codes in ((editors, editor_codes), (publishers, publisher_codes)):
        permissions = Permission.objects.filter(
            content_type__app_label=app_label, codename__in=codes
        )
        missing = set(codes) - set(permissions.values_list("codename", flat=True))
        if missing:
            raise LookupError(f"No such permissions in {app_label}: {sorted(missing)}")
        group.permissions.add(*permissions)
