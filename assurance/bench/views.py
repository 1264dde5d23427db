from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def floor(request: HttpRequest) -> HttpResponse:
    """The floor: a bare Django view rendering a small template, no database query."""
    return render(request, "bench/floor.html", {"items": range(20)})
