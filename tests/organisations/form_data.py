"""POST data for the organisation forms, as a browser would send them for an existing
organisation (every field filled from the stored values), with overrides."""


def _blank(value):
    return "" if value is None else value


def supplier_form_data(supplier, **overrides):
    areas = list(supplier.served_areas.all())
    data = {
        "name": supplier.name,
        "legal_form": supplier.legal_form,
        "founded_year": _blank(supplier.founded_year),
        "language": supplier.language,
        "description": supplier.description,
        "country": str(supplier.country),
        "region": _blank(supplier.region_id),
        "city": supplier.city,
        "street_address": supplier.street_address,
        "postcode": supplier.postcode,
        "served_countries": [str(a.country) for a in areas if not a.region_id],
        "served_regions": [a.region_id for a in areas if a.region_id],
        "sectors": [s.pk for s in supplier.sectors.all()],
        "impact_areas": [i.pk for i in supplier.impact_areas.all()],
        "impact_statement": supplier.impact_statement,
        "employees": _blank(supplier.employees),
        "employees_vulnerable": _blank(supplier.employees_vulnerable),
        "vulnerable_groups": supplier.vulnerable_groups,
        "contact_name": supplier.contact_name,
        "email": supplier.email,
        "phone": supplier.phone,
        "website": supplier.website,
        "vat_id": supplier.vat_id,
    }
    return {**data, **overrides}


def buyer_form_data(buyer, **overrides):
    data = {
        name: _blank(getattr(buyer, name))
        for name in (
            "name", "description", "city", "street_address", "postcode", "website", "email", "phone", "vat_id",
            "billing_name", "billing_street_address", "billing_postcode", "billing_city", "billing_email",
        )
    }  # fmt: skip
    data["country"] = str(buyer.country)
    data["billing_country"] = str(buyer.billing_country or "")
    if buyer.is_public_body:
        data["is_public_body"] = "on"
    return {**data, **overrides}
