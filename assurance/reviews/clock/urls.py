"""The partnership's closure days and its settings of the clock."""

from django.urls import path

from assurance.reviews.clock import views

C = "reviews/closure-days/"

urlpatterns = [
    path(C, views.ClosureDayListView.as_view(), name="closure_day_list"),
    path(C + "new/", views.ClosureDayAddView.as_view(), name="closure_day_add"),
    path(C + "<int:pk>/remove/", views.ClosureDayRemoveView.as_view(), name="closure_day_remove"),
    path("reviews/settings/", views.ReviewSettingsView.as_view(), name="review_settings"),
    path(
        "reviews/settings/history/",
        views.ReviewSettingsHistoryView.as_view(),
        name="review_settings_history",
    ),
]
