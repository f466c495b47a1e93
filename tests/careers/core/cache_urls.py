"""Views for tests/careers/test_cache.py: what the readers' cache must not store,
and a decorator wrapped around `reader_cache`."""

from functools import wraps

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path

from careers.core.cache import reader_cache

calls = []


@reader_cache
def with_csrf_token(request):
    calls.append("with-csrf-token")
    return HttpResponse(f"<form><input name=csrfmiddlewaretoken value={get_token(request)}>")


@reader_cache
def with_session_write(request):
    calls.append("with-session-write")
    request.session["seen"] = True
    return HttpResponse("Remembered you.")


@reader_cache
def plain(request):
    calls.append("plain")
    return HttpResponse("The same for everyone.")


def outer(view):
    @wraps(view)
    def checked(request, *args, **kwargs):
        calls.append("outer")
        return view(request, *args, **kwargs)

    return checked


@outer
@reader_cache
def wrapped(request):
    calls.append("wrapped")
    return HttpResponse("Behind a check.")


urlpatterns = [
    path("with-csrf-token/", with_csrf_token),
    path("with-session-write/", with_session_write),
    path("plain/", plain),
    path("wrapped/", wrapped),
]
