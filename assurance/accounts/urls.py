from django.urls import path

from assurance.accounts import views
from assurance.accounts.oidc import views as organisation

app_name = "accounts"

urlpatterns = [
    path("sign-in/", views.SignInView.as_view(), name="login"),
    path("organisation/", organisation.OrganisationSignInStartView.as_view(), name="oidc_start"),
    path(
        "organisation/callback/",
        organisation.OrganisationSignInCallbackView.as_view(),
        name="oidc_callback",
    ),
    path("sign-out/", views.SignOutView.as_view(), name="logout"),
    path("", views.AccountView.as_view(), name="account"),
    path("two-factor/", views.TwoFactorView.as_view(), name="two_factor"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("password-reset/sent/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password-reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/complete/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
