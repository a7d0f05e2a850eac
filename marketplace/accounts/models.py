from oscar.apps.customer.abstract_models import AbstractUser


class User(AbstractUser):
    """A person who signs in with an e-mail address. What a person may do
    comes from their memberships of organisations (see organisations.Membership)."""

    def __str__(self):
        return self.get_full_name() or self.email
