from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def floor(request: HttpRequest) -> HttpResponse:
    """The floor: a bare Django view rendering a small template, no database query (the same
    floor as `make bench`'s), answered by the same servers under the same load."""
    return render(request, "operations/floor.html", {"items": range(20)})
