"""Pages that belong to no partnership: accessibility, privacy, health check, error pages."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.generic import TemplateView

from assurance.core.json_api import is_api, json_error


class AccessibilityView(TemplateView):
    template_name = "core/accessibility.html"


class PrivacyView(TemplateView):
    template_name = "core/privacy.html"


def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers: the app is up and its database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


# Under the API's prefix, errors are JSON in the shape of the API's other errors; elsewhere, pages.


def error_403(request: HttpRequest, exception: Any = None) -> HttpResponse:
    if is_api(request):
        return json_error(403, "You do not have permission to perform this action.")
    return render(request, "errors/403.html", status=403)


def error_404(request: HttpRequest, exception: Any = None) -> HttpResponse:
    if is_api(request):
        return json_error(404, "Not found.")
    return render(request, "errors/404.html", status=404)


def error_500(request: HttpRequest) -> HttpResponse:
    if is_api(request):
        return json_error(500, "A server error occurred.")
    return render(request, "errors/500.html", status=500)


def error_400(request: HttpRequest, exception: Any = None) -> HttpResponse:
    if is_api(request):
        return json_error(400, "Bad request.")
    return render(request, "errors/400.html", status=400)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    if is_api(request):
        return json_error(403, "CSRF Failed: send the CSRF token, or use a token.")
    return render(request, "errors/csrf.html", status=403)
