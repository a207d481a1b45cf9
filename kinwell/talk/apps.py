from django.apps import AppConfig


class TalkConfig(AppConfig):
    name = "kinwell.talk"
    label = "talk"
    verbose_name = "Talking together"



