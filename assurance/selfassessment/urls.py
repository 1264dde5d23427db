"""Self-assessments' pages, under /p/<partnership>/self-assessment/ (the partnership prefix is
mounted once, in assurance/urls.py)."""

from assurance.selfassessment.dashboard import urls as dashboard
from assurance.selfassessment.rounds import urls as rounds
from assurance.selfassessment.settings import urls as settings

app_name = "selfassessment"

urlpatterns = [
    *settings.urlpatterns,
    *rounds.urlpatterns,
    *dashboard.urlpatterns,
]
