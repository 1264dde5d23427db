from typing import Any

from django.conf import settings
from django.http import HttpRequest


def service(request: HttpRequest) -> dict[str, Any]:
    return {"SERVICE_NAME": settings.SERVICE_NAME, "SERVICE_PHASE": settings.SERVICE_PHASE}
