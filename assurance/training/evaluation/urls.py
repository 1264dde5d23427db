from django.urls import path

from assurance.training.evaluation import public, views

T = "training/"

urlpatterns = [
    path(
        T + "courses/<int:pk>/evaluation/",
        views.EvaluationView.as_view(),
        name="course_evaluation",
    ),
    path(
        T + "bookings/<int:pk>/manager/",
        views.ManagerChangeView.as_view(),
        name="booking_manager",
    ),
    path(T + "report/", views.AnnualReportView.as_view(), name="annual_report"),
    path(T + "report/pdf/", views.AnnualReportView.as_view(format="pdf"), name="annual_report_pdf"),
    path(
        T + "report/docx/",
        views.AnnualReportView.as_view(format="docx"),
        name="annual_report_docx",
    ),
]

# The questionnaires of the personal links, with no account, under /training/.
public_urlpatterns = [
    path("questionnaire/<str:token>/", public.QuestionnaireView.as_view(), name="questionnaire"),
]
