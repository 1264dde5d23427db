from django.urls import path

from assurance.frameworks import views

app_name = "frameworks"

P = "frameworks/"
F = P + "<int:pk>/"

urlpatterns = [
    path(P, views.FrameworkListView.as_view(), name="list"),
    path(P + "upload/", views.FrameworkUploadView.as_view(), name="upload"),
    path(P + "file-format/", views.FormatGuideView.as_view(), name="format_guide"),
    path(F, views.FrameworkDetailView.as_view(), name="detail"),
    path(F + "export.<str:fmt>", views.FrameworkExportView.as_view(), name="export"),
    path(F + "copy/", views.FrameworkCopyView.as_view(), name="copy"),
    path(F + "new-version/", views.FrameworkNewVersionView.as_view(), name="new_version"),
    path(F + "change/", views.FrameworkUpdateView.as_view(), name="update"),
    path(
        F + "sections/<int:section_pk>/items/new/", views.ItemFormView.as_view(), name="item_create"
    ),
    path(F + "items/<int:item_pk>/change/", views.ItemFormView.as_view(), name="item_update"),
    path(F + "history/", views.FrameworkHistoryView.as_view(), name="history"),
]
