import os
import uuid

import pytest

from bench.stack.varnish import Varnish, varnishd_path


def require_varnish():
    if varnishd_path():
        return
    if os.environ.get("CI") or os.environ.get("REQUIRE_POSTGRES"):
        pytest.fail("varnishd is missing; CI must install varnish (see .ci/run).")
    pytest.skip("varnishd not installed (apt-get install varnish)")


@pytest.fixture
def front_cache(live_server, settings):
    """A real Varnish with the project's VCL in front of the live server, which purges it."""
    require_varnish()
    port = int(live_server.url.rsplit(":", 1)[1])
    varnish = Varnish([("127.0.0.1", port)])
    settings.FRONTEND_CACHE_URLS = [varnish.purge_url]
    yield varnish
    varnish.stop()


@pytest.fixture
def redis_cache(settings):
    """The production cache backend on a real Redis, with keys of this test's own."""
    from django.core.cache import caches

    settings.CACHES = {"default": {
        "BACKEND": "django_redis.cache.RedisCache", "LOCATION": "redis://127.0.0.1:6379/9",
        "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
    }}
    yield caches["default"]
    caches["default"].delete_pattern("*")
