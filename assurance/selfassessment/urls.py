"""Self-assessments' pages, under /p/<partnership>/self-assessment/ (the partnership prefix is
mounted once, in assurance/urls.py), and the practitioners' survey by open link (``public``,
under /staff-survey/, no sign-in)."""

from assurance.selfassessment.challenges import urls as challenges
from assurance.selfassessment.dashboard import urls as dashboard
from assurance.selfassessment.reports import urls as reports
from assurance.selfassessment.returns import urls as returns
from assurance.selfassessment.rounds import urls as rounds
from assurance.selfassessment.settings import urls as settings
from assurance.selfassessment.standards import urls as standards
from assurance.selfassessment.surveys import urls as surveys

app_name = "selfassessment"

urlpatterns = [
    *settings.urlpatterns,
    *rounds.urlpatterns,
    *returns.urlpatterns,
    *surveys.urlpatterns,
    *dashboard.urlpatterns,
    *challenges.urlpatterns,
    *standards.urlpatterns,
    *reports.urlpatterns,
]

public = ([*surveys.public_urlpatterns], "staff_survey")
