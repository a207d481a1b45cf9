from django.contrib.auth import views as auth_views
from django.urls import path

from kinwell.accounts import views

app_name = "accounts"

urlpatterns = [
    path("signup/", views.sign_up, name="signup"),
    path("signup/sent/", views.sign_up_sent, name="signup_sent"),
    path("signup/confirm/<uidb64>/<token>/", views.confirm_sign_up, name="confirm_sign_up"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("settings/", views.account_settings, name="settings"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path("password/reset/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
    path("tokens/", views.api_tokens, name="tokens"),
    path("tokens/<id:token_id>/revoke/", views.revoke_api_token, name="revoke_token"),
    path("data/", views.my_data, name="data"),
    path("data/download/", views.download_my_data, name="download"),
    path("deleted/", views.account_deleted, name="deleted"),
]
