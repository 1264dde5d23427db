from django.urls import include, path

from assurance.operations.loadtest.views import floor

urlpatterns = [
    path("__loadtest__/floor/", floor, name="loadtest_floor"),
    path("", include("assurance.urls")),
]
