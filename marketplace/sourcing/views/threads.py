"""Conversations between buyers and suppliers."""

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, ListView

from marketplace.core import limits
from marketplace.core.forms import OrganisationChoiceField
from marketplace.order.selectors import buyers_of
from marketplace.organisations.models import Supplier

from .. import threads
from .access import error_text


class MessageForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Message"), max_length=limits.MESSAGE, widget=forms.Textarea(attrs={"rows": 5})
    )
    share_email = forms.BooleanField(
        label=gettext_lazy("Show my e-mail address to the other side"),
        required=False,
        help_text=gettext_lazy("Until you tick this, they see your name only and answer here."),
    )


class ContactForm(MessageForm):
    buyer = OrganisationChoiceField(label=gettext_lazy("Writing for"))
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=limits.TITLE)
    field_order = ["buyer", "subject", "body", "share_email"]

    def __init__(self, *args, buyers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["buyer"].limit_to(buyers)


class ThreadListView(LoginRequiredMixin, ListView):
    template_name = "sourcing/thread_list.html"
    context_object_name = "threads"
    paginate_by = 30

    def get_queryset(self):
        return threads.threads_for(self.request.user)


class ContactView(LoginRequiredMixin, FormView):
    """ "Contact this supplier": starts a conversation in the name of a buyer organisation."""

    template_name = "sourcing/contact.html"
    form_class = ContactForm

    def dispatch(self, request, *args, **kwargs):
        self.supplier = get_object_or_404(Supplier, slug=kwargs["slug"], verified=True)
        if request.user.is_authenticated and not buyers_of(request.user).exists():
            # Told why and what to do, not a bare "forbidden".
            return render(request, "sourcing/contact_not_possible.html", {"supplier": self.supplier}, status=403)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "buyers": buyers_of(self.request.user)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(supplier=self.supplier, **kwargs)

    def form_valid(self, form):
        try:
            thread = threads.thread_start(
                buyer=form.cleaned_data["buyer"],
                supplier=self.supplier,
                by=self.request.user,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                share_email=form.cleaned_data["share_email"],
            )
        except ValidationError as error:
            form.add_error(None, error_text(error))
            return self.form_invalid(form)
        messages.success(self.request, _("Your message is sent to %(name)s.") % {"name": self.supplier.name})
        return redirect(thread.get_absolute_url())


class ThreadDetailView(LoginRequiredMixin, FormView):
    template_name = "sourcing/thread_detail.html"
    form_class = MessageForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.thread = threads.thread_get(user=request.user, pk=kwargs["pk"])
            if self.thread is None:
                raise Http404(_("No conversation of yours at this address."))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            thread=self.thread,
            thread_messages=threads.thread_messages(self.thread),
            side=threads.thread_side(thread=self.thread, user=self.request.user),
            sharing=self.thread.email_shared_by.filter(pk=self.request.user.pk).exists(),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            threads.message_post(
                thread=self.thread,
                by=self.request.user,
                body=form.cleaned_data["body"],
                share_email=form.cleaned_data["share_email"],
            )
        except ValidationError as error:
            form.add_error(None, error_text(error))
            return self.form_invalid(form)
        messages.success(self.request, _("Your message is sent."))
        return redirect(self.thread.get_absolute_url())
