"""JSON API for the partnership: the same permission layer as the pages."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.generics import ListAPIView
from rest_framework.request import Request

from assurance.partnerships import selectors
from assurance.partnerships.access import (
    Actor,
    actor_for,
    actors_for_user,
    partnerships_for_user,
)
from assurance.partnerships.models import Agency, Partnership


class PartnershipAPIMixin:
    """Resolve the actor from the URL's partnership and check ``permission``."""

    permission: str = ""
    kwargs: dict[str, Any]

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)  # type: ignore[misc]
        self.actor: Actor = partnership_actor(
            request, kwargs["partnership_slug"], permission=self.permission
        )


# The one way an API request gets its actor: ``partnership_actor`` for one partnership,
# ``partnership_actors`` for every partnership of the user's. Both check two-factor sign-in as
# the pages do (``PartnershipViewMixin``); an endpoint never calls ``access.actor_for`` itself.


def partnership_actor(
    request: Request,
    partnership_slug: str,
    *,
    permission: str = "",
    not_found: str = "No such partnership.",
) -> Actor:
    """The API user's actor in a partnership (404 with ``not_found`` if they do not belong to
    it), signed in as the partnership requires (403) and with ``permission`` if one is named
    (403), for endpoints that name the partnership in the URL or a query parameter, or read a
    record of it."""
    try:
        actor = actor_for(request.user, partnership_slug)
    except Http404 as exc:
        raise NotFound(not_found) from exc
    require_two_factor(request, actor)
    if permission:
        try:
            actor.require(permission)
        except DjangoPermissionDenied as exc:
            raise PermissionDenied(str(exc)) from exc
    return actor


def partnership_actors(request: Request, permission: str) -> list[Actor]:
    """The API user's actors in every partnership of theirs where they hold ``permission``, for
    endpoints that list records across partnerships. A partnership whose two-factor sign-in the
    request lacks is a 403, not silently left out of the list."""
    actors = []
    for actor in actors_for_user(request.user):
        if actor.can(permission):
            require_two_factor(request, actor)
            actors.append(actor)
    return actors


def require_two_factor(request: Request, actor: Actor) -> None:
    """Where the partnership requires two-factor sign-in of the actor's roles: a session must
    have entered a code (``is_verified``), and a personal token must have been made after the
    requirement was turned on (tokens are made only after two-factor sign-in where it is
    required: ``accounts.views.AccountView``), so a token made before stops working here."""
    if not actor.needs_two_factor:
        return
    if isinstance(request.successful_authenticator, SessionAuthentication):
        if not request.user.is_verified():  # type: ignore[union-attr]
            raise PermissionDenied("Two-factor sign-in is required in this partnership.")
        return
    made = getattr(request.auth, "created", None)
    if made is None or made < actor.partnership.two_factor_cutoff:
        raise PermissionDenied(
            "This API token was made before this partnership required two-factor sign-in. "
            "Sign in with two-factor and make a new token on your account page."
        )


class PartnershipSerializer(serializers.ModelSerializer):
    class Meta:
        model = Partnership
        fields = ["slug", "name", "local_authority_name", "la_code", "la_number"]


class AgencySerializer(serializers.ModelSerializer):
    class Meta:
        model = Agency
        fields = ["id", "name", "short_name", "kind", "statutory_role", "sector", "is_active"]


class PartnershipListAPI(ListAPIView):
    """The partnerships you belong to."""

    serializer_class = PartnershipSerializer
    pagination_class = None

    def get_queryset(self) -> Any:
        return partnerships_for_user(self.request.user)


class AgencyListAPI(PartnershipAPIMixin, ListAPIView):
    """The agencies of one partnership."""

    permission = "agency.view"
    serializer_class = AgencySerializer
    pagination_class = None

    @extend_schema(operation_id="partnership_agencies_list")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Any:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        return selectors.agency_list(actor=self.actor)
