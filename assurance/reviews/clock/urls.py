"""The partnership's closure days."""

from django.urls import path

from assurance.reviews.clock import views

C = "reviews/closure-days/"

urlpatterns = [
    path(C, views.ClosureDayListView.as_view(), name="closure_day_list"),
    path(C + "new/", views.ClosureDayAddView.as_view(), name="closure_day_add"),
    path(C + "<int:pk>/remove/", views.ClosureDayRemoveView.as_view(), name="closure_day_remove"),
]
