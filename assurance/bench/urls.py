from django.urls import include, path

from assurance.bench.views import floor

urlpatterns = [
    path("__bench__/floor/", floor, name="bench_floor"),
    path("", include("assurance.urls")),
]
