from django.http import HttpResponseNotAllowed


class RefuseTraceMiddleware:
    """TRACE (and its old alias TRACK) echo a request back; nothing here needs them."""

    REFUSED = frozenset({"TRACE", "TRACK"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in self.REFUSED:
            return HttpResponseNotAllowed(["GET", "HEAD", "POST", "OPTIONS"])
        return self.get_response(request)
