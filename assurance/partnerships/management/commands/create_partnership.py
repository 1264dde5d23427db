from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from assurance.partnerships.models import (
    Agency,
    AgencyKind,
    Partnership,
    Person,
    Sector,
    StatutoryRole,
)


class Command(BaseCommand):
    help = (
        "Create a partnership with its local authority and its first business-unit user, who "
        "then manages everything else in the service. Idempotent for the same slug."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--slug", required=True)
        parser.add_argument("--name", required=True)
        parser.add_argument(
            "--local-authority",
            required=True,
            help="The local authority's name, e.g. 'Northfield Borough Council'.",
        )
        parser.add_argument("--admin-email", required=True)
        parser.add_argument("--admin-name", required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        user_model = get_user_model()
        with transaction.atomic():
            partnership, created = Partnership.unscoped.get_or_create(
                slug=options["slug"], defaults={"name": options["name"]}
            )
            council, _ = Agency.unscoped.get_or_create(
                partnership=partnership,
                statutory_role=StatutoryRole.LOCAL_AUTHORITY,
                defaults={
                    "name": options["local_authority"],
                    "short_name": "Council",
                    "kind": AgencyKind.STATUTORY_PARTNER,
                    "sector": Sector.LOCAL_AUTHORITY,
                },
            )
            email = options["admin_email"].lower()
            user = user_model.objects.filter(email__iexact=email).first()
            if user is None:
                user = user_model.objects.create_user(
                    email=email, password=None, full_name=options["admin_name"]
                )
            Person.unscoped.update_or_create(
                partnership=partnership,
                email=email,
                defaults={
                    "agency": council,
                    "user": user,
                    "full_name": options["admin_name"],
                    "is_business_unit": True,
                    "is_active": True,
                },
            )
        if not user.has_usable_password():
            self.stdout.write(
                f"{email} has no password yet: they set one with 'Forgotten your "
                "password' on the sign-in page."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Partnership {partnership.slug} {'created' if created else 'already existed'}."
            )
        )
