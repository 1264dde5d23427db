"""The learning cycle's pages, under /p/<partnership>/ (mounted once, in assurance/urls.py)."""

from assurance.improvement.actions import urls as actions
from assurance.improvement.highlight import urls as highlight
from assurance.improvement.learning import urls as learning
from assurance.improvement.meetings import urls as meetings
from assurance.improvement.scrutiny import urls as scrutiny
from assurance.improvement.thread import urls as thread

app_name = "improvement"

urlpatterns = [
    *actions.urlpatterns,
    *thread.urlpatterns,
    *learning.urlpatterns,
    *meetings.urlpatterns,
    *highlight.urlpatterns,
    *scrutiny.urlpatterns,
]
