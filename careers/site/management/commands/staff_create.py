"""`manage.py staff_create NAME --role editor|publisher`: a staff account in its group.

The password comes from STAFF_PASSWORD when it is set (scripts, no terminal), or
is asked for twice at a terminal. Running it again for an existing account moves
it to the role's group (and sets the password when one is given), so it doubles as
"make this person a publisher".
"""

import getpass
import os
import sys

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from careers.core.roles import EDITORS, PUBLISHERS

ROLES = {"editor": EDITORS, "publisher": PUBLISHERS}


class Command(BaseCommand):
    help = "Create a staff account (or update one) in the Editors or Publishers group."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", choices=sorted(ROLES), required=True)
        parser.add_argument("--email", default="")

    def handle(self, *args, username, role, email, **options):
        password = os.environ.get("STAFF_PASSWORD") or self._ask_password()
        user_model = get_user_model()
        user = user_model.objects.filter(username=username).first()
        candidate = user or user_model(username=username, email=email)
        if password:
            try:
                password_validation.validate_password(password, candidate)
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from error
        elif user is None:
            raise CommandError(
                "A new account needs a password: set STAFF_PASSWORD, or run this at a terminal."
            )
        try:
            group = Group.objects.get(name=ROLES[role])
        except Group.DoesNotExist as error:
            raise CommandError("The editorial groups are missing: run `migrate` first.") from error
        with transaction.atomic():
            created = user is None
            user = candidate
            user.is_staff = True
            if email:
                user.email = email
            if password:
                user.set_password(password)
            user.save()
            user.groups.remove(*Group.objects.filter(name__in=ROLES.values()))
            user.groups.add(group)
        verb = "Created" if created else "Updated"
        self.stdout.write(f"{verb} {username}: staff, in {group.name}. Sign in at the admin.")

    def _ask_password(self) -> str:
        if not sys.stdin.isatty():
            return ""
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Password (again): "):
            raise CommandError("The two passwords differ.")
        return first
