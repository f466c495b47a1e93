from careers.core import plugins


class FlashcardsConfig(plugins.PluginAppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "flashcards"
    verbose_name = "Interview flashcards"
