from careers.core import plugins


class GuidesConfig(plugins.PluginAppConfig):
    name = "guides"
    verbose_name = "Guides"
