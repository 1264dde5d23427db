"""The service's URLs. Every page of a partnership sits under /p/<partnership>/, mounted here
once: the permission layer reads the partnership from that prefix (docs/adr/001)."""

from django.urls import include, path

from assurance.annualreport import urls as annualreport
from assurance.partnerships.views import HomeView
from assurance.selfassessment import urls as selfassessment
from assurance.training import urls as training
from assurance.voice import urls as voice

PARTNERSHIP = "p/<slug:partnership_slug>/"

partnership_pages = [
    path("", include("assurance.frameworks.urls")),
    path("", include("assurance.audits.urls")),
    path("", include("assurance.improvement.urls")),
    path("", include("assurance.reviews.urls")),
    path("", include("assurance.dataset.urls")),
    path("", include("assurance.selfassessment.urls")),
    path("", include("assurance.partnerships.urls")),
    path("", include("assurance.search.urls")),
    path("", include("assurance.voice.urls")),
    path("", include("assurance.training.urls")),
    path("", include("assurance.annualreport.urls")),
]

urlpatterns = [
    path("", include("assurance.core.urls")),
    path("accounts/", include("assurance.accounts.urls")),
    path("api/v1/", include("assurance.api.urls")),
    # The practitioner's training pages: no account, no partnership prefix (booking links).
    path("training/", include((training.public_urlpatterns, "training_public"))),
    path(PARTNERSHIP, include(partnership_pages)),
    # The child-friendly feedback form, by its open link: no sign-in (assurance/voice).
    path("say/", include(voice.public)),
    # The practitioners' survey of a self-assessment round, by its open link: no sign-in.
    path("staff-survey/", include(selfassessment.public)),
    # Published annual reports and their young people's versions: public (assurance/annualreport).
    path("annual-reports/", include(annualreport.public)),
    # The front page: the partnerships you belong to (straight to yours if you have one).
    path("", HomeView.as_view(), name="home"),
]

handler400 = "assurance.core.views.error_400"
handler403 = "assurance.core.views.error_403"
handler404 = "assurance.core.views.error_404"
handler500 = "assurance.core.views.error_500"
