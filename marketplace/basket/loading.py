"""Oscar's class loader (settings.OSCAR_DYNAMIC_CLASS_LOADER), with our offer applicator
in place of Oscar's (see marketplace.basket.offers): the offer app is Oscar's own, not a
fork, so Oscar's loader would always give Oscar's applicator."""

from django.utils.module_loading import import_string
from oscar.core.loading import default_class_loader

REPLACED = {("offer.applicator", "Applicator"): "marketplace.basket.offers.Applicator"}


def class_loader(module_label, classnames, module_prefix):
    if any((module_label, name) in REPLACED for name in classnames):
        return [
            import_string(REPLACED[(module_label, name)])
            if (module_label, name) in REPLACED
            else default_class_loader(module_label, [name], module_prefix)[0]
            for name in classnames
        ]
    return default_class_loader(module_label, classnames, module_prefix)
