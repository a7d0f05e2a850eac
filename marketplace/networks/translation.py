"""A charter is written in the languages its network's members read, like the network's texts."""

from modeltranslation.translator import TranslationOptions, register

from .models import CharterVersion


@register(CharterVersion)
class CharterVersionTranslation(TranslationOptions):
    fields = ("title", "text")
