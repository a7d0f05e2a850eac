from django.contrib.auth import views as auth_views
from django.urls import path
from django.views.generic import RedirectView

from . import security_views, views

app_name = "accounts"

urlpatterns = [
    path("", views.AccountHomeView.as_view(), name="home"),
    path("sign-in/", security_views.SignInView.as_view(), name="login"),
    path("sign-in/code/", security_views.SignInCodeView.as_view(), name="sign-in-code"),
    path("security/", security_views.SecurityView.as_view(), name="security"),
    path("security/two-step/set-up/", security_views.TwoFactorSetupView.as_view(), name="two-factor-setup"),
    path("security/two-step/recovery-codes/", security_views.RecoveryCodesView.as_view(), name="recovery-codes"),
    path("security/two-step/turn-off/", security_views.TwoFactorDisableView.as_view(), name="two-factor-disable"),
    path("security/sessions/<int:pk>/sign-out/", security_views.SessionSignOutView.as_view(), name="session-sign-out"),
    path(
        "security/sessions/sign-out-others/",
        security_views.SessionsSignOutOthersView.as_view(),
        name="sessions-sign-out-others",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("sign-up/", views.SignUpView.as_view(), name="signup"),
    path("confirm/<str:uidb64>/<str:token>/", views.ConfirmView.as_view(), name="confirm"),
    # Oscar's /shop/accounts/notifications/ redirects to this path, written without the
    # /shop/ prefix its URLs have here: send it on to the notifications inbox.
    path(
        "notifications/inbox/",
        RedirectView.as_view(pattern_name="customer:notifications-inbox", query_string=True),
    ),
]
