"""A test URLconf: the real one plus views that fail, to see the 500 page and the API's 500."""

from django.http import HttpRequest, HttpResponse
from django.urls import path
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from assurance.urls import urlpatterns as real_urlpatterns


def failing_view(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("SECRET-INTERNAL-DETAIL: the database password is hunter2")


class FailingAPI(APIView):
    permission_classes = [AllowAny]

    def get(self, request: Request) -> Response:
        raise RuntimeError("SECRET-INTERNAL-DETAIL: the database password is hunter2")


urlpatterns = [
    path("__fail__/", failing_view),
    path("api/v1/__fail__/", FailingAPI.as_view()),
    path("api/v1/__fail_plain__/", failing_view),
    *real_urlpatterns,
]

handler400 = "assurance.core.views.error_400"
handler403 = "assurance.core.views.error_403"
handler404 = "assurance.core.views.error_404"
handler500 = "assurance.core.views.error_500"
