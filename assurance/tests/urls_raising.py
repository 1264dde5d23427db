"""A test URLconf: the real one plus a view that fails, to see the 500 page."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from assurance.urls import urlpatterns as real_urlpatterns


def failing_view(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("SECRET-INTERNAL-DETAIL: the database password is hunter2")


urlpatterns = [path("__fail__/", failing_view), *real_urlpatterns]

handler400 = "assurance.core.views.error_400"
handler403 = "assurance.core.views.error_403"
handler404 = "assurance.core.views.error_404"
handler500 = "assurance.core.views.error_500"
