from django.urls import path

from assurance.training.courses import views

T = "training/"

urlpatterns = [
    path(T, views.CourseListView.as_view(), name="course_list"),
    path(T + "courses/new/", views.CourseCreateView.as_view(), name="course_create"),
    path(T + "courses/<int:pk>/change/", views.CourseEditView.as_view(), name="course_edit"),
    path(T + "courses/<int:pk>/history/", views.CourseHistoryView.as_view(), name="course_history"),
]
