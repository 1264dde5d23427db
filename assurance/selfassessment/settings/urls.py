"""The settings' pages, under /p/<partnership>/self-assessment/settings/."""

from django.urls import path

from assurance.selfassessment.settings import views

S = "self-assessment/settings/"

urlpatterns = [
    path(S, views.SettingListView.as_view(), name="setting_list"),
    path("self-assessment/your-setting/", views.OwnSettingView.as_view(), name="own_setting"),
    path(S + "<int:pk>/history/", views.SettingHistoryView.as_view(), name="setting_history"),
    path(
        S + "<int:pk>/users/invite/", views.SettingMemberInviteView.as_view(), name="member_invite"
    ),
    path(
        S + "<int:pk>/users/<int:member_pk>/remove/",
        views.SettingMemberRemoveView.as_view(),
        name="member_remove",
    ),
]
