"""Staff accounts in the editorial groups (made by the migrations), for admin tests."""

from django.contrib.auth.models import Group, User
from django.test import Client

PASSWORD = "correct-horse-battery-staple"


def staff_user(username: str, role: str | None = None, **fields) -> User:
    """A staff account in the group `role` (none: staff with no rights at all)."""
    user = User.objects.create_user(username=username, password=PASSWORD, is_staff=True, **fields)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def staff_client(username: str, role: str | None = None, **fields) -> Client:
    client = Client()
    client.force_login(staff_user(username, role, **fields))
    return client


def signed_in_browser(new_context, live_server, user: User):
    """A Chromium page signed in to the admin as `user`, confirming any dialog."""
    page = new_context(viewport={"width": 1280, "height": 1000}).new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    return page
