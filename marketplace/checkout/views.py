from decimal import Decimal

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView

from marketplace.order.forms import CheckoutForm
from marketplace.order.models import Purchase
from marketplace.order.selectors import basket_parts, basket_problems, buyers_of, purchases_for_buyers
from marketplace.order.services import CheckoutError, basket_priced_for, purchase_place
from marketplace.partner import vat_rules
from marketplace.payments.selectors import card_payments_enabled


class CheckoutView(FormView):
    """The one checkout page. Only members of a buyer organisation may check out;
    a basket with lines that cannot be bought goes back to the basket with the reasons."""

    template_name = "oscar/checkout/checkout.html"
    form_class = CheckoutForm

    def dispatch(self, request, *args, **kwargs):
        self.buyers = buyers_of(request.user)
        if not self.buyers.exists():
            messages.error(
                request, _("Only members of a buyer organisation can check out. Register your organisation first.")
            )
            return redirect("basket:summary")
        basket = request.basket
        if basket.is_empty:
            messages.info(request, _("Your basket is empty."))
            return redirect("basket:summary")
        problems = basket_problems(basket)
        if problems:
            for problem in problems:
                messages.error(request, problem)
            return redirect("basket:summary")
        self.parts = basket_parts(basket)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(
            buyers=self.buyers,
            suppliers=[part.supplier for part in self.parts],
            card_enabled=card_payments_enabled(),
        )
        return kwargs

    def get_initial(self):
        buyer = self.buyers.first()
        initial = CheckoutForm.initial_for(buyer, purchases_for_buyers([buyer]).first())
        buyer_vat = self.request.basket.strategy.buyer_vat
        return initial | {"vat_basis": buyer_vat.basis if buyer_vat else ""}

    def get_context_data(self, **kwargs):
        # The totals the purchase will have (marketplace.order.services.purchase_place): the
        # sums of the supplier parts, so the page shows exactly what will be invoiced.
        total_excl_tax = sum((part.total_excl_tax for part in self.parts), Decimal("0.00"))
        total_incl_tax = sum((part.total_incl_tax for part in self.parts), Decimal("0.00"))
        return super().get_context_data(
            parts=self.parts,
            total_excl_tax=total_excl_tax,
            total_incl_tax=total_incl_tax,
            total_tax=total_incl_tax - total_excl_tax,
            **kwargs,
        )

    def form_valid(self, form):
        data = form.cleaned_data
        buyer_vat = vat_rules.buyer_vat_of(data["buyer"], country=data["billing_country"], vat_id=data["vat_id"])
        if buyer_vat.basis != data["vat_basis"]:
            return self.vat_recalculated(buyer_vat)
        try:
            purchase = purchase_place(
                basket=self.request.basket,
                user=self.request.user,
                buyer=form.cleaned_data["buyer"],
                details=form.details(),
                payment_method=form.cleaned_data["payment_method"],
            )
        except CheckoutError as error:
            for message in error.messages:
                messages.error(self.request, message)
            return redirect("basket:summary")
        if purchase.payment_status == Purchase.PaymentStatus.AWAITING:
            return redirect(reverse("payments:card-pay", kwargs={"number": purchase.number}))
        messages.success(
            self.request,
            _("Thank you: purchase %(number)s is placed. Each supplier will confirm its part.")
            % {"number": purchase.number},
        )
        return redirect(purchase.get_absolute_url())

    def vat_recalculated(self, buyer_vat):
        """The billing details given change the VAT shown (another country, or a VAT ID): the
        page again, with the parts priced for them, for the buyer to check before placing."""
        basket_priced_for(self.request.basket, buyer_vat)
        self.parts = basket_parts(self.request.basket)
        kwargs = self.get_form_kwargs()
        kwargs["data"] = kwargs["data"].copy()
        kwargs["data"]["vat_basis"] = buyer_vat.basis
        messages.warning(
            self.request,
            _("The VAT is now worked out for the billing details you gave: check the totals, then place the order."),
        )
        return self.render_to_response(self.get_context_data(form=self.get_form_class()(**kwargs)))
