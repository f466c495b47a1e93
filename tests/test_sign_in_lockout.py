"""Sign-in lockouts key on the real client address: behind TRUSTED_PROXY_COUNT proxies,
the address the outermost proxy saw; a spoofed X-Forwarded-For never chooses it."""

import os
import subprocess
import sys

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"  # the load balancer: every request arrives from it
EDITOR = "198.51.100.4"
ATTACKER = "203.0.113.9"
PASSWORD = "c0rrect-Horse-battery"


@pytest.fixture
def editor():
    return User.objects.create_user("editor", password=PASSWORD, is_staff=True)


@pytest.fixture
def behind_one_proxy(settings):
    """What careers/settings.py sets for TRUSTED_PROXY_COUNT=1."""
    settings.TRUSTED_PROXY_COUNT = 1
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
    settings.AXES_IPWARE_PROXY_ORDER = "left-most"
    settings.AXES_IPWARE_PROXY_COUNT = 0
    settings.IPWARE_STRICT = False


def sign_in(password: str, forwarded_for: str | None, remote: str = PROXY):
    """A sign-in as the proxy passes it on: the client's header, then the client's address."""
    headers = {"REMOTE_ADDR": remote}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return Client().post(
        reverse("admin:login"),
        {"username": "editor", "password": password, "next": "/admin/"},
        **headers,
    )


def test_an_attacker_behind_the_proxy_locks_only_themselves_out(editor, behind_one_proxy):
    for number in range(4):
        # Each try claims another address; the proxy appends the one it really saw.
        response = sign_in("wrong", f"192.0.2.{number}, {ATTACKER}")
        assert response.status_code == 200
    assert sign_in("wrong", f"192.0.2.99, {ATTACKER}").status_code == 429  # the fifth
    assert sign_in(PASSWORD, ATTACKER).status_code == 429  # the attacker is locked out
    assert sign_in(PASSWORD, EDITOR).status_code == 302  # the editor is not


def test_a_spoofed_header_cannot_pick_the_editors_address(editor, behind_one_proxy):
    for _ in range(6):
        sign_in("wrong", f"{EDITOR}, {ATTACKER}")  # claims to be the editor
    assert sign_in(PASSWORD, EDITOR).status_code == 302


def test_without_a_trusted_proxy_the_header_is_ignored(editor, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]
    for number in range(5):
        sign_in("wrong", f"192.0.2.{number}", remote=ATTACKER)
    assert sign_in(PASSWORD, EDITOR, remote=ATTACKER).status_code == 429
    assert sign_in(PASSWORD, ATTACKER, remote=EDITOR).status_code == 302


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "0 ['REMOTE_ADDR'] None"),
        ({"BEHIND_TLS_PROXY": "true"}, "1 ['HTTP_X_FORWARDED_FOR', 'REMOTE_ADDR'] 0"),
        ({"TRUSTED_PROXY_COUNT": "2"}, "2 ['HTTP_X_FORWARDED_FOR', 'REMOTE_ADDR'] 1"),
    ],
)
def test_trusted_proxy_count_configures_the_lockouts(env, expected):
    code = (
        "from django.conf import settings as s; "
        "print(s.TRUSTED_PROXY_COUNT, s.AXES_IPWARE_META_PRECEDENCE_ORDER, "
        "getattr(s, 'AXES_IPWARE_PROXY_COUNT', None))"
    )
    clean = {k: v for k, v in os.environ.items() if k not in ("BEHIND_TLS_PROXY",)}
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env={**clean, "DJANGO_SETTINGS_MODULE": "careers.settings", "SECRET_KEY": "x", **env},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == expected
