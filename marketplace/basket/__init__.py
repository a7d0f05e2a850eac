default_app_config = 'marketplace.basket.apps.BasketConfig'
