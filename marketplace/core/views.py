"""Development only: the e-mails the site sent, as MailFolderBackend wrote them (see
marketplace.settings.dev). Without DEBUG (production, tests) these pages do not exist."""

from functools import wraps

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from .mail import mail_folder_names, mail_folder_read


def debug_only(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not settings.DEBUG:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


@debug_only
def sent_mail_list(request):
    page = Paginator(mail_folder_names(), 50).get_page(request.GET.get("page"))
    mails = [mail for mail in map(mail_folder_read, page.object_list) if mail is not None]
    context = {"page": page, "mails": mails, "folder": settings.EMAIL_FILE_PATH}
    return render(request, "core/sent_mail_list.html", context)


@debug_only
def sent_mail_detail(request, name):
    mail = mail_folder_read(name)
    if mail is None:
        raise Http404
    return render(request, "core/sent_mail_detail.html", {"mail": mail})
