"""Where personal data lives: every link from a model to a person (a foreign key,
one-to-one or many-to-many to the user model) is declared here once, with what erasing
that person does to the rows behind it. Export and erasure read this registry, and the
system check `privacy.E001` (marketplace/privacy/checks.py) fails for any link that is
not declared, so a new app cannot forget: it adds one `declare(...)` line in
marketplace/privacy/declarations.py.
"""

from dataclasses import dataclass
from enum import Enum


class Erase(Enum):
    # The rows are the person's own (addresses, baskets, notifications): deleted with them.
    DELETE = "delete"
    # The rows belong to an organisation (a need, a message, a quote): they stay, the link
    # to the person is cut (the foreign key's on_delete SET_NULL), so no name or e-mail remains.
    DETACH = "detach"
    # Accounting records kept for their legal period (marketplace/privacy/retention.py):
    # the link is cut, the copies of names and addresses the law requires stay.
    RETAIN = "retain"


@dataclass(frozen=True)
class PersonalLink:
    model: str  # "app_label.ModelName"
    field: str  # the field pointing at the user
    erase: Erase
    export: bool  # whether the rows go into the person's export (others are technical)


LINKS: dict[tuple[str, str], PersonalLink] = {}


def declare(model: str, *fields: str, erase: Erase, export: bool = True) -> None:
    for field in fields:
        LINKS[(model, field)] = PersonalLink(model=model, field=field, erase=erase, export=export)


def links():
    from . import declarations  # noqa: F401  (fills LINKS)

    return LINKS
