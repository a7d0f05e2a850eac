from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "marketplace.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in, user_logged_out

        from .middleware import account_language_remember
        from .sessions import session_ended, session_started

        user_logged_in.connect(account_language_remember, dispatch_uid="accounts-language-remember")
        user_logged_in.connect(session_started, dispatch_uid="accounts-session-started")
        user_logged_out.connect(session_ended, dispatch_uid="accounts-session-ended")
