"""Feedback's pages: the partnership's (under /p/<partnership>/voice/) and the child's form,
reached by its open link (``public_urlpatterns``, under /say/). The list of feedback and a
piece of feedback are served by ``voice.themes``, which shows each piece's themes."""

from django.urls import path

from assurance.voice.feedback import views

V = "voice/"
LINKS = "voice/links/"
DUTY = "voice/duty/"

urlpatterns = [
    path(LINKS, views.LinkListView.as_view(), name="link_list"),
    path(LINKS + "new/", views.LinkCreateView.as_view(), name="link_create"),
    path(LINKS + "<int:pk>/", views.LinkDetailView.as_view(), name="link_detail"),
    path(LINKS + "<int:pk>/change/", views.LinkUpdateView.as_view(), name="link_update"),
    path(LINKS + "<int:pk>/history/", views.LinkHistoryView.as_view(), name="link_history"),
    path(LINKS + "<int:pk>/qr.png", views.LinkQRView.as_view(), name="link_qr"),
    path(V + "upload/", views.UploadView.as_view(), name="feedback_upload"),
    path(V + "upload/template.xlsx", views.UploadTemplateView.as_view(), name="upload_template"),
    path(DUTY, views.DutyListView.as_view(), name="duty_list"),
    path(DUTY + "settings/", views.DutyInboxSettingsView.as_view(), name="duty_settings"),
    path(DUTY + "<int:pk>/", views.DutyDetailView.as_view(), name="duty_detail"),
    path(DUTY + "<int:pk>/history/", views.DutyHistoryView.as_view(), name="duty_history"),
]

public_urlpatterns = [
    path("<str:token>/", views.ChildFormView.as_view(), name="feedback_form"),
    path("<str:token>/thanks/", views.ChildThanksView.as_view(), name="feedback_thanks"),
]
