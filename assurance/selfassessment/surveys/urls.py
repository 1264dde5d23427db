"""What staff say: the partnership's pages, under /p/<partnership>/self-assessment/, and the
practitioner's survey by open link (``public_urlpatterns``, under /staff-survey/, no sign-in)."""

from django.urls import path

from assurance.selfassessment.surveys import views

R = "self-assessment/rounds/<int:pk>/staff-survey/"
S = "self-assessment/staff-surveys/"

urlpatterns = [
    path(R, views.RoundSurveysView.as_view(), name="round_surveys"),
    path(R + "start/", views.SurveysStartView.as_view(), name="surveys_start"),
    path(R + "close/", views.SurveysCloseView.as_view(), name="surveys_close"),
    path(S, views.SurveyListView.as_view(), name="survey_list"),
    path(S + "<int:pk>/", views.SurveyDetailView.as_view(), name="survey_detail"),
    path(S + "<int:pk>/qr.png", views.SurveyQRView.as_view(), name="survey_qr"),
]

public_urlpatterns = [
    path("<str:token>/", views.StaffFormView.as_view(), name="form"),
    path("<str:token>/thanks/", views.StaffThanksView.as_view(), name="thanks"),
]
