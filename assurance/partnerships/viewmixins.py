"""The base every partnership page is built on: sign-in, partnership, role check, navigation.

A view declares ``permission``; ``dispatch`` resolves the actor (404 outside their partnerships),
enforces two-factor sign-in where the partnership requires it, and checks the permission (403).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse
from django.views import View

from assurance.core.registry import navigation_items
from assurance.partnerships.access import Actor, actor_for


class PartnershipViewMixin(View):
    permission: str = ""
    actor: Actor
    section: str = ""
    page_title: str = ""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not self.permission:
            raise NotImplementedError(f"{type(self).__name__} must declare a permission.")
        self.actor = actor_for(request.user, kwargs["partnership_slug"])
        if self.actor.needs_two_factor and not request.user.is_verified():  # type: ignore[union-attr,attr-defined]
            return redirect(f"{reverse('accounts:two_factor')}?next={request.get_full_path()}")
        self.actor.require(self.permission)
        return super().dispatch(request, *args, **kwargs)

    @property
    def partnership(self) -> Any:
        return self.actor.partnership

    def partnership_url(self, name: str, *args: Any) -> str:
        return reverse(name, args=[self.actor.partnership.slug, *args])

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return []

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(**kwargs)  # type: ignore[misc]
        context.update(
            actor=self.actor,
            partnership=self.actor.partnership,
            navigation=self.navigation(),
            breadcrumbs=self.get_breadcrumbs(),
            page_title=self.page_title,
        )
        return context

    def navigation(self) -> list[dict[str, Any]]:
        """The service navigation: one entry per heading, linking to its first page the actor
        may use; each entry lists its pages (``items``) for the sub-navigation."""
        headings: dict[str, dict[str, Any]] = {}
        for item in navigation_items():
            if not self.actor.can(item.permission):
                continue
            page = {
                "text": item.text,
                "href": reverse(item.url_name, args=[self.actor.partnership.slug]),
                "current": bool(item.section) and item.section == self.section,
            }
            heading = headings.setdefault(
                item.heading, {"text": item.heading, "href": page["href"], "items": []}
            )
            heading["items"].append(page)
        for heading in headings.values():
            heading["current"] = any(page["current"] for page in heading["items"])
        return list(headings.values())
