from django.urls import include, path

urlpatterns = [
    path("", include("assurance.core.urls")),
    path("accounts/", include("assurance.accounts.urls")),
    path("api/v1/", include("assurance.api.urls")),
    path("", include("assurance.frameworks.urls")),
    path("", include("assurance.audits.urls")),
    path("", include("assurance.improvement.urls")),
    path("", include("assurance.dataset.urls")),
    path("", include("assurance.partnerships.urls")),
]

handler400 = "assurance.core.views.error_400"
handler403 = "assurance.core.views.error_403"
handler404 = "assurance.core.views.error_404"
handler500 = "assurance.core.views.error_500"
