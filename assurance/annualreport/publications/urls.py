from django.urls import path

from assurance.annualreport.publications import public, views

P = "annual-reports/public/"

urlpatterns = [
    path(P, views.PublicationListView.as_view(), name="publication_list"),
    path(P + "practice-review/", views.ReviewPublicView.as_view(), name="publication_review"),
    path(P + "audit/", views.AuditPublicView.as_view(), name="publication_audit"),
    path(P + "<int:pk>/withdraw/", views.WithdrawView.as_view(), name="publication_withdraw"),
]

# Public: no sign-in (mounted at /annual-reports/ in assurance/urls.py).
public_urlpatterns = [
    path("<slug:slug>/", public.PublicHomeView.as_view(), name="home"),
    path(
        "<slug:slug>/made-public/<int:pk>/",
        public.PublicPublicationView.as_view(),
        name="publication",
    ),
    path(
        "<slug:slug>/made-public/<int:pk>/pdf/",
        public.PublicPublicationView.as_view(format="pdf"),
        name="publication_pdf",
    ),
]
