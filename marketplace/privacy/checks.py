from django.apps import apps
from django.conf import settings
from django.core import checks


def user_links():
    """(model label, field name) of every concrete field of every model pointing at the user model."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if field.concrete and field.is_relation and field.related_model is user_model:
                yield model._meta.label, field.name


@checks.register()
def personal_data_declared(app_configs=None, **kwargs):
    from .registry import links

    declared = links()
    return [
        checks.Error(
            f"{label}.{field} points at a person but is not declared for export and erasure.",
            hint=f'Add declare("{label}", "{field}", erase=...) to marketplace/privacy/declarations.py.',
            id="privacy.E001",
        )
        for label, field in user_links()
        if (label, field) not in declared
    ]
