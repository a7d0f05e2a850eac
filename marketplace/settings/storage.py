"""Where uploaded files live when MEDIA_STORAGE=s3: an S3-compatible bucket (AWS, MinIO, Scaleway, OVH…) through
django-storages, instead of the MEDIA_ROOT and PRIVATE_MEDIA_ROOT folders. A function of the environment, so that
tests build the same settings."""


def s3_storages(env) -> dict:
    """The `default` (public media: logos, product photos, editors' images) and `private` (attachments, never
    public: short-lived signed links, and the views that check who asks) storages."""
    common = {
        "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
        "endpoint_url": env("AWS_S3_ENDPOINT_URL") or None,
        "region_name": env("AWS_S3_REGION_NAME") or None,
        "file_overwrite": False,  # two uploads with one name keep both, as on disk
    }
    return {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "location": "media",
                "querystring_auth": False,  # the bucket's policy makes media/ readable: plain, cacheable links
                "custom_domain": env("AWS_S3_CUSTOM_DOMAIN") or None,
            },
        },
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "bucket_name": env("AWS_PRIVATE_STORAGE_BUCKET_NAME") or common["bucket_name"],
                "location": "private",
                "default_acl": "private",
                "querystring_auth": True,
                "querystring_expire": 300,
            },
        },
    }
