"""Project-wide system checks."""

from django.conf import settings
from django.contrib.staticfiles.storage import ManifestFilesMixin
from django.core.checks import Error, Tags, register
from django.core.files.storage import storages


@register(Tags.staticfiles, deploy=True)
def static_manifest_collected(app_configs=None, **kwargs):
    """With hashed static files (production settings) and no manifest, every page that
    links an asset answers 500: refuse the deployment instead (`check --deploy`)."""
    storage = storages["staticfiles"]
    if settings.DEBUG or not isinstance(storage, ManifestFilesMixin) or storage.exists(storage.manifest_name):
        return []
    return [
        Error(
            f"The static files manifest {storage.manifest_name} is missing from STATIC_ROOT ({settings.STATIC_ROOT}).",
            hint="Run `manage.py collectstatic --noinput` with these settings (the Dockerfile does at build time).",
            id="marketplace.E001",
        )
    ]
