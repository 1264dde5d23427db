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
from assurance.partnerships.access import Actor, actor_for, partnerships_for_user
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


def partnership_actor(request: Request, partnership_slug: str, *, permission: str) -> Actor:
    """The API user's actor in a partnership (404 if they do not belong to it), with the
    permission checked (403), for endpoints that name the partnership in the URL or a query
    parameter."""
    try:
        actor = actor_for(request.user, partnership_slug)
        if (
            actor.needs_two_factor
            and isinstance(request.successful_authenticator, SessionAuthentication)
            and not request.user.is_verified()  # type: ignore[union-attr]
        ):
            # The same rule as the pages: a session signed in with a password only. (Tokens
            # can only be created after two-factor sign-in: see accounts.views.AccountView.)
            raise PermissionDenied("Two-factor sign-in is required in this partnership.")
        actor.require(permission)
    except Http404 as exc:
        raise NotFound("No such partnership.") from exc
    except DjangoPermissionDenied as exc:
        raise PermissionDenied(str(exc)) from exc
    return actor


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
