from careers.core import plugins


class CareersConfig(plugins.PluginAppConfig):
    """The hub of the domain: careers, their categories and salary figures."""

    name = "careers"
    verbose_name = "Careers"
