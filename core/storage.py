"""Where media (images, renditions, documents) are stored, decided by the environment.

With AWS_STORAGE_BUCKET_NAME set, media go to S3-compatible object storage through
django-storages (AWS S3, MinIO, Ceph, Hetzner, OVH …); every app server then shares them, and
readers fetch them from the bucket or the CDN in front of it (AWS_S3_CUSTOM_DOMAIN). Without
it, media are files under MEDIA_ROOT on one machine (or a shared volume), served at MEDIA_URL.
"""

FILE_SYSTEM = "django.core.files.storage.FileSystemStorage"
S3 = "storages.backends.s3.S3Storage"

# A day in browsers and shared caches; replaced images get new file names.
DEFAULT_MEDIA_MAX_AGE = 86400


def media_storage(environ):
    """The STORAGES["default"] entry for this environment."""
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if not bucket:
        return {"BACKEND": FILE_SYSTEM}
    max_age = int(environ.get("MEDIA_MAX_AGE", DEFAULT_MEDIA_MAX_AGE))
    options = {
        "bucket_name": bucket,
        # Credentials may also come from the instance's role or AWS_* variables boto3 reads.
        "access_key": environ.get("AWS_ACCESS_KEY_ID") or None,
        "secret_key": environ.get("AWS_SECRET_ACCESS_KEY") or None,
        "region_name": environ.get("AWS_S3_REGION_NAME") or None,
        "endpoint_url": environ.get("AWS_S3_ENDPOINT_URL") or None,
        "custom_domain": environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
        "location": environ.get("AWS_LOCATION", ""),
        # Public media behind a public bucket or a CDN: plain, cacheable URLs. Set
        # AWS_QUERYSTRING_AUTH=true for a private bucket (signed, expiring URLs).
        "querystring_auth": environ.get("AWS_QUERYSTRING_AUTH", "").lower() in {"1", "true"},
        # "public-read" where the provider uses object ACLs; unset for a bucket whose policy
        # (or CDN origin access) makes media readable.
        "default_acl": environ.get("AWS_DEFAULT_ACL") or None,
        # Never overwrite another upload of the same name; Django picks a free name.
        "file_overwrite": False,
        "object_parameters": {"CacheControl": f"public, max-age={max_age}"},
    }
    return {"BACKEND": S3, "OPTIONS": {k: v for k, v in options.items() if v is not None}}


def serves_media_from_files(storages):
    """True when media are files on this machine (so the app or nginx must serve them)."""
    return storages["default"]["BACKEND"] == FILE_SYSTEM
