from django.contrib.auth import views as auth_views
from django.urls import path
from django.views.generic import RedirectView

from . import views
from .forms import SignInForm

app_name = "accounts"

urlpatterns = [
    path("", views.AccountHomeView.as_view(), name="home"),
    path(
        "sign-in/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html", authentication_form=SignInForm, redirect_authenticated_user=True
        ),
        name="login",
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
