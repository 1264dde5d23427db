"""Quarterly collection: rounds, agencies' values, sign-off, workbooks, revisions."""

from django.urls import path

from assurance.dataset.collection import views

C = "data-set/collection/"
R = C + "<int:round_pk>/"
A = R + "agencies/<int:agency_pk>/"

urlpatterns = [
    path(C, views.RoundListView.as_view(), name="collection_rounds"),
    path(C + "new/", views.RoundCreateView.as_view(), name="collection_round_create"),
    path(R, views.RoundDetailView.as_view(), name="collection_round"),
    path(R + "history/", views.RoundHistoryView.as_view(), name="collection_round_history"),
    path(R + "publish/", views.RoundPublishView.as_view(), name="collection_publish"),
    path(R + "values/", views.ValuesEditView.as_view(), name="collection_values"),
    path(R + "sign-off/", views.SignOffView.as_view(), name="collection_sign_off"),
    path(R + "workbook.xlsx", views.WorkbookDownloadView.as_view(), name="collection_workbook"),
    path(R + "upload/", views.WorkbookUploadView.as_view(), name="collection_upload"),
    path(A, views.AgencyValuesView.as_view(), name="collection_agency"),
    path(A + "unlock/", views.UnlockView.as_view(), name="collection_unlock"),
    path(A + "chase/", views.ChaseView.as_view(), name="collection_chase"),
    path(
        A + "sign-off-history/",
        views.SignOffHistoryView.as_view(),
        name="collection_sign_off_history",
    ),
    path(C + "values/<int:pk>/revise/", views.ValueReviseView.as_view(), name="collection_revise"),
    path(
        C + "values/<int:pk>/history/",
        views.ValueHistoryView.as_view(),
        name="collection_value_history",
    ),
]
