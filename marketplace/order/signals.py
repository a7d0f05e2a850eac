"""What ordering tells the apps that settle a part's payment (marketplace.payments answers
them in its AppConfig.ready), so that ordering never imports payment or Stripe code.

Receivers run inside the status change's transaction: an exception a receiver raises
undoes the change (PaymentNotRefunded keeps the part as it was, with a message)."""

from django.dispatch import Signal

# A supplier accepted its part (sender: the part's class; argument: part).
part_accepted = Signal()

# A part is being rejected or cancelled (arguments: part, status): its invoice is credited
# and what the buyer paid for it is given back.
part_closing = Signal()


class PaymentNotRefunded(Exception):
    """The payment provider refused, for now, to give the buyer their money back."""
