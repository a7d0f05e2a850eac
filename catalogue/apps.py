import oscar.apps.catalogue.apps as apps


class CatalogueConfig(apps.CatalogueConfig):
    name = "catalogue"

    def ready(self):
        super().ready()
        from django.db.models.signals import post_save

        from marketplace.organisations.models import Sector

        from .services import category_for_sector

        def sector_saved(sender, instance, raw=False, **kwargs):
            # Sectors are edited in the Django admin and by the demo loader; either way
            # the shop's category tree follows. Fixtures (raw) are loaded as they are.
            if not raw:
                category_for_sector(instance)

        post_save.connect(sector_saved, sender=Sector, dispatch_uid="catalogue.sector_saved", weak=False)
