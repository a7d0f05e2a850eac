import oscar.apps.catalogue.apps as apps


class CatalogueConfig(apps.CatalogueConfig):
    name = "catalogue"

    def ready(self):
        super().ready()
        from django.db import DEFAULT_DB_ALIAS
        from django.db.models.signals import post_migrate, post_save

        from marketplace.organisations.models import Sector

        from .services import category_for_sector, product_classes_ensure

        def sector_saved(sender, instance, raw=False, **kwargs):
            # Sectors are edited in the Django admin and by the demo loader; either way
            # the shop's category tree follows. Fixtures (raw) are loaded as they are.
            if not raw:
                category_for_sector(instance)

        post_save.connect(sector_saved, sender=Sector, dispatch_uid="catalogue.sector_saved", weak=False)

        def product_classes_back(sender, using, **kwargs):
            # The marketplace sells Goods and Services only: after every migrate, and after a
            # flush (which empties what the data migrations wrote), both classes are there.
            if using == DEFAULT_DB_ALIAS:
                product_classes_ensure()

        post_migrate.connect(product_classes_back, sender=self, dispatch_uid="catalogue.product_classes", weak=False)

        # No "recently viewed" list is shown anywhere: keep no browsing history in a cookie (oscar_history),
        # and a product's page stays the same for every anonymous visitor (marketplace/core/page_cache.py).
        from oscar.apps.catalogue.signals import product_viewed
        from oscar.apps.customer.receivers import receive_product_view

        product_viewed.disconnect(receive_product_view)
