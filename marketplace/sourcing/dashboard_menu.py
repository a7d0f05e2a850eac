"""Who sees the sourcing entry of Oscar's dashboard menu (the dashboard is the
operators'). Imported by the settings, so it imports no model at load time."""


def for_operators(user, *args):
    return user.is_staff
