"""The request being answered, for links made while answering it (marketplace.core.mail.site_url):
without SITE_URL they start with the address the person used, wherever the site is served."""

from contextvars import ContextVar

current_request: ContextVar = ContextVar("current_request", default=None)


class CurrentRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # What waits for the commit (e-mails, tasks run at once) runs inside this call, as
        # views commit before they answer: their links use this request's address too.
        token = current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            current_request.reset(token)
