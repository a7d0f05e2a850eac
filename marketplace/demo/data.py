"""The demo world: three networks of fictional social enterprises in LU, FR, DE,
BE, NL and RS, the buyers that work with them and their stories. Every
organisation and person here is invented; towns and regions are real places."""

import math

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
# Where each town of REGIONS is (its centre, latitude and longitude): demo suppliers sit near
# their town's (demo_location), so the maps and the distance filter work without a geocoder.
TOWN_COORDINATES = {
    "Esch-sur-Alzette": (49.4958, 5.9806), "Differdange": (49.5242, 5.8914), "Luxembourg": (49.6116, 6.1319),
    "Ettelbruck": (49.8475, 6.1042), "Wiltz": (49.9661, 5.9328),
    "Metz": (49.1193, 6.1757), "Nancy": (48.6921, 6.1844), "Thionville": (49.3579, 6.1684),
    "Longwy": (49.5197, 5.7606), "Strasbourg": (48.5734, 7.7521), "Colmar": (48.0794, 7.3585),
    "Saarbrücken": (49.2402, 6.9969), "Neunkirchen": (49.3448, 7.1800), "Saarlouis": (49.3136, 6.7519),
    "Trier": (49.7499, 6.6371), "Kaiserslautern": (49.4447, 7.7690),
    "Arlon": (49.6833, 5.8167), "Liège": (50.6326, 5.5797), "Namur": (50.4674, 4.8720), "Bruxelles": (50.8503, 4.3517),
    "Groningen": (53.2194, 6.5665), "Delfzijl": (53.3304, 6.9184), "Leeuwarden": (53.2012, 5.7999),
    "Sneek": (53.0327, 5.6589), "Assen": (52.9925, 6.5649), "Emmen": (52.7792, 6.9003),
    "Novi Sad": (45.2671, 19.8335), "Subotica": (46.1003, 19.6658), "Sombor": (45.7742, 19.1122),
    "Beograd": (44.7866, 20.4489),
}  # fmt: skip


def demo_location(town: str, n: int) -> tuple[float, float]:
    """The n-th supplier of a town, a few hundred metres from its centre (a fixed spiral, not
    random: every load puts it at the same place), so that markers do not hide each other."""
    latitude, longitude = TOWN_COORDINATES[town]
    angle = n * 2.4  # radians: about the golden angle, spreads the points evenly
    step = 0.004 * (1 + n) ** 0.5  # degrees: about 450 m, growing slowly
    return round(latitude + step * math.sin(angle), 6), round(longitude + step * math.cos(angle), 6)


# The regions' names in the other languages, by slug.
REGION_NAMES = {
    "luxembourg": {"fr": "Luxembourg", "de": "Luxemburg", "nl": "Luxemburg", "sr": "Луксембург"},
    "lorraine": {"fr": "Lorraine", "de": "Lothringen", "nl": "Lotharingen", "sr": "Лорена"},
    "alsace": {"fr": "Alsace", "de": "Elsass", "nl": "Elzas", "sr": "Алзас"},
    "saarland": {"fr": "Sarre", "de": "Saarland", "nl": "Saarland", "sr": "Сарланд"},
    "rhineland-palatinate": {"fr": "Rhénanie-Palatinat", "de": "Rheinland-Pfalz", "nl": "Rijnland-Palts",
                             "sr": "Рајна-Палатинат"},
    "wallonia": {"fr": "Wallonie", "de": "Wallonien", "nl": "Wallonië", "sr": "Валонија"},
    "brussels": {"fr": "Bruxelles-Capitale", "de": "Brüssel-Hauptstadt", "nl": "Brussel-Hoofdstad",
                 "sr": "Брисел-главни град"},
    "groningen": {"fr": "Groningue", "de": "Groningen", "nl": "Groningen", "sr": "Гронинген"},
    "friesland": {"fr": "Frise", "de": "Friesland", "nl": "Friesland", "sr": "Фризија"},
    "drenthe": {"fr": "Drenthe", "de": "Drenthe", "nl": "Drenthe", "sr": "Дренте"},
    "vojvodina": {"fr": "Voïvodine", "de": "Vojvodina", "nl": "Vojvodina", "sr": "Војводина"},
    "belgrade": {"fr": "Belgrade", "de": "Belgrad", "nl": "Belgrado", "sr": "Београд"},
}  # fmt: skip

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
    "Acier Moselle SA": ("12 rue des Forges", "57100", "FR46401234562"),
    "Kredit Mosel S.A.": ("5 boulevard Royal", "2449", "LU20123405"),
    "Noorderzon Logistiek BV": ("Havenstraat 8", "9711 AB", "NL123456782B01"),
    "Eurodistrict Mosel-Saar": ("Talstraße 3", "66119", "DE123456788"),
}

# The demo buyers' administrators: user key -> buyer name.
DEMO_BUYER_ADMINS = {"buyer": "Acier Moselle SA", "buyer_lu": "Kredit Mosel S.A."}
# Where Kredit Mosel's demo purchase buys from: a supplier of each of these countries.
CROSS_BORDER_DEMO_COUNTRIES = ("FR", "DE", "RS")

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

# Translations ---------------------------------------------------------------
# The demo's texts in the other languages of the site, keyed like the English ones above.
# Serbian is written in Cyrillic: the Latin text is derived (marketplace.core.content).
TRANSLATED_LANGUAGES = ("fr", "de", "nl", "sr")

SECTOR_NAMES = {
    "food": {"fr": "Alimentation", "de": "Lebensmittel", "nl": "Voeding", "sr": "Храна"},
    "local-food-distribution": {"fr": "Distribution alimentaire locale", "de": "Regionale Lebensmittelverteilung",
                                "nl": "Lokale voedseldistributie", "sr": "Дистрибуција локалне хране"},
    "catering": {"fr": "Traiteur", "de": "Catering", "nl": "Catering", "sr": "Кетеринг"},
    "bakery-food-processing": {"fr": "Boulangerie et transformation alimentaire", "de": "Bäckerei und Lebensmittelverarbeitung",
                               "nl": "Bakkerij en voedselverwerking", "sr": "Пекарство и прерада хране"},
    "construction": {"fr": "Construction", "de": "Bau", "nl": "Bouw", "sr": "Грађевинарство"},
    "reused-construction-materials": {"fr": "Matériaux de construction de réemploi", "de": "Wiederverwendete Baumaterialien",
                                      "nl": "Hergebruikte bouwmaterialen", "sr": "Поново употребљени грађевински материјал"},
    "renovation": {"fr": "Rénovation et éco-construction", "de": "Sanierung und ökologisches Bauen",
                   "nl": "Renovatie en duurzaam bouwen", "sr": "Реновирање и зелена градња"},
    "landscaping": {"fr": "Aménagement paysager et espaces verts", "de": "Garten- und Landschaftsbau",
                    "nl": "Groenvoorziening en hoveniers", "sr": "Уређење зелених површина"},
    "cleaning-facility": {"fr": "Nettoyage et services aux bâtiments", "de": "Reinigung und Gebäudedienste",
                          "nl": "Schoonmaak en facilitaire diensten", "sr": "Чишћење и одржавање објеката"},
    "office-cleaning": {"fr": "Nettoyage de bureaux", "de": "Büroreinigung", "nl": "Kantoorschoonmaak", "sr": "Чишћење канцеларија"},
    "laundry": {"fr": "Blanchisserie", "de": "Wäscherei", "nl": "Wasserij", "sr": "Перионица рубља"},
    "printing-communication": {"fr": "Impression et communication", "de": "Druck und Kommunikation",
                               "nl": "Drukwerk en communicatie", "sr": "Штампа и комуникација"},
    "printing": {"fr": "Imprimerie", "de": "Druckerei", "nl": "Drukwerk", "sr": "Штампарија"},
    "graphic-design": {"fr": "Graphisme", "de": "Grafikdesign", "nl": "Grafisch ontwerp", "sr": "Графички дизајн"},
    "textiles": {"fr": "Textile", "de": "Textilien", "nl": "Textiel", "sr": "Текстил"},
    "workwear": {"fr": "Vêtements de travail et textile", "de": "Arbeitskleidung und Textilien",
                 "nl": "Werkkleding en textiel", "sr": "Радна одећа и текстил"},
    "textile-recycling": {"fr": "Recyclage textile", "de": "Textilrecycling", "nl": "Textielrecycling", "sr": "Рециклажа текстила"},
    "it-services": {"fr": "Services informatiques", "de": "IT-Dienstleistungen", "nl": "IT-diensten", "sr": "ИТ услуге"},
    "it-refurbishment": {"fr": "Reconditionnement informatique", "de": "IT-Aufbereitung", "nl": "Refurbished IT",
                         "sr": "Обнова рачунарске опреме"},
    "digital-services": {"fr": "Services numériques", "de": "Digitale Dienstleistungen", "nl": "Digitale diensten",
                         "sr": "Дигиталне услуге"},
    "logistics": {"fr": "Logistique", "de": "Logistik", "nl": "Logistiek", "sr": "Логистика"},
    "bicycle-delivery": {"fr": "Livraison à vélo", "de": "Fahrradkurier", "nl": "Fietskoeriers", "sr": "Достава бициклом"},
    "removals-storage": {"fr": "Déménagement et garde-meubles", "de": "Umzüge und Lagerung", "nl": "Verhuizing en opslag",
                         "sr": "Селидбе и складиштење"},
}  # fmt: skip

IMPACT_AREA_NAMES = {
    "work-integration": {"fr": "Insertion par l'activité économique", "de": "Arbeitsmarktintegration",
                         "nl": "Arbeidsinclusie", "sr": "Радна интеграција"},
    "disability-employment": {"fr": "Emploi des personnes handicapées", "de": "Beschäftigung von Menschen mit Behinderung",
                              "nl": "Werk voor mensen met een beperking", "sr": "Запошљавање особа са инвалидитетом"},
    "circular-economy": {"fr": "Économie circulaire et réemploi", "de": "Kreislaufwirtschaft und Wiederverwendung",
                         "nl": "Circulaire economie en hergebruik", "sr": "Циркуларна економија и поновна употреба"},
    "local-food": {"fr": "Alimentation locale", "de": "Regionale Lebensmittel", "nl": "Lokaal voedsel", "sr": "Локална храна"},
    "environment": {"fr": "Environnement et climat", "de": "Umwelt und Klima", "nl": "Milieu en klimaat",
                    "sr": "Животна средина и клима"},
    "refugee-inclusion": {"fr": "Inclusion des réfugiés", "de": "Inklusion von Geflüchteten", "nl": "Inclusie van vluchtelingen",
                          "sr": "Укључивање избеглица"},
    "gender-equality": {"fr": "Égalité femmes-hommes", "de": "Gleichstellung der Geschlechter", "nl": "Gendergelijkheid",
                        "sr": "Родна равноправност"},
}  # fmt: skip

# Label names are proper names; where a label has a local name, it is given.
LABEL_NAMES = {
    "esus": {"sr": "ESUS – солидарно предузеће од друштвене користи"},
    "sis": {"de": "SIS – Gesellschaft mit gesellschaftlicher Wirkung", "nl": "SIS – Maatschappelijke-impactvennootschap",
            "sr": "SIS – друштво са друштвеним утицајем"},
    "eu-ecolabel": {"fr": "Écolabel européen", "de": "EU-Umweltzeichen", "nl": "EU-Ecolabel", "sr": "Еко-знак ЕУ"},
}  # fmt: skip
# What each label certifies, in every language.
LABEL_DESCRIPTIONS = {
    "esus": {"en": "French approval for social-utility enterprises of the social and solidarity economy.",
             "fr": "Agrément de l'État pour les entreprises de l'économie sociale et solidaire à utilité sociale.",
             "de": "Staatliche französische Anerkennung für Unternehmen der Sozial- und Solidarwirtschaft mit sozialem Nutzen.",
             "nl": "Franse erkenning voor ondernemingen uit de sociale en solidaire economie met een maatschappelijk doel.",
             "sr": "Француско државно признање за предузећа социјалне и солидарне економије од друштвене користи."},
    "sis": {"en": "Luxembourg's legal status for companies whose purpose is a social or societal impact.",
            "fr": "Statut luxembourgeois des sociétés dont l'objet est un impact social ou sociétal.",
            "de": "Luxemburger Rechtsform für Gesellschaften, deren Zweck eine soziale oder gesellschaftliche Wirkung ist.",
            "nl": "Luxemburgse rechtsvorm voor vennootschappen met een sociaal of maatschappelijk doel.",
            "sr": "Луксембуршки правни статус друштава чији је циљ друштвени утицај."},
    "b-corp": {"en": "Certification of companies that meet high standards of social and environmental performance.",
               "fr": "Certification des entreprises qui atteignent un haut niveau de performance sociale et environnementale.",
               "de": "Zertifizierung für Unternehmen mit hohen sozialen und ökologischen Standards.",
               "nl": "Certificering van bedrijven die voldoen aan hoge sociale en ecologische normen.",
               "sr": "Сертификат за предузећа која испуњавају високе друштвене и еколошке стандарде."},
    "eu-ecolabel": {"en": "The European Union's label for products with a lower environmental impact.",
                    "fr": "Le label de l'Union européenne pour les produits à moindre impact environnemental.",
                    "de": "Das Umweltzeichen der Europäischen Union für Produkte mit geringerer Umweltbelastung.",
                    "nl": "Het keurmerk van de Europese Unie voor producten met een kleinere milieu-impact.",
                    "sr": "Ознака Европске уније за производе са мањим утицајем на животну средину."},
    "fairtrade": {"en": "Fair prices and conditions for farmers and workers in the supply chain.",
                  "fr": "Des prix et des conditions équitables pour les producteurs et les travailleurs de la filière.",
                  "de": "Faire Preise und Bedingungen für Bäuerinnen, Bauern und Beschäftigte der Lieferkette.",
                  "nl": "Eerlijke prijzen en voorwaarden voor boeren en werknemers in de keten.",
                  "sr": "Праведне цене и услови за произвођаче и раднике у ланцу снабдевања."},
}  # fmt: skip

VULNERABLE_GROUPS_TRANSLATED = {
    "work_integration": {"fr": "chômeurs de longue durée, jeunes sans qualification",
                         "de": "Langzeitarbeitslose, junge Menschen ohne Berufsabschluss",
                         "nl": "langdurig werklozen, jongeren zonder startkwalificatie",
                         "sr": "дугорочно незапослени, млади без квалификација"},
    "sheltered_workshop": {"fr": "personnes handicapées", "de": "Menschen mit Behinderung",
                           "nl": "mensen met een beperking", "sr": "особе са инвалидитетом"},
    "association": {"fr": "chômeurs de longue durée, réfugiés", "de": "Langzeitarbeitslose, Geflüchtete",
                    "nl": "langdurig werklozen, vluchtelingen", "sr": "дугорочно незапослени, избеглице"},
    "cooperative": {"fr": "personnes handicapées, chômeurs de longue durée",
                    "de": "Menschen mit Behinderung, Langzeitarbeitslose",
                    "nl": "mensen met een beperking, langdurig werklozen",
                    "sr": "особе са инвалидитетом, дугорочно незапослени"},
    "social_purpose_company": {"fr": "personnes handicapées, personnes de plus de 50 ans qui reprennent un emploi",
                               "de": "Menschen mit Behinderung, Menschen über 50 beim Wiedereinstieg",
                               "nl": "mensen met een beperking, 50-plussers die weer aan het werk gaan",
                               "sr": "особе са инвалидитетом, особе старије од 50 година које се враћају на посао"},
    "foundation": {"fr": "personnes éloignées de l'emploi", "de": "arbeitsmarktferne Menschen",
                   "nl": "mensen met een afstand tot de arbeidsmarkt", "sr": "особе које су далеко од тржишта рада"},
}  # fmt: skip

# A demo supplier's description and impact statement, composed per language from whole
# sentences ({sectors} are its sector names, already joined in that language).
SUPPLIER_DESCRIPTION = {
    "en": "{name} is a social enterprise in {town}. It works in {sectors} and gives paid, supported work to {groups}.",
    "fr": "{name} est une entreprise sociale située à {town}, active dans ces domaines : {sectors}. "
          "Elle offre un travail rémunéré et accompagné à ces publics : {groups}.",
    "de": "{name} ist ein Sozialunternehmen in {town}, tätig in den Bereichen {sectors}. "
          "Es bietet bezahlte, begleitete Arbeit für diese Menschen: {groups}.",
    "nl": "{name} is een sociale onderneming in {town}, actief in: {sectors}. "
          "Zij biedt betaald werk met begeleiding aan deze mensen: {groups}.",
    "sr": "{name} је социјално предузеће у граду {town}. Бави се овим делатностима: {sectors}. "
          "Пружа плаћен посао уз подршку овим људима: {groups}.",
}  # fmt: skip
AND = {"en": " and ", "fr": " et ", "de": " und ", "nl": " en ", "sr": " и "}
LOWERCASE_SECTORS = {"en", "fr", "nl", "sr"}  # German nouns keep their capital
SUPPLIER_IMPACT = {
    "en": "{vulnerable} of our {employees} colleagues came to us from unemployment or exclusion. "
          "Every order keeps a job open and a training path going.",
    "fr": "{vulnerable} de nos {employees} collègues nous ont rejoints après une période de chômage ou d'exclusion. "
          "Chaque commande maintient un emploi et un parcours de formation.",
    "de": "{vulnerable} unserer {employees} Kolleginnen und Kollegen kamen aus Arbeitslosigkeit oder Ausgrenzung zu uns. "
          "Jeder Auftrag sichert einen Arbeitsplatz und eine Qualifizierung.",
    "nl": "{vulnerable} van onze {employees} collega's kwamen bij ons uit werkloosheid of uitsluiting. "
          "Elke bestelling houdt een baan en een opleidingstraject in stand.",
    "sr": "Од наших {employees} запослених, {vulnerable} је дошло код нас после незапослености или искључености. "
          "Свака поруџбина чува једно радно место и један програм обуке.",
}  # fmt: skip
PRODUCT_DESCRIPTION = {
    "en": "{title}, by {name} in {town}. Sold per {unit}.",
    "fr": "{title}, par {name} à {town}. Prix par {unit}.",
    "de": "{title}, von {name} in {town}. Preis pro {unit}.",
    "nl": "{title}, door {name} in {town}. Prijs per {unit}.",
    "sr": "{title}, од предузећа {name} у граду {town}. Цена по {unit}.",
}  # fmt: skip
# Serbian towns in Cyrillic (towns elsewhere keep their own spelling in Serbian texts).
TOWNS_SR = {"Novi Sad": "Нови Сад", "Subotica": "Суботица", "Sombor": "Сомбор", "Beograd": "Београд"}

# The demo's units of sale, as the phrase "price per <unit>" says them (Serbian: locative after "по").
UNITS = {
    "box": {"fr": "boîte", "de": "Kiste", "nl": "doos", "sr": "кутији"},
    "basket": {"fr": "panier", "de": "Korb", "nl": "mand", "sr": "корпи"},
    "tray": {"fr": "plateau", "de": "Platte", "nl": "schaal", "sr": "послужавнику"},
    "hamper": {"fr": "coffret", "de": "Präsentkorb", "nl": "pakket", "sr": "поклон-пакету"},
    "person": {"fr": "personne", "de": "Person", "nl": "persoon", "sr": "особи"},
    "loaf": {"fr": "pain", "de": "Laib", "nl": "brood", "sr": "векни"},
    "jar": {"fr": "pot", "de": "Glas", "nl": "pot", "sr": "тегли"},
    "kg": {"fr": "kg", "de": "kg", "nl": "kg", "sr": "килограму"},
    "crate": {"fr": "caisse", "de": "Kiste", "nl": "krat", "sr": "гајби"},
    "m²": {"fr": "m²", "de": "m²", "nl": "m²", "sr": "m²"},
    "m³": {"fr": "m³", "de": "m³", "nl": "m³", "sr": "m³"},
    "door": {"fr": "porte", "de": "Tür", "nl": "deur", "sr": "вратима"},
    "panel": {"fr": "panneau", "de": "Element", "nl": "paneel", "sr": "панелу"},
    "project": {"fr": "projet", "de": "Projekt", "nl": "project", "sr": "пројекту"},
    "day": {"fr": "jour", "de": "Tag", "nl": "dag", "sr": "дану"},
    "hour": {"fr": "heure", "de": "Stunde", "nl": "uur", "sr": "сату"},
    "visit": {"fr": "passage", "de": "Einsatz", "nl": "bezoek", "sr": "доласку"},
    "plant": {"fr": "plante", "de": "Pflanze", "nl": "plant", "sr": "биљци"},
    "piece": {"fr": "pièce", "de": "Stück", "nl": "stuk", "sr": "комаду"},
    "kit": {"fr": "kit", "de": "Set", "nl": "set", "sr": "комплету"},
    "set": {"fr": "lot", "de": "Set", "nl": "set", "sr": "комплету"},
    "room": {"fr": "chambre", "de": "Zimmer", "nl": "kamer", "sr": "соби"},
    "pack": {"fr": "lot", "de": "Paket", "nl": "pakket", "sr": "пакету"},
    "run": {"fr": "tirage", "de": "Auflage", "nl": "oplage", "sr": "тиражу"},
    "page": {"fr": "page", "de": "Seite", "nl": "pagina", "sr": "страни"},
    "device": {"fr": "appareil", "de": "Gerät", "nl": "apparaat", "sr": "уређају"},
    "drop": {"fr": "livraison", "de": "Zustellung", "nl": "levering", "sr": "достави"},
    "month": {"fr": "mois", "de": "Monat", "nl": "maand", "sr": "месецу"},
    "parcel": {"fr": "colis", "de": "Paket", "nl": "pakket", "sr": "пакету"},
}  # fmt: skip

# The titles of PRODUCTS in the other languages.
PRODUCT_TITLES = {
    "Seasonal vegetable box for the office": {"fr": "Panier de légumes de saison pour le bureau", "de": "Saisonale Gemüsekiste fürs Büro", "nl": "Seizoensgroentepakket voor op kantoor", "sr": "Сезонска кутија поврћа за канцеларију"},
    "Fruit basket, 5 kg, weekly delivery": {"fr": "Corbeille de fruits, 5 kg, livraison hebdomadaire", "de": "Obstkorb, 5 kg, wöchentliche Lieferung", "nl": "Fruitmand, 5 kg, wekelijks bezorgd", "sr": "Корпа воћа, 5 kg, недељна достава"},
    "Local breakfast assortment for 20 people": {"fr": "Petit-déjeuner local pour 20 personnes", "de": "Regionales Frühstück für 20 Personen", "nl": "Lokaal ontbijtassortiment voor 20 personen", "sr": "Локални доручак за 20 особа"},
    "Regional products gift hamper": {"fr": "Coffret cadeau de produits régionaux", "de": "Präsentkorb mit regionalen Produkten", "nl": "Cadeaupakket met streekproducten", "sr": "Поклон-пакет регионалних производа"},
    "Lunch buffet, per person": {"fr": "Buffet déjeuner, par personne", "de": "Mittagsbuffet, pro Person", "nl": "Lunchbuffet, per persoon", "sr": "Шведски сто за ручак, по особи"},
    "Coffee break with home-made pastries, per person": {"fr": "Pause-café avec pâtisseries maison, par personne", "de": "Kaffeepause mit hausgemachtem Gebäck, pro Person", "nl": "Koffiepauze met huisgemaakt gebak, per persoon", "sr": "Пауза за кафу са домаћим пецивом, по особи"},
    "Conference catering day package, per person": {"fr": "Forfait journée traiteur pour conférence, par personne", "de": "Tagespauschale Konferenz-Catering, pro Person", "nl": "Dagarrangement congrescatering, per persoon", "sr": "Дневни кетеринг пакет за конференцију, по особи"},
    "Vegetarian lunch boxes, per box": {"fr": "Lunch-box végétarienne, à l'unité", "de": "Vegetarische Lunchbox, pro Box", "nl": "Vegetarische lunchbox, per box", "sr": "Вегетаријански ручак у кутији, по кутији"},
    "Organic sourdough bread, 1 kg": {"fr": "Pain bio au levain, 1 kg", "de": "Bio-Sauerteigbrot, 1 kg", "nl": "Biologisch zuurdesembrood, 1 kg", "sr": "Органски хлеб од киселог теста, 1 kg"},
    "Jar of local fruit jam, 350 g": {"fr": "Pot de confiture de fruits locaux, 350 g", "de": "Glas Konfitüre aus regionalem Obst, 350 g", "nl": "Pot jam van lokaal fruit, 350 g", "sr": "Тегла џема од локалног воћа, 350 g"},
    "Biscuit assortment for meetings, 1 kg": {"fr": "Assortiment de biscuits pour réunions, 1 kg", "de": "Gebäckmischung für Besprechungen, 1 kg", "nl": "Koekjesassortiment voor vergaderingen, 1 kg", "sr": "Асортиман кекса за састанке, 1 kg"},
    "Apple juice from local orchards, 6 × 1 l": {"fr": "Jus de pomme de vergers locaux, 6 × 1 l", "de": "Apfelsaft von Streuobstwiesen der Region, 6 × 1 l", "nl": "Appelsap uit lokale boomgaarden, 6 × 1 l", "sr": "Сок од јабуке из локалних воћњака, 6 × 1 l"},
    "Reclaimed oak flooring, per m²": {"fr": "Parquet en chêne de réemploi, au m²", "de": "Eichendielen aus Rückbau, pro m²", "nl": "Hergebruikte eikenhouten vloer, per m²", "sr": "Поново употребљени храстов паркет, по m²"},
    "Reused interior doors, inspected and sized": {"fr": "Portes intérieures de réemploi, contrôlées et mises à dimension", "de": "Gebrauchte Innentüren, geprüft und angepasst", "nl": "Hergebruikte binnendeuren, gekeurd en op maat", "sr": "Поново употребљена унутрашња врата, прегледана и прилагођена"},
    "Second-life office partition panels": {"fr": "Cloisons de bureau de seconde main", "de": "Gebrauchte Büro-Trennwände", "nl": "Tweedehands scheidingswanden voor kantoor", "sr": "Канцеларијски преградни панели из друге руке"},
    "Deconstruction survey before renovation": {"fr": "Diagnostic ressources avant rénovation", "de": "Rückbau-Gutachten vor der Sanierung", "nl": "Sloopinventarisatie voor renovatie", "sr": "Процена материјала пре реновирања"},
    "Interior painting, per m²": {"fr": "Peinture intérieure, au m²", "de": "Innenanstrich, pro m²", "nl": "Binnenschilderwerk, per m²", "sr": "Унутрашње кречење, по m²"},
    "Office refurbishment team, per day": {"fr": "Équipe de rénovation de bureaux, par jour", "de": "Renovierungsteam für Büros, pro Tag", "nl": "Renovatieploeg voor kantoren, per dag", "sr": "Екипа за уређење канцеларија, по дану"},
    "Insulation works with bio-based materials, per m²": {"fr": "Isolation en matériaux biosourcés, au m²", "de": "Dämmung mit nachwachsenden Rohstoffen, pro m²", "nl": "Isolatie met biobased materialen, per m²", "sr": "Изолација природним материјалима, по m²"},
    "Small repairs and maintenance, per hour": {"fr": "Petits travaux et entretien, à l'heure", "de": "Kleinreparaturen und Instandhaltung, pro Stunde", "nl": "Kleine reparaties en onderhoud, per uur", "sr": "Ситне поправке и одржавање, по сату"},
    "Green space maintenance, per visit": {"fr": "Entretien d'espaces verts, par passage", "de": "Grünflächenpflege, pro Einsatz", "nl": "Groenonderhoud, per bezoek", "sr": "Одржавање зелених површина, по доласку"},
    "Planting of a flowering meadow, per 100 m²": {"fr": "Semis d'une prairie fleurie, par 100 m²", "de": "Anlage einer Blumenwiese, pro 100 m²", "nl": "Aanleg van een bloemenweide, per 100 m²", "sr": "Сетва цветне ливаде, по 100 m²"},
    "Office plants, potted, delivered": {"fr": "Plantes de bureau en pot, livrées", "de": "Büropflanzen im Topf, geliefert", "nl": "Kantoorplanten in pot, bezorgd", "sr": "Собне биљке за канцеларију, у саксији, са доставом"},
    "Insect hotel made from reclaimed wood": {"fr": "Hôtel à insectes en bois de récupération", "de": "Insektenhotel aus Altholz", "nl": "Insectenhotel van hergebruikt hout", "sr": "Хотел за инсекте од старог дрвета"},
    "Office cleaning, per hour": {"fr": "Nettoyage de bureaux, à l'heure", "de": "Büroreinigung, pro Stunde", "nl": "Kantoorschoonmaak, per uur", "sr": "Чишћење канцеларија, по сату"},
    "Window cleaning, per visit": {"fr": "Nettoyage de vitres, par passage", "de": "Fensterreinigung, pro Einsatz", "nl": "Glasbewassing, per bezoek", "sr": "Прање прозора, по доласку"},
    "Deep cleaning after works, per m²": {"fr": "Nettoyage de fin de chantier, au m²", "de": "Bauendreinigung, pro m²", "nl": "Opleveringsschoonmaak na verbouwing, per m²", "sr": "Дубинско чишћење после радова, по m²"},
    "Eco-certified cleaning products kit": {"fr": "Kit de produits d'entretien écolabellisés", "de": "Set umweltzertifizierter Reinigungsmittel", "nl": "Pakket milieukeur-schoonmaakmiddelen", "sr": "Комплет еколошки сертификованих средстава за чишћење"},
    "Workwear laundry, per kg": {"fr": "Lavage de vêtements de travail, au kg", "de": "Wäsche von Arbeitskleidung, pro kg", "nl": "Was van werkkleding, per kg", "sr": "Прање радне одеће, по kg"},
    "Table linen hire and laundry, per set": {"fr": "Location et lavage de linge de table, par lot", "de": "Verleih und Wäsche von Tischwäsche, pro Set", "nl": "Verhuur en was van tafellinnen, per set", "sr": "Изнајмљивање и прање столњака, по комплету"},
    "Hotel linen service, per room": {"fr": "Service de linge hôtelier, par chambre", "de": "Hotelwäscheservice, pro Zimmer", "nl": "Hotellinnenservice, per kamer", "sr": "Услуга хотелског рубља, по соби"},
    "Ironing service, per hour": {"fr": "Service de repassage, à l'heure", "de": "Bügelservice, pro Stunde", "nl": "Strijkservice, per uur", "sr": "Услуга пеглања, по сату"},
    "Business cards on recycled paper, 500": {"fr": "Cartes de visite sur papier recyclé, 500", "de": "Visitenkarten auf Recyclingpapier, 500 Stück", "nl": "Visitekaartjes op gerecycled papier, 500 stuks", "sr": "Визит-карте на рециклираном папиру, 500 комада"},
    "A4 flyers, recycled paper, 1,000": {"fr": "Flyers A4, papier recyclé, 1 000 exemplaires", "de": "A4-Flyer, Recyclingpapier, 1.000 Stück", "nl": "A4-flyers, gerecycled papier, 1.000 stuks", "sr": "Флајери А4, рециклирани папир, 1.000 комада"},
    "Annual report printing, 250 copies": {"fr": "Impression du rapport annuel, 250 exemplaires", "de": "Druck des Jahresberichts, 250 Exemplare", "nl": "Drukwerk jaarverslag, 250 exemplaren", "sr": "Штампа годишњег извештаја, 250 примерака"},
    "Roll-up banner with stand": {"fr": "Kakémono enrouleur avec support", "de": "Roll-up-Banner mit Ständer", "nl": "Roll-upbanner met standaard", "sr": "Рол-ап банер са постољем"},
    "Logo and visual identity": {"fr": "Logo et identité visuelle", "de": "Logo und Corporate Design", "nl": "Logo en huisstijl", "sr": "Лого и визуелни идентитет"},
    "Layout of a report, per page": {"fr": "Mise en page d'un rapport, par page", "de": "Layout eines Berichts, pro Seite", "nl": "Opmaak van een rapport, per pagina", "sr": "Прелом извештаја, по страни"},
    "Accessible PDF conversion, per page": {"fr": "Conversion en PDF accessible, par page", "de": "Umwandlung in barrierefreies PDF, pro Seite", "nl": "Omzetting naar toegankelijke pdf, per pagina", "sr": "Претварање у приступачан PDF, по страни"},
    "Illustration, per hour": {"fr": "Illustration, à l'heure", "de": "Illustration, pro Stunde", "nl": "Illustratie, per uur", "sr": "Илустрација, по сату"},
    "Organic cotton work jacket": {"fr": "Veste de travail en coton bio", "de": "Arbeitsjacke aus Bio-Baumwolle", "nl": "Werkjas van biologisch katoen", "sr": "Радна јакна од органског памука"},
    "Custom tote bags, 100 pieces": {"fr": "Sacs cabas personnalisés, 100 pièces", "de": "Bedruckte Stofftaschen, 100 Stück", "nl": "Bedrukte draagtassen, 100 stuks", "sr": "Платнене торбе по мери, 100 комада"},
    "Embroidered polo shirt": {"fr": "Polo brodé", "de": "Besticktes Poloshirt", "nl": "Geborduurd poloshirt", "sr": "Везена поло мајица"},
    "Aprons for kitchens, set of 10": {"fr": "Tabliers de cuisine, lot de 10", "de": "Küchenschürzen, 10er-Set", "nl": "Keukenschorten, set van 10", "sr": "Кецеље за кухињу, комплет од 10"},
    "Collection of used workwear, per pick-up": {"fr": "Collecte de vêtements de travail usagés, par enlèvement", "de": "Abholung gebrauchter Arbeitskleidung, pro Abholung", "nl": "Inzameling van gebruikte werkkleding, per ophaling", "sr": "Преузимање коришћене радне одеће, по доласку"},
    "Upcycled laptop sleeve": {"fr": "Housse d'ordinateur surcyclée", "de": "Upcycling-Laptophülle", "nl": "Geüpcyclede laptophoes", "sr": "Навлака за лаптоп од прерађеног материјала"},
    "Conference bags from old banners": {"fr": "Sacs de conférence en anciennes bâches", "de": "Konferenztaschen aus alten Bannern", "nl": "Congrestassen van oude banners", "sr": "Торбе за конференције од старих банера"},
    "Textile waste audit": {"fr": "Audit des déchets textiles", "de": "Analyse der Textilabfälle", "nl": "Audit van textielafval", "sr": "Анализа текстилног отпада"},
    "Refurbished laptop, 14 inch, 2-year warranty": {"fr": "Ordinateur portable reconditionné, 14 pouces, garantie 2 ans", "de": "Aufbereiteter Laptop, 14 Zoll, 2 Jahre Garantie", "nl": "Refurbished laptop, 14 inch, 2 jaar garantie", "sr": "Обновљени лаптоп, 14 инча, гаранција 2 године"},
    "Refurbished 24-inch monitor": {"fr": "Écran 24 pouces reconditionné", "de": "Aufbereiteter 24-Zoll-Monitor", "nl": "Refurbished 24-inch monitor", "sr": "Обновљени монитор од 24 инча"},
    "Certified data wiping, per device": {"fr": "Effacement certifié des données, par appareil", "de": "Zertifizierte Datenlöschung, pro Gerät", "nl": "Gecertificeerde dataverwijdering, per apparaat", "sr": "Сертификовано брисање података, по уређају"},
    "Collection and reuse of old IT equipment": {"fr": "Collecte et réemploi de matériel informatique usagé", "de": "Abholung und Wiederverwendung alter IT-Geräte", "nl": "Inzameling en hergebruik van oude IT-apparatuur", "sr": "Преузимање и поновна употреба старе ИТ опреме"},
    "Data entry, per hour": {"fr": "Saisie de données, à l'heure", "de": "Datenerfassung, pro Stunde", "nl": "Data-invoer, per uur", "sr": "Унос података, по сату"},
    "Document scanning and indexing, per 1,000 pages": {"fr": "Numérisation et indexation de documents, par 1 000 pages", "de": "Scannen und Indexieren von Dokumenten, pro 1.000 Seiten", "nl": "Scannen en indexeren van documenten, per 1.000 pagina's", "sr": "Скенирање и индексирање докумената, по 1.000 страна"},
    "Accessibility audit of a website": {"fr": "Audit d'accessibilité d'un site web", "de": "Barrierefreiheitsprüfung einer Website", "nl": "Toegankelijkheidsaudit van een website", "sr": "Провера приступачности веб-сајта"},
    "Software testing, per day": {"fr": "Tests de logiciels, par jour", "de": "Softwaretests, pro Tag", "nl": "Softwaretesten, per dag", "sr": "Тестирање софтвера, по дану"},
    "Cargo-bike delivery in town, per drop": {"fr": "Livraison en vélo-cargo en ville, par livraison", "de": "Lastenrad-Zustellung in der Stadt, pro Zustellung", "nl": "Bezorging per bakfiets in de stad, per levering", "sr": "Достава теретним бициклом у граду, по достави"},
    "Daily mail run, per month": {"fr": "Tournée quotidienne du courrier, par mois", "de": "Täglicher Postdienst, pro Monat", "nl": "Dagelijkse postronde, per maand", "sr": "Свакодневна достава поште, по месецу"},
    "Same-day parcel delivery, up to 20 kg": {"fr": "Livraison de colis le jour même, jusqu'à 20 kg", "de": "Paketzustellung am selben Tag, bis 20 kg", "nl": "Pakketbezorging op dezelfde dag, tot 20 kg", "sr": "Достава пакета истог дана, до 20 kg"},
    "Event logistics by cargo bike, per day": {"fr": "Logistique d'événement en vélo-cargo, par jour", "de": "Eventlogistik mit dem Lastenrad, pro Tag", "nl": "Evenementenlogistiek per bakfiets, per dag", "sr": "Логистика догађаја теретним бициклом, по дану"},
    "Office move, team of four, per day": {"fr": "Déménagement de bureaux, équipe de quatre, par jour", "de": "Büroumzug, Viererteam, pro Tag", "nl": "Kantoorverhuizing, ploeg van vier, per dag", "sr": "Селидба канцеларије, екипа од четири особе, по дану"},
    "Furniture storage, per m³ and month": {"fr": "Garde-meubles, par m³ et par mois", "de": "Möbeleinlagerung, pro m³ und Monat", "nl": "Opslag van meubilair, per m³ per maand", "sr": "Складиштење намештаја, по m³ месечно"},
    "Reused office chair, cleaned and checked": {"fr": "Chaise de bureau de réemploi, nettoyée et contrôlée", "de": "Gebrauchter Bürostuhl, gereinigt und geprüft", "nl": "Hergebruikte bureaustoel, gereinigd en gecontroleerd", "sr": "Коришћена канцеларијска столица, очишћена и проверена"},
    "Reused office desk": {"fr": "Bureau de réemploi", "de": "Gebrauchter Schreibtisch", "nl": "Hergebruikt bureau", "sr": "Коришћени канцеларијски сто"},
}  # fmt: skip
