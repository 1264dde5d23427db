"""The targets page: each indicator's target, tolerance and scorecard priorities per year."""

from django.urls import path

from assurance.dataset.targets import views

T = "data-set/targets/"

urlpatterns = [
    path(T, views.TargetListView.as_view(), name="target_list"),
    path(T + "<str:code>/<int:year>/", views.TargetEditView.as_view(), name="target_edit"),
    path(
        T + "<str:code>/<int:year>/history/",
        views.TargetHistoryView.as_view(),
        name="target_history",
    ),
]
