from django.urls import path

from assurance.training.evaluation import public, views

T = "training/"

urlpatterns = [
    path(
        T + "courses/<int:pk>/evaluation/",
        views.EvaluationView.as_view(),
        name="course_evaluation",
    ),
]

# The questionnaires of the personal links, with no account, under /training/.
public_urlpatterns = [
    path("questionnaire/<str:token>/", public.QuestionnaireView.as_view(), name="questionnaire"),
]
