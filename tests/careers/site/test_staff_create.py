"""Accounts from the command line: `make admin` with no terminal, `make editor`/`publisher`."""

import os
import sqlite3
import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from careers.core.roles import EDITORS, PUBLISHERS

REPO = Path(__file__).resolve().parents[3]
PASSWORD = "a-long-and-unusual-passphrase"


@pytest.fixture
def groups(editorial_groups):
    return editorial_groups


def groups_of(username):
    return sorted(User.objects.get(username=username).groups.values_list("name", flat=True))


@pytest.mark.django_db
def test_an_editor_and_a_publisher_get_staff_accounts_in_their_groups(groups, monkeypatch):
    monkeypatch.setenv("STAFF_PASSWORD", PASSWORD)
    out = StringIO()
    call_command("staff_create", "ann", role="editor", email="ann@example.com", stdout=out)
    call_command("staff_create", "bob", role="publisher", stdout=StringIO())
    assert "Created ann: staff, in Editors." in out.getvalue()
    ann = User.objects.get(username="ann")
    assert ann.is_staff
    assert not ann.is_superuser
    assert ann.email == "ann@example.com"
    assert ann.check_password(PASSWORD)
    assert groups_of("ann") == [EDITORS]
    assert groups_of("bob") == [PUBLISHERS]


@pytest.mark.django_db
def test_running_it_again_moves_the_account_to_the_other_role(groups, monkeypatch):
    monkeypatch.setenv("STAFF_PASSWORD", PASSWORD)
    call_command("staff_create", "ann", role="editor", stdout=StringIO())
    monkeypatch.delenv("STAFF_PASSWORD")
    call_command("staff_create", "ann", role="publisher", stdout=StringIO())
    assert groups_of("ann") == [PUBLISHERS]
    assert User.objects.get(username="ann").check_password(PASSWORD)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("password", "message"),
    [("", "A new account needs a password"), ("password", "This password is too common.")],
)
def test_a_new_account_without_a_sound_password_is_refused(groups, monkeypatch, password, message):
    monkeypatch.setenv("STAFF_PASSWORD", password)
    with pytest.raises(CommandError, match=message):
        call_command("staff_create", "ann", role="editor", stdout=StringIO())
    assert not User.objects.filter(username="ann").exists()


def run_make(target, tmp_path, **env):
    """`make TARGET` with no terminal, on a database of its own."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_SUPERUSER_PASSWORD", "STAFF_PASSWORD"}
    }
    environment.update(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", **env)
    return subprocess.run(  # noqa: S603 - our own Makefile, as a developer runs it
        ["make", "--no-print-directory", *target.split()],  # noqa: S607 - make from PATH
        cwd=REPO,
        env=environment,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_make_admin_and_make_editor_work_without_a_terminal(tmp_path):
    refused = run_make("admin", tmp_path)
    assert refused.returncode != 0
    assert "set DJANGO_SUPERUSER_USERNAME" in refused.stderr
    admin = run_make(
        "admin",
        tmp_path,
        DJANGO_SUPERUSER_USERNAME="root",
        DJANGO_SUPERUSER_EMAIL="root@example.com",
        DJANGO_SUPERUSER_PASSWORD=PASSWORD,
    )
    assert admin.returncode == 0, admin.stderr
    editor = run_make("editor NAME=ann EMAIL=ann@example.com", tmp_path, STAFF_PASSWORD=PASSWORD)
    assert editor.returncode == 0, editor.stderr
    nameless = run_make("publisher", tmp_path, STAFF_PASSWORD=PASSWORD)
    assert "Say who: make publisher NAME=" in nameless.stderr
    with sqlite3.connect(tmp_path / "db.sqlite3") as db:
        rows = db.execute(
            "SELECT u.username, u.is_superuser, u.is_staff, g.name FROM auth_user u"
            " LEFT JOIN auth_user_groups ug ON ug.user_id = u.id"
            " LEFT JOIN auth_group g ON g.id = ug.group_id ORDER BY u.username"
        ).fetchall()
    assert rows == [("ann", 0, 1, EDITORS), ("root", 1, 1, None)]
