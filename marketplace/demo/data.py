"""The demo world: three networks of fictional social enterprises in LU, FR, DE,
BE, NL and RS, the buyers that work with them and their stories. Every
organisation and person here is invented; towns and regions are real places."""

DEMO_PASSWORD = "responsible-demo"

# (name, slug, [(sub-sector name, slug)])
SECTORS = [
    ("Food", "food", [
        ("Local food distribution", "local-food-distribution"),
        ("Catering", "catering"),
        ("Bakery and food processing", "bakery-food-processing"),
    ]),
    ("Construction", "construction", [
        ("Reused construction materials", "reused-construction-materials"),
        ("Renovation and green building", "renovation"),
        ("Landscaping and green spaces", "landscaping"),
    ]),
    ("Cleaning and facility services", "cleaning-facility", [
        ("Office cleaning", "office-cleaning"),
        ("Laundry", "laundry"),
    ]),
    ("Printing and communication", "printing-communication", [
        ("Printing", "printing"),
        ("Graphic design", "graphic-design"),
    ]),
    ("Textiles", "textiles", [
        ("Workwear and textiles", "workwear"),
        ("Textile recycling", "textile-recycling"),
    ]),
    ("IT services", "it-services", [
        ("IT refurbishment", "it-refurbishment"),
        ("Digital services", "digital-services"),
    ]),
    ("Logistics", "logistics", [
        ("Bicycle delivery", "bicycle-delivery"),
        ("Removals and storage", "removals-storage"),
    ]),
]  # fmt: skip

IMPACT_AREAS = [
    ("Work integration", "work-integration"),
    ("Disability employment", "disability-employment"),
    ("Circular economy and reuse", "circular-economy"),
    ("Local food", "local-food"),
    ("Environment and climate", "environment"),
    ("Refugee inclusion", "refugee-inclusion"),
    ("Gender equality", "gender-equality"),
]

# Impact areas a supplier of each sub-sector typically declares, besides its workforce.
SECTOR_IMPACT = {
    "local-food-distribution": ["local-food", "environment"],
    "catering": ["local-food"],
    "bakery-food-processing": ["local-food"],
    "reused-construction-materials": ["circular-economy", "environment"],
    "renovation": ["environment"],
    "landscaping": ["environment"],
    "office-cleaning": [],
    "laundry": [],
    "printing": ["environment"],
    "graphic-design": [],
    "workwear": ["gender-equality"],
    "textile-recycling": ["circular-economy"],
    "it-refurbishment": ["circular-economy"],
    "digital-services": [],
    "bicycle-delivery": ["environment"],
    "removals-storage": ["circular-economy"],
}

# (name, slug, issuer)
LABELS = [
    ("ESUS – Entreprise solidaire d'utilité sociale", "esus", "French State (DREETS)"),
    ("SIS – Société d'impact sociétal", "sis", "Luxembourg Ministry of Labour"),
    ("B Corp", "b-corp", "B Lab"),
    ("EU Ecolabel", "eu-ecolabel", "European Commission"),
    ("Fairtrade", "fairtrade", "Fairtrade International"),
]
COUNTRY_LABELS = {"FR": "esus", "LU": "sis"}

# Product attributes of the demo catalogue.
COUNTRY_NAMES = {
    "LU": "Luxembourg",
    "FR": "France",
    "DE": "Germany",
    "BE": "Belgium",
    "NL": "Netherlands",
    "RS": "Serbia",
}
# Food is sold at each country's reduced VAT rate (percent), not the standard one.
FOOD_VAT_RATES = {"LU": 3, "FR": 5.5, "DE": 7, "BE": 6, "NL": 9, "RS": 10}
# Goods of these sub-sectors are mostly reused or recycled material.
CIRCULAR_SECTORS = {"reused-construction-materials", "textile-recycling", "it-refurbishment"}
# A service's unit of sale → its pricing unit (catalogue.attributes.PRICING_UNITS): what its price is really for.
SERVICE_PRICING_UNITS = {
    "hour": "hour", "day": "day", "visit": "visit", "project": "project", "month": "month", "person": "person",
    "meal": "meal", "m²": "m2", "m³": "m3", "kg": "kg", "parcel": "parcel", "set": "set", "room": "room", "page": "page", "device": "device",
    "pack": "pages-1000", "drop": "delivery",
}  # fmt: skip

# (country, region name, slug, NUTS code, towns)
REGIONS = [
    ("LU", "Luxembourg", "luxembourg", "LU00", ["Esch-sur-Alzette", "Differdange", "Luxembourg", "Ettelbruck", "Wiltz"]),
    ("FR", "Lorraine", "lorraine", "FRF3", ["Metz", "Nancy", "Thionville", "Longwy"]),
    ("FR", "Alsace", "alsace", "FRF1", ["Strasbourg", "Colmar"]),
    ("DE", "Saarland", "saarland", "DEC0", ["Saarbrücken", "Neunkirchen", "Saarlouis"]),
    ("DE", "Rhineland-Palatinate", "rhineland-palatinate", "DEB", ["Trier", "Kaiserslautern"]),
    ("BE", "Wallonia", "wallonia", "BE3", ["Arlon", "Liège", "Namur"]),
    ("BE", "Brussels-Capital", "brussels", "BE1", ["Bruxelles"]),
    ("NL", "Groningen", "groningen", "NL11", ["Groningen", "Delfzijl"]),
    ("NL", "Friesland", "friesland", "NL12", ["Leeuwarden", "Sneek"]),
    ("NL", "Drenthe", "drenthe", "NL13", ["Assen", "Emmen"]),
    ("RS", "Vojvodina", "vojvodina", "RS12", ["Novi Sad", "Subotica", "Sombor"]),
    ("RS", "Belgrade", "belgrade", "RS11", ["Beograd"]),
]  # fmt: skip

# How many demo suppliers each country gets (66 in all).
SUPPLIERS_PER_COUNTRY = {"LU": 12, "FR": 14, "DE": 12, "BE": 10, "NL": 10, "RS": 8}
COUNTRY_LANGUAGE = {"LU": "fr", "FR": "fr", "DE": "de", "BE": "fr", "NL": "nl", "RS": "sr"}

# Two name stems per sub-sector and language; a supplier is "<stem> <town> <legal suffix>".
NAME_STEMS = {
    "local-food-distribution": {"fr": ["Panier Solidaire", "Circuit Court"], "de": ["Regionalkiste", "Hofladen-Netz"],
                                "nl": ["Streekboer", "Groentetas"], "sr": ["Zadružna Korpa", "Lokalna Trpeza"]},
    "catering": {"fr": ["Table d'Insertion", "Cuisine Partagée"], "de": ["Küche Miteinander", "Tafelwerk"],
                 "nl": ["Samen Koken", "Buurtkeuken"], "sr": ["Kuhinja Zajedno", "Ketering Most"]},
    "bakery-food-processing": {"fr": ["Fournil Solidaire", "Conserverie"], "de": ["Backstube Inklusiv", "Einmachwerk"],
                               "nl": ["Bakkerij Anders", "Inmaakatelier"], "sr": ["Pekara Prilika", "Zimnica"]},
    "reused-construction-materials": {"fr": ["Bâti-Réemploi", "Matériauthèque"], "de": ["Bauteilbörse", "Baustoff-Kreislauf"],
                                      "nl": ["Bouwkringloop", "Materialenbank"], "sr": ["Građevinski Reciklažni Centar", "Drugi Krug"]},
    "renovation": {"fr": ["Rénov'Insertion", "Habitat Partagé"], "de": ["Sanierwerk", "Handwerk Inklusiv"],
                   "nl": ["Klushuis", "Renovatiecollectief"], "sr": ["Zanatska Radionica", "Obnova Plus"]},
    "landscaping": {"fr": ["Jardins d'Avenir", "Espaces Verts Solidaires"], "de": ["Grünwerk", "Gartenhof"],
                    "nl": ["Groene Handen", "Tuinploeg"], "sr": ["Zelena Ruka", "Bašta Zajedno"]},
    "office-cleaning": {"fr": ["Net'Services", "Propreté Solidaire"], "de": ["Glanzwerk", "Sauber & Sozial"],
                        "nl": ["Schoon Samen", "Poetsploeg"], "sr": ["Čisto Srce", "Sjaj Servis"]},
    "laundry": {"fr": ["Blanchisserie du Cœur", "Lavoir Solidaire"], "de": ["Wäscherei Miteinander", "Waschwerk"],
                "nl": ["Wasserij Anders", "Strijkatelier"], "sr": ["Perionica Nada", "Beli Most"]},
    "printing": {"fr": ["Imprimerie Adaptée", "Encre Solidaire"], "de": ["Druckwerk Inklusiv", "Druckerei Brücke"],
                 "nl": ["Drukkerij Samen", "Inktploeg"], "sr": ["Štamparija Prilika", "Otisak"]},
    "graphic-design": {"fr": ["Atelier Graphique", "Studio Égalité"], "de": ["Gestaltungswerk", "Grafikatelier"],
                       "nl": ["Ontwerpstudio", "Beeldwerk"], "sr": ["Dizajn Studio Most", "Grafička Radionica"]},
    "workwear": {"fr": ["Atelier Couture", "Fil Solidaire"], "de": ["Nähwerk", "Arbeitskleidung Inklusiv"],
                 "nl": ["Naaiatelier", "Werkkleding Anders"], "sr": ["Šivara Prilika", "Radna Odeća Zajedno"]},
    "textile-recycling": {"fr": ["Fripe & Cie", "Textile Seconde Vie"], "de": ["Textilkreislauf", "Kleiderwerk"],
                          "nl": ["Textielkringloop", "Tweede Jas"], "sr": ["Tekstil Ponovo", "Drugi Život"]},
    "it-refurbishment": {"fr": ["Reboot Informatique", "Ordi Solidaire"], "de": ["Computerwerk", "IT-Kreislauf"],
                         "nl": ["Laptopkringloop", "Herstart IT"], "sr": ["Računar Ponovo", "IT Most"]},
    "digital-services": {"fr": ["Numérique Inclusif", "Saisie Solidaire"], "de": ["Digitalwerk Inklusiv", "Datenbrücke"],
                         "nl": ["Digitaal Anders", "Datawerkplaats"], "sr": ["Digitalna Prilika", "Podaci Zajedno"]},
    "bicycle-delivery": {"fr": ["Coursiers à Vélo", "Vélo-Livraison"], "de": ["Radkurier Sozial", "Lastenrad-Logistik"],
                         "nl": ["Fietskoeriers", "Bakfietsdienst"], "sr": ["Bicikl Kurir", "Zelena Dostava"]},
    "removals-storage": {"fr": ["Déménagement Solidaire", "Garde-Meubles Insertion"], "de": ["Umzugswerk", "Lagerhaus Inklusiv"],
                         "nl": ["Verhuisploeg", "Opslag Anders"], "sr": ["Selidbe Zajedno", "Magacin Prilika"]},
}  # fmt: skip

# Legal form and the suffix it takes in each country.
LEGAL_FORMS = {
    "LU": [("association", "asbl"), ("social_purpose_company", "SIS"), ("cooperative", "SC")],
    "FR": [("cooperative", "SCIC"), ("work_integration", "EI"), ("association", "association"), ("sheltered_workshop", "ESAT")],
    "DE": [("social_purpose_company", "gGmbH"), ("cooperative", "eG"), ("sheltered_workshop", "WfbM")],
    "BE": [("association", "asbl"), ("cooperative", "SC ES"), ("work_integration", "EI")],
    "NL": [("social_purpose_company", "BV"), ("cooperative", "coöperatie U.A."), ("foundation", "stichting")],
    "RS": [("cooperative", "zadruga"), ("association", "udruženje"), ("social_purpose_company", "d.o.o.")],
}  # fmt: skip

VULNERABLE_GROUPS = {
    "work_integration": "long-term unemployed people, young people without qualifications",
    "sheltered_workshop": "people with disabilities",
    "association": "long-term unemployed people, refugees",
    "cooperative": "people with disabilities, long-term unemployed people",
    "social_purpose_company": "people with disabilities, people over 50 returning to work",
    "foundation": "people with a distance to the labour market",
}

# Goods and services each sub-sector offers: (title, kind, unit of sale, price in EUR excl. VAT).
PRODUCTS = {
    "local-food-distribution": [
        ("Seasonal vegetable box for the office", "goods", "box", "24.00"),
        ("Fruit basket, 5 kg, weekly delivery", "goods", "basket", "19.50"),
        ("Local breakfast assortment for 20 people", "goods", "tray", "68.00"),
        ("Regional products gift hamper", "goods", "hamper", "42.00"),
    ],
    "catering": [
        ("Lunch buffet, per person", "service", "person", "18.50"),
        ("Coffee break with home-made pastries, per person", "service", "person", "6.80"),
        ("Conference catering day package, per person", "service", "person", "34.00"),
        ("Vegetarian lunch boxes, per box", "goods", "box", "11.90"),
    ],
    "bakery-food-processing": [
        ("Organic sourdough bread, 1 kg", "goods", "loaf", "5.40"),
        ("Jar of local fruit jam, 350 g", "goods", "jar", "4.80"),
        ("Biscuit assortment for meetings, 1 kg", "goods", "kg", "21.00"),
        ("Apple juice from local orchards, 6 × 1 l", "goods", "crate", "13.20"),
    ],
    "reused-construction-materials": [
        ("Reclaimed oak flooring, per m²", "goods", "m²", "38.00"),
        ("Reused interior doors, inspected and sized", "goods", "door", "85.00"),
        ("Second-life office partition panels", "goods", "panel", "64.00"),
        ("Deconstruction survey before renovation", "service", "project", "1450.00"),
    ],
    "renovation": [
        ("Interior painting, per m²", "service", "m²", "16.50"),
        ("Office refurbishment team, per day", "service", "day", "780.00"),
        ("Insulation works with bio-based materials, per m²", "service", "m²", "42.00"),
        ("Small repairs and maintenance, per hour", "service", "hour", "45.00"),
    ],
    "landscaping": [
        ("Green space maintenance, per visit", "service", "visit", "240.00"),
        ("Planting of a flowering meadow, per 100 m²", "service", "project", "520.00"),
        ("Office plants, potted, delivered", "goods", "plant", "29.00"),
        ("Insect hotel made from reclaimed wood", "goods", "piece", "48.00"),
    ],
    "office-cleaning": [
        ("Office cleaning, per hour", "service", "hour", "29.50"),
        ("Window cleaning, per visit", "service", "visit", "180.00"),
        ("Deep cleaning after works, per m²", "service", "m²", "4.20"),
        ("Eco-certified cleaning products kit", "goods", "kit", "36.00"),
    ],
    "laundry": [
        ("Workwear laundry, per kg", "service", "kg", "3.90"),
        ("Table linen hire and laundry, per set", "service", "set", "7.50"),
        ("Hotel linen service, per room", "service", "room", "6.20"),
        ("Ironing service, per hour", "service", "hour", "24.00"),
    ],
    "printing": [
        ("Business cards on recycled paper, 500", "goods", "pack", "39.00"),
        ("A4 flyers, recycled paper, 1,000", "goods", "pack", "89.00"),
        ("Annual report printing, 250 copies", "goods", "run", "1240.00"),
        ("Roll-up banner with stand", "goods", "piece", "119.00"),
    ],
    "graphic-design": [
        ("Logo and visual identity", "service", "project", "1800.00"),
        ("Layout of a report, per page", "service", "page", "35.00"),
        ("Accessible PDF conversion, per page", "service", "page", "6.00"),
        ("Illustration, per hour", "service", "hour", "55.00"),
    ],
    "workwear": [
        ("Organic cotton work jacket", "goods", "piece", "49.00"),
        ("Custom tote bags, 100 pieces", "goods", "pack", "420.00"),
        ("Embroidered polo shirt", "goods", "piece", "27.00"),
        ("Aprons for kitchens, set of 10", "goods", "set", "145.00"),
    ],
    "textile-recycling": [
        ("Collection of used workwear, per pick-up", "service", "visit", "95.00"),
        ("Upcycled laptop sleeve", "goods", "piece", "24.00"),
        ("Conference bags from old banners", "goods", "piece", "14.50"),
        ("Textile waste audit", "service", "project", "650.00"),
    ],
    "it-refurbishment": [
        ("Refurbished laptop, 14 inch, 2-year warranty", "goods", "piece", "329.00"),
        ("Refurbished 24-inch monitor", "goods", "piece", "89.00"),
        ("Certified data wiping, per device", "service", "device", "12.00"),
        ("Collection and reuse of old IT equipment", "service", "visit", "150.00"),
    ],
    "digital-services": [
        ("Data entry, per hour", "service", "hour", "27.00"),
        ("Document scanning and indexing, per 1,000 pages", "service", "pack", "110.00"),
        ("Accessibility audit of a website", "service", "project", "2200.00"),
        ("Software testing, per day", "service", "day", "420.00"),
    ],
    "bicycle-delivery": [
        ("Cargo-bike delivery in town, per drop", "service", "drop", "9.50"),
        ("Daily mail run, per month", "service", "month", "380.00"),
        ("Same-day parcel delivery, up to 20 kg", "service", "parcel", "14.00"),
        ("Event logistics by cargo bike, per day", "service", "day", "560.00"),
    ],
    "removals-storage": [
        ("Office move, team of four, per day", "service", "day", "1150.00"),
        ("Furniture storage, per m³ and month", "service", "m³", "22.00"),
        ("Reused office chair, cleaned and checked", "goods", "piece", "45.00"),
        ("Reused office desk", "goods", "piece", "75.00"),
    ],
}

NETWORKS = [
    {
        "name": "SSE Cluster Grande Région",
        "slug": "sse-cluster-grande-region",
        "tagline": "Social and solidarity enterprises across Luxembourg, Lorraine, Saarland, Rhineland-Palatinate and Wallonia.",
        "countries": ["LU", "FR", "DE", "BE"],
        "member_countries": ["LU", "FR", "DE", "BE"],
        "website": "https://sse-grande-region.example",
        "description": (
            "The cluster brings together social enterprises on both sides of four borders. 250,000 people cross "
            "these borders every day to work; the cluster wants firms on every side to buy from social enterprises "
            "on every side, too.\n\nIt runs buyer meetings, answers tenders as a group and trains procurement "
            "officers in social clauses."
        ),
        "charter_title": "Charter of the SSE Cluster Grande Région",
        "partners": [
            ("Banque Coopérative Transfrontalière", "bank", "LU"),
            ("Université transfrontalière Saar-Lor-Lux", "university", "DE"),
            ("Conseil interrégional de l'économie sociale", "government", "FR"),
            ("Fédération wallonne des entreprises d'insertion", "association", "BE"),
        ],
    },
    {
        "name": "Impact Noord",
        "slug": "impact-noord",
        "tagline": "The impact network of the northern Netherlands.",
        "countries": ["NL"],
        "member_countries": ["NL"],
        "website": "https://impactnoord.example",
        "description": (
            "Impact Noord connects social entrepreneurs in Groningen, Friesland and Drenthe with the firms and "
            "municipalities that buy there. Members share a 'buy social' pledge with local employers."
        ),
        "charter_title": "Impact Noord pledge",
        "partners": [
            ("Noordelijk Impactfonds", "bank", "NL"),
            ("Hogeschool van het Noorden", "university", "NL"),
            ("Samenwerkingsverband Noordelijke Gemeenten", "government", "NL"),
        ],
    },
    {
        "name": "KASPEV",
        "slug": "kaspev",
        "tagline": "Cluster of social enterprises of Vojvodina.",
        "countries": ["RS"],
        "member_countries": ["RS"],
        "website": "https://kaspev.example",
        "description": (
            "KASPEV groups cooperatives, associations and social enterprises in Vojvodina and Belgrade that "
            "employ women from rural areas, Roma people and people with disabilities, and opens export markets "
            "for them in the EU."
        ),
        "charter_title": "KASPEV charter",
        "partners": [
            ("Razvojni fond Vojvodine", "bank", "RS"),
            ("Centar za socijalno preduzetništvo Novi Sad", "association", "RS"),
            ("Pokrajinska agencija za razvoj", "government", "RS"),
        ],
    },
]

CHARTER = """1. We put people before profit: at least half of our surplus goes back into our social aim.
2. We employ and train people who are far from the labour market, and we tell how many.
3. We are run democratically or with a board that includes our workers.
4. We buy locally and prefer reused and low-carbon materials.
5. We publish our figures every year and let the network check them."""

# Buyers: (name, country, city, is_public_body, description)
BUYERS = [
    ("Acier Moselle SA", "FR", "Thionville", False,
     "Steel parts maker with 1,400 employees on three sites in Lorraine and Saarland."),
    ("Kredit Mosel S.A.", "LU", "Luxembourg", False,
     "Regional bank with 600 employees; buys catering, cleaning and printing for its offices."),
    ("Noorderzon Logistiek BV", "NL", "Groningen", False,
     "Logistics firm with warehouses in Groningen and Drenthe."),
    ("Eurodistrict Mosel-Saar", "DE", "Saarbrücken", True,
     "Cross-border public body that organises services and events for four border towns."),
]  # fmt: skip

# Street, postcode and VAT ID of each demo buyer (fictional; the VAT IDs have valid formats).
BUYER_BILLING = {
    "Acier Moselle SA": ("12 rue des Forges", "57100", "FR40123456789"),
    "Kredit Mosel S.A.": ("5 boulevard Royal", "2449", "LU20123456"),
    "Noorderzon Logistiek BV": ("Havenstraat 8", "9711 AB", "NL123456789B01"),
    "Eurodistrict Mosel-Saar": ("Talstraße 3", "66119", "DE123456789"),
}

# The demo supplier administrators: user key -> (sub-sector, country) of the first verified
# supplier generated there (else anywhere). supplier@example.com's is the local food hub the README names.
DEMO_SUPPLIER_ADMINS = {
    "supplier": ("local-food-distribution", "LU"),
    "supplier2": ("reused-construction-materials", "FR"),
    "supplier3": ("office-cleaning", "LU"),
}

# Invoicing details of demo suppliers: a street per country, a postcode pattern, and a
# bank (code, account digits) that schwifty can build a valid IBAN from. Fictional.
SUPPLIER_STREETS = {
    "LU": "rue de l'Industrie", "FR": "rue des Artisans", "DE": "Werkstraße", "BE": "rue de la Coopération",
    "NL": "Werkplaatsweg", "RS": "Zanatska",
}  # fmt: skip
SUPPLIER_BANKS = {
    "LU": ("001", 13), "FR": ("3000600001", 11), "DE": ("37040044", 10), "BE": ("001", 7),
    "NL": ("ABNA", 10), "RS": ("105", 13),
}  # fmt: skip
