"""Demo notification choices, made through the service as people make them on
/accounts/notifications/settings/: the demo supplier reads invitations to quote in a daily
summary and wants no e-mail about answers to other suppliers' questions; the demo buyer
reads arriving quotes in a daily summary. Idempotent (choices are set, not added)."""

from marketplace.notifications import kinds, services
from marketplace.notifications.kinds import Channel, Frequency


def notifications_demo(*, supplier_person, buyer_person) -> None:
    services.preferences_save(
        user=supplier_person,
        choices={
            (kinds.NEED_INVITATION, Channel.EMAIL): Frequency.DAILY,
            (kinds.QUESTION_ANSWERED, Channel.EMAIL): None,
        },
    )
    services.preferences_save(user=buyer_person, choices={(kinds.QUOTE_SUBMITTED, Channel.EMAIL): Frequency.DAILY})
