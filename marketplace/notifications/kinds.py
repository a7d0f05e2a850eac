"""Every kind of notification the platform sends, declared once: who can receive it,
how it reaches people until they choose otherwise, and whether they may turn it off.

A kind marked `required` is always sent at once by e-mail and in the app: the law asks
for it (an invoice or credit note is issued to the buyer, art. 220 of Directive
2006/112/EC; a moderation decision states its reasons, art. 17 of the Digital Services
Act) or the account depends on it (confirmations, password resets). Those e-mails carry
no unsubscribe link: it would promise what cannot be done."""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    IN_APP = "in_app", _("In the app")


class Frequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("Immediately")
    DAILY = "daily", _("Daily summary")
    WEEKLY = "weekly", _("Weekly summary")


class Audience(models.TextChoices):
    """Who can receive a kind: members of a buyer, of a supplier, or anyone with an account."""

    BUYER = "buyer", _("buyers")
    SUPPLIER = "supplier", _("suppliers")
    ANYONE = "anyone", _("everyone")
    COORDINATOR = "coordinator", _("network coordinators")


class Group(models.TextChoices):
    ORDERS = "orders", _("Purchases and orders")
    SOURCING = "sourcing", _("Needs and quotes")
    MESSAGES = "messages", _("Messages")
    NETWORKS = "networks", _("Networks and verification")
    ACCOUNT = "account", _("Your account")


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    group: str
    audience: str
    email: str = Frequency.IMMEDIATELY  # how each channel delivers it until the person chooses
    in_app: str = Frequency.IMMEDIATELY
    required: bool = False

    def default(self, channel: str) -> str:
        return self.email if channel == Channel.EMAIL else self.in_app


# Keys of the kinds that code sends.
PURCHASE_PLACED = "purchase_placed"
ORDER_RECEIVED = "order_received"
PART_STATUS_CHANGED = "part_status_changed"
INVOICE_ISSUED = "invoice_issued"
NEED_INVITATION = "need_invitation"
NEED_DEADLINE_REMINDER = "need_deadline_reminder"
QUESTION_ASKED = "question_asked"
QUESTION_ANSWERED = "question_answered"
QUOTE_SUBMITTED = "quote_submitted"
NEED_CLOSED = "need_closed"
NEED_CANCELLED = "need_cancelled"
NEED_WITHDRAWN = "need_withdrawn"
QUOTE_AWARDED = "quote_awarded"
QUOTE_NOT_SELECTED = "quote_not_selected"
JOINT_INVITATION = "joint_invitation"
JOINT_PARTNER_ANSWERED = "joint_partner_answered"
JOINT_QUOTE_SUBMITTED = "joint_quote_submitted"
MESSAGE = "message"
NETWORK_MEMBERSHIP = "network_membership"
NETWORK_JOIN_REQUEST = "network_join_request"
CLAIM_REMINDER = "claim_reminder"
ACCOUNT = "account"

_KINDS = [
    Kind(PURCHASE_PLACED, _("A purchase you placed is confirmed"), Group.ORDERS, Audience.BUYER),
    Kind(ORDER_RECEIVED, _("Your organisation receives a new order"), Group.ORDERS, Audience.SUPPLIER),
    Kind(PART_STATUS_CHANGED, _("The status of your order part changes"), Group.ORDERS, Audience.BUYER),
    Kind(INVOICE_ISSUED, _("Invoices and credit notes"), Group.ORDERS, Audience.BUYER, required=True),
    Kind(NEED_INVITATION, _("Invitations to quote"), Group.SOURCING, Audience.SUPPLIER),
    Kind(NEED_DEADLINE_REMINDER, _("Reminders before the deadline for quotes"), Group.SOURCING, Audience.SUPPLIER),
    Kind(QUESTION_ASKED, _("A supplier asks a question about your need"), Group.SOURCING, Audience.BUYER),
    Kind(QUESTION_ANSWERED, _("The buyer answers a question about a need"), Group.SOURCING, Audience.SUPPLIER),
    Kind(QUOTE_SUBMITTED, _("A quote arrives for your need"), Group.SOURCING, Audience.BUYER),
    Kind(NEED_CLOSED, _("Your need closes to quotes"), Group.SOURCING, Audience.BUYER),
    Kind(NEED_CANCELLED, _("A need you were invited to is cancelled"), Group.SOURCING, Audience.SUPPLIER),
    Kind(NEED_WITHDRAWN, _("An operator withdraws your need"), Group.SOURCING, Audience.BUYER, required=True),
    Kind(QUOTE_AWARDED, _("Your quote is chosen"), Group.SOURCING, Audience.SUPPLIER),
    Kind(QUOTE_NOT_SELECTED, _("Another quote is chosen"), Group.SOURCING, Audience.SUPPLIER),
    Kind(JOINT_INVITATION, _("Invitations to a joint quote"), Group.SOURCING, Audience.SUPPLIER),
    Kind(JOINT_PARTNER_ANSWERED, _("A partner answers about your joint quote"), Group.SOURCING, Audience.SUPPLIER),
    Kind(JOINT_QUOTE_SUBMITTED, _("A joint quote you take part in is sent"), Group.SOURCING, Audience.SUPPLIER),
    Kind(MESSAGE, _("New messages in your conversations"), Group.MESSAGES, Audience.ANYONE),
    Kind(
        NETWORK_MEMBERSHIP,
        _("Your networks: join requests answered, new charter versions, reminders to sign, removal"),
        Group.NETWORKS,
        Audience.SUPPLIER,
    ),
    Kind(NETWORK_JOIN_REQUEST, _("Requests to join a network you coordinate"), Group.NETWORKS, Audience.COORDINATOR),
    Kind(CLAIM_REMINDER, _("Reminders before a verified label or figure expires"), Group.NETWORKS, Audience.SUPPLIER),
    Kind(
        ACCOUNT,
        _("Your account: confirmations, password resets, invitations to join"),
        Group.ACCOUNT,
        Audience.ANYONE,
        required=True,
    ),
]

KINDS: dict[str, Kind] = {kind.key: kind for kind in _KINDS}


def kind_get(key: str) -> Kind:
    """The kind of that key; an unknown key is a programming error and fails loudly."""
    return KINDS[key]


def kinds_for(audiences: set[str]) -> list[Kind]:
    """The kinds someone in these audiences can receive, in the order declared."""
    audiences = {*audiences, Audience.ANYONE}
    return [kind for kind in _KINDS if kind.audience in audiences]
