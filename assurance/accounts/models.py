"""Accounts: a person's sign-in identity. What they may do lives in partnerships.Person."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone


def normalise_email(value: object) -> str:
    """An e-mail address as accounts are kept and found: without surrounding spaces, in lower
    case. Sign-in, lockout counting and password reset all use it, so ``Jo@X.example `` is the
    same account, with the same count of failed sign-ins, as ``jo@x.example``."""
    return str(value or "").strip().lower()


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=normalise_email(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)

    def get_by_natural_key(self, username: str | None) -> User:
        return self.get(email__iexact=normalise_email(username))


class User(AbstractBaseUser, PermissionsMixin):  # type: ignore[django-manager-missing]
    """Someone who signs in. Signs in with an e-mail address."""

    email = models.EmailField("e-mail address", unique=True)
    full_name = models.CharField(max_length=150)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)
    password_changed_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When the password was last set. A personal API token made before then does "
        "not work (as a password change ends the other sessions).",
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.full_name or self.email

    def set_password(self, raw_password: str | None) -> None:
        super().set_password(raw_password)
        self.password_changed_at = timezone.now()

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email


class PasswordResetRequest(models.Model):
    """One request for a password-reset link, kept for an hour to limit how many are sent
    (``services.password_reset_allowed``). ``key`` is a keyed hash of the e-mail address or of
    the client's address: neither is stored as typed."""

    key = models.CharField(max_length=64, db_index=True)
    requested_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"Password-reset request at {self.requested_at:%Y-%m-%d %H:%M}"


# Defined in the sub-package of its noun; imported here for Django (see accounts/oidc/).
from assurance.accounts.oidc.models import OrganisationSignInDevice  # noqa: E402

__all__ = ["OrganisationSignInDevice", "PasswordResetRequest", "User", "normalise_email"]
