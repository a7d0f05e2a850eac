"""Settings shared by every environment. Anything that differs between
machines is read from the environment (see docs/operations.md, "Settings")."""

import copy
import datetime
import locale
import os
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.utils.translation import gettext_lazy as _
from oscar.defaults import *  # noqa: F403  (Oscar's documented way to get its defaults)

from marketplace.sourcing import dashboard_menu

from .storage import s3_storages

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = env("SECRET_KEY", "insecure-development-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Our apps first so that their templates and static files win.
    "marketplace.core",
    "marketplace.organisations",
    "marketplace.accounts",
    "marketplace.audit",
    "marketplace.demo",
    "marketplace.payments",
    "marketplace.sourcing",
    "marketplace.notifications",
    "marketplace.impact",
    "marketplace.deductions",
    "marketplace.spend",
    "marketplace.networks",
    "marketplace.verification",
    "marketplace.workspace",
    "marketplace.apikeys",
    "marketplace.webhooks",
    "marketplace.privacy",
    "marketplace.scheduling",
    "marketplace.operations",
    "cms",
    # Before the admin, whose forms it extends with one field per language.
    "modeltranslation",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    # Oscar, with our forks of catalogue and search in place of Oscar's own
    "oscar.config.Shop",
    "oscar.apps.analytics.apps.AnalyticsConfig",
    "marketplace.checkout.apps.CheckoutConfig",
    "oscar.apps.address.apps.AddressConfig",
    "oscar.apps.shipping.apps.ShippingConfig",
    "catalogue.apps.CatalogueConfig",
    "oscar.apps.catalogue.reviews.apps.CatalogueReviewsConfig",
    "oscar.apps.communication.apps.CommunicationConfig",
    "marketplace.partner.apps.PartnerConfig",
    "marketplace.basket.apps.BasketConfig",
    "oscar.apps.payment.apps.PaymentConfig",
    "oscar.apps.offer.apps.OfferConfig",
    "marketplace.order.apps.OrderConfig",
    "oscar.apps.customer.apps.CustomerConfig",
    "search.apps.SearchConfig",
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    "marketplace.dashboard.apps.DashboardConfig",
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "marketplace.dashboard.orders.apps.OrdersDashboardConfig",
    "marketplace.dashboard.catalogue.apps.CatalogueDashboardConfig",
    "oscar.apps.dashboard.offers.apps.OffersDashboardConfig",
    "oscar.apps.dashboard.partners.apps.PartnersDashboardConfig",
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "oscar.apps.dashboard.reviews.apps.ReviewsDashboardConfig",
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "oscar.apps.dashboard.shipping.apps.ShippingDashboardConfig",
    "widget_tweaks",
    "haystack",
    "treebeard",
    "sorl.thumbnail",
    "django_tables2",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail_localize",
    "wagtail_localize.locales",  # in place of wagtail.locales: locales whose pages it keeps in sync
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Others
    "django_countries",
    "django_prometheus",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Last: deletes a file once its row no longer points at it (a replaced logo, a deleted image).
    "django_cleanup.apps.CleanupConfig",
]

MIDDLEWARE = [
    # Requests, latencies and response codes per view for /metrics, around everything else.
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    # /health/ and /metrics, before the host check and the HTTPS redirect.
    "marketplace.operations.middleware.OperationsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "marketplace.core.middleware.CurrentRequestMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # The API's 405 in its error shape, in the language LocaleMiddleware chose.
    "marketplace.apikeys.middleware.MethodNotAllowedMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): whether this session passed the two-step sign-in.
    "django_otp.middleware.OTPMiddleware",
    "marketplace.accounts.middleware.UserLanguageMiddleware",
    # Each signed-in session's device and last activity (the account's Sessions page).
    "marketplace.accounts.sessions.SessionActivityMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # With a read replica: a visitor who just wrote reads from the primary for a few seconds.
    "marketplace.core.replica.PrimaryAfterWriteMiddleware",
    # Operators without a two-step sign-in are kept out of the admins and the verification queue.
    "marketplace.accounts.two_factor.OperatorTwoFactorMiddleware",
    # Suppliers' members who open the shop dashboard go to their workspace (operators only there).
    "marketplace.dashboard.access.SupplierDashboardRedirectMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "oscar.apps.basket.middleware.BasketMiddleware",
    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Public pages for anonymous visitors from the shared cache: after sessions, language, CSRF and CSP,
    # so that a page served from it gets its visitor's language, token and nonce.
    "marketplace.core.page_cache.PageCacheMiddleware",
    # Last: answers a locked-out sign-in with the lock-out page (marketplace/accounts/throttling.py).
    "axes.middleware.AxesMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "marketplace.urls"
WSGI_APPLICATION = "marketplace.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "oscar.apps.search.context_processors.search_form",
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.apps.communication.notifications.context_processors.notifications",
                "oscar.core.context_processors.metadata",
                "marketplace.organisations.context_processors.my_organisations",
                "marketplace.networks.context_processors.coordination",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default serves a small team at once: WAL lets readers work while one
    # writes; write transactions start IMMEDIATE (a transaction that read first and then
    # wants to write would fail at once with "database is locked", whatever the timeout);
    # and a writer waits its turn up to `timeout` seconds.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    }
# A PostgreSQL read replica: reads marked in the code (marketplace/core/replica.py) go there, the rest to the
# primary; after a visitor writes, their marked reads stay on the primary for REPLICA_PIN_SECONDS.
if env("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        env("DATABASE_REPLICA_URL"), conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "0"))
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["marketplace.core.replica.ReplicaRouter"]
REPLICA_PIN_SECONDS = int(env("REPLICA_PIN_SECONDS", "10"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # First: refuses every sign-in of a locked-out account or address (django-axes).
    "axes.backends.AxesStandaloneBackend",
    # Oscar signs people in by e-mail address.
    "oscar.apps.customer.auth_backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"

# Sign-in throttling (marketplace/accounts/throttling.py): 10 wrong passwords for one account,
# or from one address, lock it for 15 minutes; a password reset or an operator unlocks it.
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(env("AXES_COOLOFF_MINUTES", "15")))

# The organisations' API (marketplace/apikeys): calls per key per second, minute, hour or
# day (counted in the cache: set REDIS_URL so that every process counts together), and
# how long a POST's answer is replayed to retries with the same Idempotency-Key.
API_RATE_LIMIT = env("API_RATE_LIMIT", "120/minute")
API_IDEMPOTENCY_HOURS = int(env("API_IDEMPOTENCY_HOURS", "24"))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "marketplace.accounts.throttling.client_ip"
AXES_USERNAME_CALLABLE = "marketplace.accounts.throttling.client_username"
AXES_VERBOSE = False
# Behind a reverse proxy (production), the client's address is the last of X-Forwarded-For.
TRUST_X_FORWARDED_FOR = env_bool("TRUST_X_FORWARDED_FOR", False)
LOGIN_REDIRECT_URL = "accounts:home"
# Two-step sign-in (django-otp, marketplace/accounts/two_factor.py): operators (staff) cannot open
# the shop dashboard, the Django admin, the Wagtail admin or the verification queue until their
# session passed it; anyone else may turn it on.
OTP_REQUIRED_FOR_OPERATORS = env_bool("OTP_REQUIRED_FOR_OPERATORS", True)
OTP_TOTP_ISSUER = "Responsible"
# A sign-in waits this long for its code after the password, then starts again.
TWO_FACTOR_PENDING_SECONDS = 300
# A session's last activity (accounts.UserSession) is written at most this often.
SESSION_ACTIVITY_INTERVAL = datetime.timedelta(minutes=5)
LOGOUT_REDIRECT_URL = "/"

AUTH_USER_MODEL = "accounts.User"

SITE_ID = 1

# Internationalisation: English is the source; the catalogues are in locale/ (sr-latn is made
# from sr by `manage.py translations_build`, see marketplace/core/translations.py).
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("de", _("German")),
    ("nl", _("Dutch")),
    ("sr", _("Serbian (Cyrillic)")),
    ("sr-latn", _("Serbian (Latin)")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# What people write (taxonomy, supplier profiles, products) in several languages: one
# column per language (django-modeltranslation; the `translation.py` of each app names the
# fields). The Serbian Latin column is always the transliteration of the Cyrillic one
# (marketplace.core.content), never written by hand.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
# A text not written in the reader's language is shown in another rather than not at all
# (Latin before Cyrillic for readers of other languages).
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    "default": ("en", "fr", "de", "nl", "sr-latn", "sr"),
    "sr": ("sr", "en", "fr", "de", "nl"),
}
MODELTRANSLATION_AUTO_POPULATE = False
# Dates, numbers and money follow the language (Django's l10n; money by Oscar's `currency`
# filter, i.e. Babel); English is European English (marketplace/formats/en).
FORMAT_MODULE_PATH = ["marketplace.formats"]
TIME_ZONE = "Europe/Luxembourg"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
# Attachments of needs and quotes: never under MEDIA_ROOT, which may be served to anyone;
# views that check who asks serve them (marketplace/sourcing/files.py).
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private-media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": "/no-public-url/"},
    },
}
if env("MEDIA_STORAGE", "filesystem") == "s3":
    STORAGES |= s3_storages(env)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Uploaded images (marketplace/uploads.py caps ours; Wagtail's own for editors).
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 25_000_000
SOURCING_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
# The platform's signature on deduction certificates (marketplace/deductions/signing.py): a
# PKCS#12 file and its password; without one, a self-signed certificate made once in DEDUCTION_SIGNING_DIR.
DEDUCTION_SIGNING_P12 = env("DEDUCTION_SIGNING_P12", "")
DEDUCTION_SIGNING_PASSWORD = env("DEDUCTION_SIGNING_PASSWORD", "")
DEDUCTION_SIGNING_DIR = Path(env("DEDUCTION_SIGNING_DIR", str(PRIVATE_MEDIA_ROOT / "deductions-signing")))
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000  # Wagtail's page editor needs more than Django's 1000.

CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env("REDIS_URL")}
        if env("REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# Public content computed once for every visitor, until the next write (marketplace/core/content_cache.py);
# only with a cache every process shares.
CONTENT_CACHE_SECONDS = int(env("CONTENT_CACHE_SECONDS", "300" if env("REDIS_URL") else "0"))
# Whole public pages for anonymous visitors, until the next write (marketplace/core/page_cache.py); 0: off.
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", str(CONTENT_CACHE_SECONDS)))
# Sessions: with Redis, read from the cache and written through to the database, so that every web replica
# sees them and a Redis restart signs nobody out.
SESSION_ENGINE = env(
    "SESSION_ENGINE",
    "django.contrib.sessions.backends.cached_db" if env("REDIS_URL") else "django.contrib.sessions.backends.db",
)

# E-mail
# Every e-mail goes through marketplace.core.mail, which records those that fail for operators
# and hands the others to EMAIL_DELIVERY_BACKEND (the EMAIL_BACKEND variable).
EMAIL_BACKEND = "marketplace.core.mail.RecordingBackend"
EMAIL_DELIVERY_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Responsible <hello@responsible.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background tasks (django-tasks, which Wagtail ships). Tasks are stored in the
# database and run by `manage.py db_worker` (development too); tests run them at once.
# Periodic jobs: marketplace/scheduling/jobs.py, run by `manage.py scheduler`.
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# Operations (marketplace/operations): /health/ reports "degraded" when the oldest waiting task or the
# scheduler's last beat are older than these (seconds); /metrics answers only the METRICS_TOKEN bearer token.
HEALTH_TASK_AGE_MAX = int(env("HEALTH_TASK_AGE_MAX", "600"))
HEALTH_SCHEDULER_AGE_MAX = int(env("HEALTH_SCHEDULER_AGE_MAX", "180"))
METRICS_TOKEN = env("METRICS_TOKEN", "")
BENCH_BARE_VIEW = env_bool("BENCH_BARE_VIEW", False)  # /bench/bare/, the baseline of `make bench-load` only

# Search
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX_PREFIX = env("ELASTICSEARCH_INDEX_PREFIX", "responsible")  # aliases <prefix>-suppliers, -products
ELASTICSEARCH_TIMEOUT = float(env("ELASTICSEARCH_TIMEOUT", "2"))  # seconds a search waits before the database answers
# Oscar requires haystack to be configured; our `search` fork does not use it.
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}
HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"

# Payments: keys come from the environment only.
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY", "")
STRIPE_PUBLISHABLE_KEY = env("STRIPE_PUBLISHABLE_KEY", "")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET", "")
STRIPE_API_BASE = env("STRIPE_API_BASE", "")  # points the client at a local fake server in tests
# Stripe.js; a local fake Stripe serves its stand-in at <STRIPE_API_BASE>/js.stripe.com/v3/.
STRIPE_JS_URL = env("STRIPE_JS_URL", "https://js.stripe.com/v3/")
# A card purchase not paid within this time is given up (stock released, basket reopened)
# by `manage.py payments_expire_abandoned` or the `payments_expire_abandoned` task.
CARD_PAYMENT_TIMEOUT_MINUTES = int(env("CARD_PAYMENT_TIMEOUT_MINUTES", "60"))

# Outbound webhooks (marketplace/webhooks): each delivery waits WEBHOOKS_TIMEOUT seconds for
# an answer; a failed one is tried again after each wait of WEBHOOKS_BACKOFF (seconds, the
# last repeating) up to WEBHOOKS_MAX_ATTEMPTS attempts, by `manage.py webhooks_retry` every
# minute; an endpoint is disabled after WEBHOOKS_DISABLE_AFTER failed attempts in a row.
# WEBHOOKS_ALLOW_PRIVATE accepts http:// and private or local addresses (never in production).
WEBHOOKS_TIMEOUT = float(env("WEBHOOKS_TIMEOUT", "10"))
WEBHOOKS_BACKOFF = [int(s) for s in env("WEBHOOKS_BACKOFF", "60,300,1800,7200,43200").split(",")]
WEBHOOKS_MAX_ATTEMPTS = int(env("WEBHOOKS_MAX_ATTEMPTS", "8"))
WEBHOOKS_DISABLE_AFTER = int(env("WEBHOOKS_DISABLE_AFTER", "20"))
WEBHOOKS_ALLOW_PRIVATE = env_bool("WEBHOOKS_ALLOW_PRIVATE", False)
WEBHOOKS_BATCH = int(env("WEBHOOKS_BATCH", "500"))  # deliveries one run of webhooks_retry sends at most

# VIES, the EU's register of VAT IDs, asked in the background when an organisation saves
# its VAT ID; `manage.py vat_ids_recheck` (daily, by the scheduler) asks again where it was down.
VIES_API_BASE = env("VIES_API_BASE", "https://ec.europa.eu/taxation_customs/vies/rest-api")
VIES_TIMEOUT = float(env("VIES_TIMEOUT", "10"))  # seconds

# Maps. Suppliers' addresses are geocoded in the background by GEOCODER: "off" (suppliers place
# themselves on the map) or "nominatim" (OpenStreetMap's; its policy wants a user agent naming the site).
GEOCODER = env("GEOCODER", "off")
GEOCODER_URL = env("GEOCODER_URL", "https://nominatim.openstreetmap.org")
GEOCODER_USER_AGENT = env("GEOCODER_USER_AGENT", "Responsible marketplace (hello@responsible.example)")
GEOCODER_TIMEOUT = float(env("GEOCODER_TIMEOUT", "5"))  # seconds
# The map tiles (the CSP below allows their host for images). Without tiles, markers still show.
MAP_TILES_URL = env("MAP_TILES_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILES_ATTRIBUTION = env(
    "MAP_TILES_ATTRIBUTION", '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
)

# Oscar
OSCAR_SHOP_NAME = "Responsible"
OSCAR_SHOP_TAGLINE = _("Buy from social enterprises")
OSCAR_DEFAULT_CURRENCY = "EUR"
OSCAR_FROM_EMAIL = DEFAULT_FROM_EMAIL
OSCAR_ALLOW_ANON_CHECKOUT = False
OSCAR_HOMEPAGE = "/shop/catalogue/"

# A supplier's part of a purchase (an Oscar order) follows this flow; marketplace/order/services.py
# applies the stock and invoice effects of each step. "Awaiting payment" holds card purchases until paid.
OSCAR_INITIAL_ORDER_STATUS = "Placed"
OSCAR_INITIAL_LINE_STATUS = "Placed"
OSCAR_ORDER_STATUS_PIPELINE = {
    "Awaiting payment": ("Placed", "Cancelled"),
    "Placed": ("Accepted", "Rejected", "Cancelled"),
    "Accepted": ("Shipped", "Delivered", "Cancelled"),
    "Shipped": ("Delivered", "Completed"),
    "Delivered": ("Completed",),
    "Completed": (),
    "Rejected": (),
    "Cancelled": (),
}
OSCAR_LINE_STATUS_PIPELINE = OSCAR_ORDER_STATUS_PIPELINE
OSCAR_ORDER_STATUS_CASCADE = {status: status for status in OSCAR_ORDER_STATUS_PIPELINE}
# The platform's share of every card payment, in percent, kept before each supplier's transfer.
PLATFORM_FEE_PERCENT = Decimal(env("PLATFORM_FEE_PERCENT", "5"))
# Days a buyer has to pay a supplier's invoice.
INVOICE_DUE_DAYS = 30
# Suppliers' administrators are reminded this many days before a verified claim (a legal
# status, a label, workforce figures) expires (marketplace.verification, daily claims_expire).
CLAIM_REMINDER_DAYS = int(env("CLAIM_REMINDER_DAYS", "30"))
# How issued invoices and credit notes reach the buyer's systems (marketplace.payments.einvoices): by
# default they are downloaded; a Peppol access point or Serbia's SEF plugs in here.
EINVOICE_TRANSPORT = env("EINVOICE_TRANSPORT", "marketplace.payments.einvoices.DownloadOnly")
# The impact report's estimate of hours worked: net spend buys one hour of work per this
# many euros (a fully loaded hourly cost, overheads included). See marketplace/impact/.
IMPACT_SPEND_PER_HOUR = Decimal(env("IMPACT_SPEND_PER_HOUR", "35"))
# Networks (marketplace/networks): members whose charter signature lapses within this many
# days are reminded once (manage.py charter_lapses, daily); a network's invitation link
# works this many days.
CHARTER_REMINDER_DAYS = int(env("CHARTER_REMINDER_DAYS", "14"))
NETWORK_INVITATION_DAYS = 30
# Invited suppliers that have neither quoted nor declined are reminded once, this many days
# before the deadline for quotes: the scheduler runs `manage.py needs_deadline_reminders` daily.
NEED_DEADLINE_REMINDER_DAYS = int(env("NEED_DEADLINE_REMINDER_DAYS", "2"))
# The network dashboard's jobs supported: the hours one full-time job works in a year (a 35 to
# 40-hour week, less leave and public holidays). See marketplace/networks/dashboard/.
IMPACT_HOURS_PER_JOB_YEAR = Decimal(env("IMPACT_HOURS_PER_JOB_YEAR", "1600"))
OSCAR_HIDDEN_FEATURES = ["reviews", "wishlists"]
# A B2B shop has no offers or vouchers (marketplace/basket/offers.py): Oscar's apps stay
# installed, but nothing applies a discount and nothing links to them.
OSCAR_DYNAMIC_CLASS_LOADER = "marketplace.basket.loading.class_loader"
# Python's gettext looks up "en" as en_US first, so Oscar's American catalogue turned its
# "basket" into "cart" and "voucher" into "coupon" on our English pages: "en" is plain "en".
locale.locale_alias["en"] = "en.UTF-8"
OSCAR_ACCOUNTS_REDIRECT_URL = "customer:profile-view"
# The dashboard's catalogue menu gains the product import;
# offers, vouchers and the ranges they apply to are gone (no offers in a B2B shop).
_NO_OFFERS = {"dashboard:offer-list", "dashboard:voucher-list", "dashboard:voucher-set-list", "dashboard:range-list"}
OSCAR_DASHBOARD_NAVIGATION = copy.deepcopy(OSCAR_DASHBOARD_NAVIGATION)  # noqa: F405
for _item in OSCAR_DASHBOARD_NAVIGATION:
    if "children" in _item:
        _item["children"] = [child for child in _item["children"] if child.get("url_name") not in _NO_OFFERS]
OSCAR_DASHBOARD_NAVIGATION = [item for item in OSCAR_DASHBOARD_NAVIGATION if item.get("children") != []]
OSCAR_DASHBOARD_NAVIGATION[1]["children"].insert(
    1, {"label": _("Import products"), "url_name": "dashboard:catalogue-product-import"}
)
# Operators' moderation of needs lives in /needs/ (suppliers' invitations are in their workspace).
OSCAR_DASHBOARD_NAVIGATION.append(
    {
        "label": _("Needs and quotes"),
        "icon": "fas fa-file-signature",
        "children": [
            {
                "label": _("Moderate needs"),
                "url_name": "sourcing:moderation",
                "access_fn": dashboard_menu.for_operators,
            },
        ],
    }
)

# Wagtail
WAGTAIL_SITE_NAME = "Responsible"
WAGTAILADMIN_LOGIN_URL = "accounts:login"
WAGTAILADMIN_BASE_URL = env("SITE_URL", "http://127.0.0.1:8000")
# Pages are searched (site search, admin) in the database, or in Elasticsearch when configured;
# the database index is then kept as well and answers when Elasticsearch cannot (cms.site_search).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX": f"{ELASTICSEARCH_INDEX_PREFIX}-pages",
            "TIMEOUT": ELASTICSEARCH_TIMEOUT,
        },
        "database": {"BACKEND": "wagtail.search.backends.database"},
    }
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
# Pages are translated (wagtail-localize) into the site's languages; English is the source tree.
# Serbian has one locale, in Cyrillic: Serbian Latin readers are served the `sr` pages
# transliterated as they are rendered (cms.templatetags.cms_i18n), never a hand-written copy.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = [(code, name) for code, name in LANGUAGES if code != "sr-latn"]
# The admin calls no third party: no Gravatar avatars, no check for new Wagtail releases.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILIMAGES_IMAGE_MODEL = "wagtailimages.Image"
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.forms.ImageForm"  # an image's description (alt text) is required

# The address people reach the site at, for links in e-mails and exports (marketplace.core.mail).
# Unset, a link made while answering a request starts with that request's own scheme and host
# (so wherever `make run` or a preview serves the site), and one made outside a request
# (commands, tasks) with this default.
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000")
SITE_URL_FROM_REQUEST = not env("SITE_URL")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # One line per background task or stock alert drowns what matters.
        "django_tasks": {"level": "WARNING"},
        "oscar.alerts": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}

# Content-Security-Policy (django-csp): a script that slips past the rich-text sanitiser
# (marketplace/richtext.py) still cannot run. Scripts come from our static files only; the few
# inline ones that cannot move (Oscar's {% block onbodyload %}, the admins' own) carry the
# response's nonce ({{ request.csp_nonce }}). Styles allow 'unsafe-inline': Wagtail's and
# Oscar's admin templates and widgets write style attributes; CSS cannot run script, and
# img-src/connect-src keep it from loading anything from elsewhere. The card page adds
# Stripe's origins to its own response (marketplace/payments/card_views.py); the Wagtail admin
# needs 'unsafe-inline' for its page editor's own inline scripts (marketplace/content_security.py).
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE  # noqa: E402


def _tile_origin(url: str) -> str:
    """The scheme and host of the tile URL, e.g. https://tile.openstreetmap.org."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1, "marketplace.content_security.CSPMiddleware"
)
INSTALLED_APPS.append("csp")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", _tile_origin(MAP_TILES_URL)],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
    },
}

# Privacy (marketplace/privacy): who runs the platform, for the privacy page, and how long
# `manage.py privacy_purge` (daily) keeps what is no longer needed, in days.
PRIVACY_OPERATOR_NAME = env("PRIVACY_OPERATOR_NAME", "Responsible")
PRIVACY_OPERATOR_ADDRESS = env("PRIVACY_OPERATOR_ADDRESS", "")
PRIVACY_CONTACT_EMAIL = env("PRIVACY_CONTACT_EMAIL", "privacy@example.com")
PRIVACY_BASKET_DAYS = int(env("PRIVACY_BASKET_DAYS", "90"))
PRIVACY_UNCONFIRMED_ACCOUNT_DAYS = int(env("PRIVACY_UNCONFIRMED_ACCOUNT_DAYS", "30"))
PRIVACY_INVITATION_DAYS = int(env("PRIVACY_INVITATION_DAYS", "60"))
PRIVACY_EMAIL_FAILURE_DAYS = int(env("PRIVACY_EMAIL_FAILURE_DAYS", "90"))
