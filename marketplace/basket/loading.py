"""Oscar's class loader (settings.OSCAR_DYNAMIC_CLASS_LOADER), with a few classes of
apps we do not fork in place of Oscar's, which Oscar's loader would always give: our
offer applicator (see marketplace.basket.offers), and the customer app's profile form
(with the person's language) and e-mail dispatcher (writing in the recipient's
language, see marketplace.accounts.dispatcher)."""

from django.utils.module_loading import import_string
from oscar.core.loading import default_class_loader

REPLACED = {
    ("offer.applicator", "Applicator"): "marketplace.basket.offers.Applicator",
    ("customer.forms", "ProfileForm"): "marketplace.accounts.forms.ProfileForm",
    ("customer.utils", "CustomerDispatcher"): "marketplace.accounts.dispatcher.CustomerDispatcher",
}


def class_loader(module_label, classnames, module_prefix):
    if any((module_label, name) in REPLACED for name in classnames):
        return [
            import_string(REPLACED[(module_label, name)])
            if (module_label, name) in REPLACED
            else default_class_loader(module_label, [name], module_prefix)[0]
            for name in classnames
        ]
    return default_class_loader(module_label, classnames, module_prefix)
