"""Reads: a person's personal data, for their export."""

from django.apps import apps
from django.db import models

from .registry import links

# Never exported: secrets that prove who someone is.
SECRET_FIELDS = {"password", "key", "token"}

USER_FIELDS = ("email", "first_name", "last_name", "language", "date_joined", "last_login")


def _row(instance) -> dict:
    row = {}
    for field in instance._meta.concrete_fields:
        if field.name in SECRET_FIELDS:
            continue
        value = field.value_from_object(instance)
        if isinstance(field, models.FileField):
            value = value.name if value else ""
        row[field.attname] = value
    return row


def personal_data(*, user) -> dict[str, list[dict]]:
    """Category (the model's plural name) → rows: the person's own fields, then every
    declared link's rows (registry.py), each row with all its fields but secrets."""
    data = {"account": [{name: getattr(user, name) for name in USER_FIELDS}]}
    for link in links().values():
        if not link.export:
            continue
        model = apps.get_model(link.model)
        category = f"{model._meta.label_lower}.{link.field}"
        rows = [_row(instance) for instance in model._default_manager.filter(**{link.field: user}).distinct()]
        if rows:
            data[category] = rows
    return data


def personal_files(*, user):
    """(name in the export, file) of the uploads in the person's rows."""
    for link in links().values():
        if not link.export:
            continue
        model = apps.get_model(link.model)
        file_fields = [field for field in model._meta.concrete_fields if isinstance(field, models.FileField)]
        if not file_fields:
            continue
        for instance in model._default_manager.filter(**{link.field: user}).distinct():
            for field in file_fields:
                upload = getattr(instance, field.name)
                if upload and upload.storage.exists(upload.name):
                    yield f"files/{model._meta.label_lower}/{instance.pk}-{upload.name.rsplit('/', 1)[-1]}", upload
