from careers.core import plugins


class JobsConfig(plugins.PluginAppConfig):
    name = "jobs"
    verbose_name = "Jobs"
