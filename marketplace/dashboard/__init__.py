"""Our forks of Oscar's dashboard apps (by label) and who may enter the dashboard.

See README, "Supplier dashboard": members of a supplier manage that supplier's
products, stock and order lines; operators (staff with Oscar's model
permissions, e.g. superusers) see everything."""
