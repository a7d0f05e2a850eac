from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("", views.sent_mail_list, name="sent-mail-list"),
    path("<str:name>/", views.sent_mail_detail, name="sent-mail-detail"),
]
