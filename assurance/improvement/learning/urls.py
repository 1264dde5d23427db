"""Learning items (and their documents), themes and recommendations."""

from django.urls import path

from assurance.improvement.learning import views

L = "learning/"
T = "learning/themes/"
R = "recommendations/"

urlpatterns = [
    path(L, views.LearningListView.as_view(), name="learning_list"),
    path(L + "new/", views.LearningCreateView.as_view(), name="learning_create"),
    path(L + "<int:pk>/", views.LearningDetailView.as_view(), name="learning_detail"),
    path(L + "<int:pk>/change/", views.LearningUpdateView.as_view(), name="learning_update"),
    path(L + "<int:pk>/history/", views.LearningHistoryView.as_view(), name="learning_history"),
    path(
        L + "<int:pk>/documents/new/",
        views.LearningDocumentAddView.as_view(),
        name="learning_document_add",
    ),
    path(
        L + "documents/<int:pk>/",
        views.LearningDocumentDownloadView.as_view(),
        name="learning_document",
    ),
    path(T, views.ThemeListView.as_view(), name="theme_list"),
    path(T + "new/", views.ThemeCreateView.as_view(), name="theme_create"),
    path(T + "<int:pk>/", views.ThemeDetailView.as_view(), name="theme_detail"),
    path(T + "<int:pk>/change/", views.ThemeUpdateView.as_view(), name="theme_update"),
    path(T + "<int:pk>/history/", views.ThemeHistoryView.as_view(), name="theme_history"),
    path(R, views.RecommendationListView.as_view(), name="recommendation_list"),
    path(R + "new/", views.RecommendationCreateView.as_view(), name="recommendation_create"),
    path(R + "<int:pk>/", views.RecommendationDetailView.as_view(), name="recommendation_detail"),
    path(
        R + "<int:pk>/history/",
        views.RecommendationHistoryView.as_view(),
        name="recommendation_history",
    ),
]
