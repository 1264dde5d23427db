from django.urls import path

from assurance.improvement import action_urls, views

app_name = "improvement"

P = "p/<slug:partnership_slug>/actions/"

urlpatterns = [
    path(P, views.ActionListView.as_view(), name="action_list"),
    path(P + "<int:pk>/", views.ActionDetailView.as_view(), name="action_detail"),
    path(P + "<int:pk>/history/", views.ActionHistoryView.as_view(), name="action_history"),
]

urlpatterns += action_urls.urlpatterns  # action plans, evidence, impact, golden thread

from assurance.improvement import learning_urls  # noqa: E402

urlpatterns += learning_urls.urlpatterns  # learning, themes, meetings, decisions, challenges
