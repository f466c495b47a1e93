"""Response headers every page carries, and one log line per request."""

import logging
import time
import uuid

from django.conf import settings

request_log = logging.getLogger("careers.requests")


class SecurityHeadersMiddleware:
    """Content-Security-Policy and Permissions-Policy on every response.

    Django's SecurityMiddleware already sets HSTS, nosniff, Referrer-Policy and
    Cross-Origin-Opener-Policy; X-Frame-Options comes from the clickjacking
    middleware. The policy allows no inline script or style at all: pages load
    their scripts and styles from /static/, and JSON-LD blocks are data, not script.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = "; ".join(
            f"{directive} {' '.join(sources)}"
            for directive, sources in settings.CONTENT_SECURITY_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", self.policy)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class RequestLogMiddleware:
    """One line per request: method, path, status, duration and a request id.

    The id comes from the load balancer's X-Request-ID when it sends one, is
    echoed in the response, and is on every log line written for the request,
    so an error in the log can be found from what a user or the proxy saw.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = _request_id(request)
        started = time.perf_counter()
        response = self.get_response(request)
        duration_ms = (time.perf_counter() - started) * 1000
        response["X-Request-ID"] = request.id
        level = logging.ERROR if response.status_code >= 500 else logging.INFO
        request_log.log(
            level,
            "%s %s %s %.1fms",
            request.method,
            request.get_full_path()[:500],
            response.status_code,
            duration_ms,
            extra={"request_id": request.id},
        )
        return response


def _request_id(request) -> str:
    given = request.headers.get("X-Request-ID", "")
    if given and len(given) <= 64 and all(c.isalnum() or c in "-_." for c in given):
        return given
    return uuid.uuid4().hex


class OneLineWarning(logging.Filter):
    """Turns a record into one short WARNING line, without its traceback.

    For events that are the client's doing and need no fixing on our side,
    such as a Host header the site does not serve: Django logs each as an ERROR
    with a full traceback, which buries real errors.
    """

    def filter(self, record):
        record.msg = " ".join(record.getMessage().split())[:300]
        record.args = ()
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.exc_info = record.exc_text = record.stack_info = None
        return True


class RequestIdFilter(logging.Filter):
    """Gives every log record a request_id field, "-" outside a request."""

    def filter(self, record):
        if not hasattr(record, "request_id"):
            request = getattr(record, "request", None)
            record.request_id = getattr(request, "id", "-")
        return True
