"""Keep a staging site out of search engines."""

from .seo import is_staging


class StagingNoIndexMiddleware:
    """On staging (SITE_ENVIRONMENT=staging), every response, static files and media
    included, tells crawlers not to index it or follow its links."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_staging():
            response.headers["X-Robots-Tag"] = "noindex, nofollow"
        return response
