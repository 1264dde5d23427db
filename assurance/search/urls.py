"""The partnership's search page, under /p/<partnership>/ (mounted once, in assurance/urls.py)."""

from django.urls import path

from assurance.search import views

app_name = "search"

urlpatterns = [
    path("search/", views.SearchView.as_view(), name="results"),
]
