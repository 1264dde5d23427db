"""Training's pages under /p/<partnership>/ (mounted once, in assurance/urls.py), and the
practitioner's public pages (booking, the e-mailed links, the questionnaires) under
/training/."""

from assurance.training.bookings import urls as bookings
from assurance.training.courses import urls as courses
from assurance.training.evaluation import urls as evaluation
from assurance.training.sessions import urls as sessions

app_name = "training"

urlpatterns = [
    *courses.urlpatterns,
    *sessions.urlpatterns,
    *bookings.urlpatterns,
    *evaluation.urlpatterns,
]

public_urlpatterns = [*bookings.public_urlpatterns, *evaluation.public_urlpatterns]
