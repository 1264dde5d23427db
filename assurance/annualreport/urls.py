"""The annual report: the business unit's pages under /p/<partnership>/ (mounted once, in
assurance/urls.py), and the public pages of published reports (``public``, under
/annual-reports/, no sign-in)."""

from assurance.annualreport.publications import urls as publications
from assurance.annualreport.reports import urls as reports

app_name = "annualreport"

urlpatterns = [*reports.urlpatterns, *publications.urlpatterns]

public = ([*publications.public_urlpatterns, *reports.public_urlpatterns], "annual_public")
