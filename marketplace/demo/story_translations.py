"""The demo's editorial pages in French, German, Dutch and Serbian (Cyrillic; Serbian Latin
readers get it transliterated as it is rendered). Keyed by the English page's slug, then by
language: the page's translated fields, its body as `paragraphs`. Slugs stay the English
ones, so a page and its translations share their path under each language's prefix."""

HOME = {
    "fr": {
        "hero_title": "Achetez auprès d'entreprises sociales, par-delà les frontières",
        "hero_text": "Trouvez des entreprises sociales vérifiées par secteur, pays et impact, commandez leurs biens "
        "et services en ligne ou demandez-leur un devis, et mesurez l'impact social de vos achats.",
    },
    "de": {
        "hero_title": "Bei Sozialunternehmen einkaufen, über Grenzen hinweg",
        "hero_text": "Finden Sie geprüfte Sozialunternehmen nach Branche, Land und Wirkung, bestellen Sie ihre Waren "
        "und Dienstleistungen online oder fragen Sie ein Angebot an, und weisen Sie die soziale Wirkung Ihrer "
        "Ausgaben aus.",
    },
    "nl": {
        "hero_title": "Kopen bij sociale ondernemingen, over de grens heen",
        "hero_text": "Vind geverifieerde sociale ondernemingen op sector, land en impact, bestel hun goederen en "
        "diensten online of vraag een offerte aan, en rapporteer de sociale impact van uw inkoop.",
    },
    "sr": {
        "hero_title": "Купујте од социјалних предузећа, преко граница",
        "hero_text": "Пронађите проверена социјална предузећа по делатности, земљи и утицају, наручите њихову робу "
        "и услуге на мрежи или затражите понуду, и извештавајте о друштвеном утицају своје потрошње.",
    },
}

INDEXES = {
    "stories": {
        "fr": ("Récits de coopération",
               "Comment des entreprises et des organismes publics travaillent avec des entreprises sociales, et ce "
               "que cela a changé."),
        "de": ("Geschichten der Zusammenarbeit",
               "Wie Unternehmen und öffentliche Stellen mit Sozialunternehmen zusammenarbeiten und was sich dadurch "
               "verändert hat."),
        "nl": ("Verhalen van samenwerking",
               "Hoe bedrijven en overheden met sociale ondernemingen samenwerken, en wat dat heeft veranderd."),
        "sr": ("Приче о сарадњи",
               "Како фирме и јавне установе сарађују са социјалним предузећима и шта се тиме променило."),
    },
    "news": {
        "fr": ("Actualités", "Les nouveautés de Responsible et de ses réseaux."),
        "de": ("Neuigkeiten", "Was es Neues bei Responsible und in seinen Netzwerken gibt."),
        "nl": ("Nieuws", "Wat er nieuw is bij Responsible en in zijn netwerken."),
        "sr": ("Вести", "Шта је ново на платформи Responsible и у њеним мрежама."),
    },
}  # fmt: skip

STORIES = {
    "canteen-meals-from-local-farms": {
        "fr": {
            "title": "1 200 repas par jour à la cantine, venus de fermes locales",
            "summary": "Acier Moselle a confié l'approvisionnement de ses trois restaurants d'entreprise à une "
            "plateforme alimentaire d'insertion et à un traiteur social, avec des produits locaux et de saison.",
            "paragraphs": (
                "Les cantines du sidérurgiste servaient 1 200 repas par jour avec des produits achetés auprès d'un "
                "grossiste national. Son service achats voulait des circuits plus courts et un effet social mesurable.",
                "Une plateforme alimentaire qui forme des chômeurs de longue durée collecte désormais les légumes de "
                "18 fermes situées à moins de 60 km et les livre chaque matin ; un traiteur social cuisine le menu "
                "du vendredi.",
                "Au bout d'un an, 41 % du budget alimentaire va à des entreprises sociales, et onze personnes sont "
                "passées de la plateforme à un emploi durable.",
            ),
            "quote": "Nos cantines nourrissent désormais le personnel et les fermes de la vallée en même temps.",
            "quote_attribution": "Responsable des achats, Acier Moselle",
        },
        "de": {
            "title": "1.200 Kantinenessen am Tag von Höfen aus der Region",
            "summary": "Acier Moselle hat seine drei Betriebskantinen auf regionale, saisonale Lebensmittel "
            "umgestellt, geliefert von einem Integrationsbetrieb für Lebensmittel und einem sozialen Caterer.",
            "paragraphs": (
                "Die Kantinen des Stahlherstellers gaben täglich 1.200 Essen aus, mit Lebensmitteln von einem "
                "landesweiten Großhändler. Der Einkauf wollte kürzere Lieferketten und eine messbare soziale Wirkung.",
                "Ein Lebensmittel-Hub, der Langzeitarbeitslose qualifiziert, holt heute Gemüse von 18 Höfen im Umkreis "
                "von 60 km ab und liefert es jeden Morgen; ein sozialer Caterer kocht das Freitagsmenü.",
                "Nach einem Jahr fließen 41 % des Lebensmittelbudgets an Sozialunternehmen, und elf Menschen sind vom "
                "Hub in eine feste Anstellung gewechselt.",
            ),
            "quote": "Unsere Kantinen ernähren jetzt die Belegschaft und zugleich die Höfe im Tal.",
            "quote_attribution": "Einkaufsleitung, Acier Moselle",
        },
        "nl": {
            "title": "Elke dag 1.200 kantinemaaltijden van boerderijen uit de streek",
            "summary": "Acier Moselle stapte in zijn drie bedrijfskantines over op lokale seizoensproducten, "
            "geleverd door een voedselhub voor re-integratie en een sociale cateraar.",
            "paragraphs": (
                "De kantines van de staalproducent serveerden 1.200 maaltijden per dag met producten van een "
                "landelijke groothandel. De inkoopafdeling wilde kortere ketens en een meetbaar sociaal effect.",
                "Een voedselhub die langdurig werklozen opleidt, haalt nu groenten op bij 18 boerderijen binnen "
                "60 km en levert ze elke ochtend; een sociale cateraar kookt het vrijdagmenu.",
                "Na een jaar gaat 41 % van het voedingsbudget naar sociale ondernemingen, en elf mensen zijn vanuit "
                "de hub doorgestroomd naar een vaste baan.",
            ),
            "quote": "Onze kantines voeden nu tegelijk het personeel en de boerderijen in de vallei.",
            "quote_attribution": "Hoofd inkoop, Acier Moselle",
        },
        "sr": {
            "title": "1.200 оброка дневно у мензи, са локалних фарми",
            "summary": "Acier Moselle је своје три мензе за запослене пребацио на локалне, сезонске намирнице које "
            "испоручују центар за храну који запошљава теже запошљиве и социјални кетеринг.",
            "paragraphs": (
                "Мензе челичане служиле су 1.200 оброка дневно од намирница купљених код националног велепродавца. "
                "Служба набавке желела је краће ланце снабдевања и мерљив друштвени учинак.",
                "Центар за храну који обучава дугорочно незапослене сада сваког јутра преузима поврће са 18 фарми у "
                "кругу од 60 km и доставља га; социјални кетеринг кува петком.",
                "После годину дана 41 % буџета за храну одлази социјалним предузећима, а једанаест особа прешло је из "
                "центра на стално запослење.",
            ),
            "quote": "Наше мензе сада истовремено хране запослене и фарме у долини.",
            "quote_attribution": "Руководилац набавке, Acier Moselle",
        },
    },
    "office-fitted-out-with-reused-materials": {
        "fr": {
            "title": "Des bureaux aménagés avec des portes, des sols et des cloisons de réemploi",
            "summary": "Kredit Mosel a rénové deux étages de son siège avec des matériaux de réemploi fournis et "
            "posés par des entreprises sociales.",
            "paragraphs": (
                "Lorsque Kredit Mosel a déplacé des équipes d'un étage à l'autre, l'architecte a proposé de réemployer "
                "plutôt que d'acheter du neuf.",
                "Une matériauthèque a fourni 340 m² de parquet en chêne de récupération et 28 portes contrôlées ; une "
                "équipe de rénovation de personnes en retour à l'emploi les a posés.",
                "Le chantier a évité environ 31 tonnes de CO₂ et donné 4 200 heures de travail rémunéré à des "
                "personnes en situation de vulnérabilité.",
            ),
            "quote": "Personne ne croit que le parquet est d'occasion tant qu'on ne le dit pas.",
            "quote_attribution": "Responsable des services généraux, Kredit Mosel",
        },
        "de": {
            "title": "Ein Büro, ausgebaut mit wiederverwendeten Türen, Böden und Trennwänden",
            "summary": "Kredit Mosel hat zwei Etagen seiner Zentrale mit wiederverwendeten Baustoffen renoviert, "
            "geliefert und eingebaut von Sozialunternehmen.",
            "paragraphs": (
                "Als Kredit Mosel Teams zwischen den Etagen umzog, schlug der Architekt vor, wiederzuverwenden statt "
                "neu zu kaufen.",
                "Eine Bauteilbörse lieferte 340 m² gebrauchtes Eichenparkett und 28 geprüfte Türen; ein "
                "Renovierungsteam aus Menschen auf dem Weg zurück in Arbeit baute sie ein.",
                "Das Projekt vermied schätzungsweise 31 Tonnen CO₂ und brachte Menschen aus benachteiligten Gruppen "
                "4.200 Stunden bezahlte Arbeit.",
            ),
            "quote": "Niemand glaubt, dass der Boden gebraucht ist, bis wir es erzählen.",
            "quote_attribution": "Facility-Management, Kredit Mosel",
        },
        "nl": {
            "title": "Een kantoor ingericht met hergebruikte deuren, vloeren en wanden",
            "summary": "Kredit Mosel renoveerde twee verdiepingen van zijn hoofdkantoor met hergebruikte materialen, "
            "geleverd en geplaatst door sociale ondernemingen.",
            "paragraphs": (
                "Toen Kredit Mosel teams tussen verdiepingen verhuisde, stelde de architect voor te hergebruiken in "
                "plaats van nieuw te kopen.",
                "Een materialenbank leverde 340 m² teruggewonnen eiken vloer en 28 gekeurde deuren; een renovatieteam "
                "van mensen die terugkeren naar werk bracht ze aan.",
                "Het project vermeed naar schatting 31 ton CO₂ en gaf 4.200 uur betaald werk aan mensen uit kwetsbare "
                "groepen.",
            ),
            "quote": "Niemand gelooft dat de vloer tweedehands is, tot we het vertellen.",
            "quote_attribution": "Facilitair manager, Kredit Mosel",
        },
        "sr": {
            "title": "Канцеларије опремљене поново употребљеним вратима, подовима и преградама",
            "summary": "Kredit Mosel је обновио два спрата свог седишта материјалима из поновне употребе које су "
            "испоручила и уградила социјална предузећа.",
            "paragraphs": (
                "Када је Kredit Mosel селио тимове са спрата на спрат, архитекта је предложио поновну употребу уместо "
                "куповине новог.",
                "Банка материјала испоручила је 340 m² половног храстовог паркета и 28 прегледаних врата; уградио их "
                "је тим за реновирање састављен од људи који се враћају на посао.",
                "Пројекат је избегао процењених 31 тону CO₂ и донео 4.200 сати плаћеног рада људима из осетљивих "
                "група.",
            ),
            "quote": "Нико не верује да је под полован док им не кажемо.",
            "quote_attribution": "Управник објекта, Kredit Mosel",
        },
    },
    "cleaning-team-people-with-disabilities": {
        "fr": {
            "title": "Des bureaux entretenus par une équipe de quatorze personnes en situation de handicap",
            "summary": "Noorderzon Logistiek a confié le nettoyage de ses bureaux et des cantines de son entrepôt de "
            "Groningue à une entreprise sociale qui emploie des personnes en situation de handicap.",
            "paragraphs": (
                "Noorderzon voulait un contrat de nettoyage qui compte aussi dans ses engagements de clause sociale.",
                "Le contrat couvre 6 500 m² de bureaux et de cantines, nettoyés chaque soir par une équipe de "
                "quatorze personnes, dont douze en situation de handicap.",
                "La satisfaction du personnel quant à la propreté est passée de 3,4 à 4,3 sur 5, et le contrat a été "
                "renouvelé pour trois ans.",
            ),
            "quote": "L'équipe connaît notre entrepôt mieux que la plupart de nos salariés.",
            "quote_attribution": "Responsable de site, Noorderzon Logistiek",
        },
        "de": {
            "title": "Büros, gereinigt von einem Team aus vierzehn Menschen mit Behinderung",
            "summary": "Noorderzon Logistiek hat die Reinigung seiner Büros und Lagerkantinen in Groningen an ein "
            "Sozialunternehmen vergeben, das Menschen mit Behinderung beschäftigt.",
            "paragraphs": (
                "Noorderzon wollte einen Reinigungsvertrag, der zugleich auf seine Verpflichtungen zur sozialen "
                "Rendite angerechnet wird.",
                "Der Vertrag umfasst 6.500 m² Büros und Kantinen, die jeden Abend von einem Team aus vierzehn "
                "Personen gereinigt werden, zwölf davon mit Behinderung.",
                "Die Zufriedenheit der Belegschaft mit der Sauberkeit stieg von 3,4 auf 4,3 von 5, und der Vertrag "
                "wurde um drei Jahre verlängert.",
            ),
            "quote": "Das Team kennt unser Lager besser als die meisten unserer eigenen Leute.",
            "quote_attribution": "Standortleitung, Noorderzon Logistiek",
        },
        "nl": {
            "title": "Kantoren schoongemaakt door een team van veertien mensen met een beperking",
            "summary": "Noorderzon Logistiek gunde de schoonmaak van zijn kantoren en magazijnkantines in Groningen "
            "aan een sociale onderneming die mensen met een beperking in dienst heeft.",
            "paragraphs": (
                "Noorderzon wilde een schoonmaakcontract dat ook meetelt voor zijn social-returnverplichtingen.",
                "Het contract omvat 6.500 m² kantoren en kantines, elke avond schoongemaakt door een team van "
                "veertien, van wie twaalf een beperking hebben.",
                "De tevredenheid van het personeel over de schoonmaak steeg van 3,4 naar 4,3 op 5, en het contract "
                "werd met drie jaar verlengd.",
            ),
            "quote": "Het team kent ons magazijn beter dan de meeste van onze eigen medewerkers.",
            "quote_attribution": "Vestigingsmanager, Noorderzon Logistiek",
        },
        "sr": {
            "title": "Канцеларије које одржава тим од четрнаест особа са инвалидитетом",
            "summary": "Noorderzon Logistiek је чишћење својих канцеларија и менза у магацину у Гронингену поверио "
            "социјалном предузећу које запошљава особе са инвалидитетом.",
            "paragraphs": (
                "Noorderzon је желео уговор о чишћењу који се рачуна и у његове обавезе друштвеног поврата.",
                "Уговор обухвата 6.500 m² канцеларија и менза, које сваке вечери чисти тим од четрнаест људи, од којих "
                "дванаесторо има инвалидитет.",
                "Задовољство запослених чистоћом порасло је са 3,4 на 4,3 од 5, а уговор је продужен на три године.",
            ),
            "quote": "Тим познаје наш магацин боље од већине наших запослених.",
            "quote_attribution": "Управник локације, Noorderzon Logistiek",
        },
    },
    "cross-border-conference-catering": {
        "fr": {
            "title": "Un traiteur transfrontalier pour une conférence de la Grande Région",
            "summary": "Trois traiteurs sociaux du Luxembourg, de la Sarre et de Lorraine ont nourri ensemble les "
            "450 invités de la conférence annuelle de l'Eurodistrict.",
            "paragraphs": (
                "Les règles d'achat de l'Eurodistrict prévoyaient un seul fournisseur ; le réseau a proposé un "
                "groupement de trois.",
                "Chaque traiteur a cuisiné un plat avec des produits de sa région ; une boulangerie lorraine a fourni "
                "le pain.",
                "Le budget traiteur de la conférence, 18 900 €, est allé entièrement à des entreprises sociales de "
                "trois pays.",
            ),
            "quote": "Trois pays, trois cuisines, un menu : les invités en ont parlé pendant des semaines.",
            "quote_attribution": "Chargée des événements, Eurodistrict Mosel-Saar",
        },
        "de": {
            "title": "Grenzüberschreitendes Catering für eine Konferenz der Großregion",
            "summary": "Drei soziale Caterer aus Luxemburg, dem Saarland und Lothringen haben gemeinsam die 450 "
            "Gäste der Jahreskonferenz des Eurodistrikts bewirtet.",
            "paragraphs": (
                "Die Vergaberegeln des Eurodistrikts sahen einen einzigen Auftragnehmer vor; das Netzwerk schlug eine "
                "Bietergemeinschaft aus dreien vor.",
                "Jeder Caterer kochte einen Gang mit Zutaten aus seiner Region; eine Bäckerei aus Lothringen lieferte "
                "das Brot.",
                "Das Catering-Budget der Konferenz von 18.900 € ging vollständig an Sozialunternehmen in drei Ländern.",
            ),
            "quote": "Drei Länder, drei Küchen, ein Menü: Die Gäste sprachen noch wochenlang vom Essen.",
            "quote_attribution": "Veranstaltungsreferentin, Eurodistrikt Mosel-Saar",
        },
        "nl": {
            "title": "Grensoverschrijdende catering voor een congres in de Grande Région",
            "summary": "Drie sociale cateraars uit Luxemburg, Saarland en Lotharingen verzorgden samen de 450 gasten "
            "van het jaarcongres van het Eurodistrict.",
            "paragraphs": (
                "De inkoopregels van het Eurodistrict vroegen om één leverancier; het netwerk stelde een "
                "samenwerkingsverband van drie voor.",
                "Elke cateraar kookte één gang met producten uit de eigen streek; een bakkerij uit Lotharingen "
                "leverde het brood.",
                "Het cateringbudget van het congres, € 18.900, ging volledig naar sociale ondernemingen in drie "
                "landen.",
            ),
            "quote": "Drie landen, drie keukens, één menu: de gasten hadden het nog weken over het eten.",
            "quote_attribution": "Evenementencoördinator, Eurodistrict Mosel-Saar",
        },
        "sr": {
            "title": "Прекогранични кетеринг за конференцију Велике регије",
            "summary": "Три социјална кетеринга из Луксембурга, Сарланда и Лорене заједно су угостила 450 гостију "
            "годишње конференције Евродистрикта.",
            "paragraphs": (
                "Правила набавке Евродистрикта тражила су једног добављача; мрежа је предложила конзорцијум од три.",
                "Сваки кетеринг припремио је по једно јело од намирница из свог краја; пекара из Лорене испоручила је "
                "хлеб.",
                "Цео буџет конференције за кетеринг, 18.900 €, отишао је социјалним предузећима у три земље.",
            ),
            "quote": "Три земље, три кухиње, један мени: гости су недељама причали о храни.",
            "quote_attribution": "Референткиња за догађаје, Eurodistrict Mosel-Saar",
        },
    },
    "refurbished-laptops": {
        "fr": {
            "title": "Des ordinateurs portables reconditionnés pour trois cents salariés",
            "summary": "Plutôt que d'acheter du neuf, Noorderzon équipe le personnel de son entrepôt d'ordinateurs "
            "portables reconditionnés préparés par une entreprise sociale.",
            "paragraphs": (
                "Le service informatique avait besoin de 300 ordinateurs portables pour un personnel qui partageait "
                "jusque-là des terminaux.",
                "Un atelier de reconditionnement qui forme des jeunes sans qualification a fourni des ordinateurs "
                "testés avec une garantie de deux ans et repris les anciens terminaux pour un effacement certifié "
                "des données.",
                "L'achat a coûté 38 % de moins que du matériel neuf et a évité environ 60 tonnes de CO₂.",
            ),
            "quote": "Le même travail, un tiers moins cher, et des jeunes formés sur nos machines.",
            "quote_attribution": "Responsable informatique, Noorderzon Logistiek",
        },
        "de": {
            "title": "Aufbereitete Laptops für dreihundert Beschäftigte",
            "summary": "Statt neu zu kaufen, stattet Noorderzon sein Lagerpersonal mit aufbereiteten Laptops aus, die "
            "ein Sozialunternehmen vorbereitet.",
            "paragraphs": (
                "Die IT-Abteilung brauchte 300 Laptops für Beschäftigte, die sich bis dahin Terminals geteilt hatten.",
                "Eine Aufbereitungswerkstatt, die junge Menschen ohne Abschluss ausbildet, lieferte geprüfte Laptops "
                "mit zwei Jahren Garantie und nahm die alten Terminals zur zertifizierten Datenlöschung zurück.",
                "Der Kauf kostete 38 % weniger als neue Geräte und hielt rund 60 Tonnen CO₂ aus der Luft.",
            ),
            "quote": "Dieselbe Arbeit, ein Drittel günstiger, und junge Leute, die an unseren Geräten lernen.",
            "quote_attribution": "IT-Leitung, Noorderzon Logistiek",
        },
        "nl": {
            "title": "Gereviseerde laptops voor driehonderd medewerkers",
            "summary": "In plaats van nieuw te kopen, voorziet Noorderzon zijn magazijnpersoneel van gereviseerde "
            "laptops die een sociale onderneming klaarmaakt.",
            "paragraphs": (
                "De IT-afdeling had 300 laptops nodig voor medewerkers die tot dan toe terminals deelden.",
                "Een revisiewerkplaats die jongeren zonder diploma opleidt, leverde geteste laptops met twee jaar "
                "garantie en nam de oude terminals terug voor gecertificeerde gegevenswissing.",
                "De aankoop kostte 38 % minder dan nieuwe apparatuur en hield zo'n 60 ton CO₂ uit de lucht.",
            ),
            "quote": "Hetzelfde werk, een derde goedkoper, en jongeren die op onze machines worden opgeleid.",
            "quote_attribution": "IT-manager, Noorderzon Logistiek",
        },
        "sr": {
            "title": "Обновљени лаптопови за триста запослених",
            "summary": "Уместо да купује нове, Noorderzon опрема раднике у магацину обновљеним лаптоповима које "
            "припрема социјално предузеће.",
            "paragraphs": (
                "Служби за информатику требало је 300 лаптопова за раднике који су до тада делили терминале.",
                "Радионица за обнову рачунара која обучава младе без квалификација испоручила је тестиране лаптопове "
                "са гаранцијом од две године и преузела старе терминале ради овереног брисања података.",
                "Набавка је коштала 38 % мање од нове опреме и спречила емисију око 60 тона CO₂.",
            ),
            "quote": "Исти посао, трећину јефтиније, а млади се обучавају на нашим рачунарима.",
            "quote_attribution": "Руководилац информатике, Noorderzon Logistiek",
        },
    },
    "workwear-sewn-in-vojvodina": {
        "fr": {
            "title": "Des vêtements de travail cousus par des femmes de la Voïvodine rurale",
            "summary": "Acier Moselle achète les vestes et tabliers de son personnel de cantine et de logistique à "
            "une coopérative de couture de Voïvodine.",
            "paragraphs": (
                "KASPEV a présenté au sidérurgiste une coopérative qui emploie des femmes des zones rurales autour de "
                "Novi Sad.",
                "La coopérative fabrique chaque année 900 vestes et tabliers en coton biologique selon le cahier des "
                "charges d'Acier Moselle.",
                "La commande donne un travail régulier à 23 couturières et a ouvert à la coopérative son premier "
                "marché à l'export.",
            ),
            "quote": "Cette commande nous a donné notre premier client à l'étranger, et le courage de trouver le "
            "suivant.",
            "quote_attribution": "Présidente de la coopérative de couture",
        },
        "de": {
            "title": "Arbeitskleidung, genäht von Frauen aus der ländlichen Vojvodina",
            "summary": "Acier Moselle bezieht die Jacken und Schürzen seines Kantinen- und Logistikpersonals von "
            "einer Nähgenossenschaft in der Vojvodina.",
            "paragraphs": (
                "KASPEV brachte den Stahlhersteller mit einer Genossenschaft zusammen, die Frauen aus ländlichen "
                "Gegenden um Novi Sad beschäftigt.",
                "Die Genossenschaft fertigt jährlich 900 Jacken und Schürzen aus Bio-Baumwolle nach den Vorgaben von "
                "Acier Moselle.",
                "Der Auftrag gibt 23 Näherinnen feste Arbeit und hat der Genossenschaft ihren ersten Exportmarkt "
                "eröffnet.",
            ),
            "quote": "Dieser Auftrag brachte uns den ersten Kunden im Ausland und den Mut, den nächsten zu finden.",
            "quote_attribution": "Vorsitzende der Nähgenossenschaft",
        },
        "nl": {
            "title": "Werkkleding genaaid door vrouwen uit het platteland van Vojvodina",
            "summary": "Acier Moselle koopt de jassen en schorten van zijn kantine- en logistiekpersoneel bij een "
            "naaicoöperatie in Vojvodina.",
            "paragraphs": (
                "KASPEV bracht de staalproducent in contact met een coöperatie die vrouwen uit landelijke gebieden "
                "rond Novi Sad in dienst heeft.",
                "De coöperatie maakt elk jaar 900 jassen en schorten van biologisch katoen volgens de specificaties "
                "van Acier Moselle.",
                "De opdracht geeft 23 naaisters vast werk en opende de eerste exportmarkt van de coöperatie.",
            ),
            "quote": "Deze opdracht gaf ons onze eerste klant in het buitenland, en de moed om de volgende te vinden.",
            "quote_attribution": "Voorzitter van de naaicoöperatie",
        },
        "sr": {
            "title": "Радна одећа коју шију жене из сеоских крајева Војводине",
            "summary": "Acier Moselle купује јакне и кецеље за раднике мензе и логистике од шивачке задруге из "
            "Војводине.",
            "paragraphs": (
                "КАСПЕВ је челичану повезао са задругом која запошљава жене из сеоских подручја око Новог Сада.",
                "Задруга годишње сашије 900 јакни и кецеља од органског памука према спецификацији компаније "
                "Acier Moselle.",
                "Поруџбина даје сталан посао за 23 шваље и отворила је задрузи прво извозно тржиште.",
            ),
            "quote": "Ова поруџбина нам је донела првог купца у иностранству и храброст да нађемо следећег.",
            "quote_attribution": "Председница шивачке задруге",
        },
    },
    "reclaimed-materials-school-extension": {
        "fr": {
            "title": "Briques et bois de réemploi pour l'agrandissement d'une école",
            "summary": "La nouvelle aile d'une école frontalière a été construite avec des briques et des poutres "
            "récupérées d'un dépôt démoli, nettoyées et posées par un atelier de personnes en situation de handicap.",
            "paragraphs": (
                "L'Eurodistrict avait besoin rapidement de deux salles de classe et voulait un bâtiment qui enseigne "
                "aussi quelque chose.",
                "Une bourse aux matériaux a récupéré 82 tonnes de briques et de bois dans un dépôt voué à la "
                "démolition ; son équipe, dont la plupart des membres travaillent avec un handicap, les a nettoyés et "
                "triés.",
                "Une entreprise de rénovation qui embauche des personnes en retour à l'emploi a monté les murs ; les "
                "élèves apprennent maintenant d'où vient leur classe.",
            ),
            "quote": "Les bâtiments publics doivent montrer ce dont l'économie circulaire est capable.",
            "quote_attribution": "Service des bâtiments, Eurodistrict",
        },
        "de": {
            "title": "Gebrauchte Ziegel und Balken für einen Schulanbau",
            "summary": "Der neue Flügel einer Grenzschule wurde mit Ziegeln und Balken aus einem abgerissenen Depot "
            "gebaut, gereinigt und verlegt von einer Werkstatt für behinderte Menschen.",
            "paragraphs": (
                "Der Eurodistrikt brauchte schnell zwei Klassenzimmer und wollte ein Gebäude, das auch etwas lehrt.",
                "Eine Bauteilbörse barg 82 Tonnen Ziegel und Holz aus einem Depot, das abgerissen werden sollte; ihr "
                "Team, überwiegend Menschen mit Behinderung, reinigte und sortierte sie.",
                "Ein Renovierungsbetrieb, der Menschen auf dem Weg zurück in Arbeit einstellt, mauerte die Wände; die "
                "Kinder lernen jetzt, woher ihr Klassenzimmer kommt.",
            ),
            "quote": "Öffentliche Gebäude sollten zeigen, was die Kreislaufwirtschaft kann.",
            "quote_attribution": "Bauabteilung, Eurodistrikt",
        },
        "nl": {
            "title": "Teruggewonnen bakstenen en hout voor een schooluitbreiding",
            "summary": "De nieuwe vleugel van een grensschool werd gebouwd met bakstenen en balken uit een gesloopt "
            "depot, schoongemaakt en gemetseld door een werkplaats voor mensen met een beperking.",
            "paragraphs": (
                "Het Eurodistrict had snel twee klaslokalen nodig en wilde een gebouw dat ook iets leert.",
                "Een materialenbeurs won 82 ton bakstenen en hout terug uit een depot dat gesloopt zou worden; het "
                "team, grotendeels mensen met een beperking, maakte ze schoon en sorteerde ze.",
                "Een renovatiebedrijf dat mensen aanneemt die terugkeren naar werk, metselde de muren; de leerlingen "
                "leren nu waar hun klaslokaal vandaan komt.",
            ),
            "quote": "Openbare gebouwen moeten laten zien wat de circulaire economie kan.",
            "quote_attribution": "Afdeling gebouwen, Eurodistrict",
        },
        "sr": {
            "title": "Поново употребљене цигле и грађа за доградњу школе",
            "summary": "Ново крило једне пограничне школе саграђено је од цигала и греда из срушеног складишта, које "
            "је очистила и уградила радионица за особе са инвалидитетом.",
            "paragraphs": (
                "Евродистрикту су брзо биле потребне две учионице и желео је зграду која ће и нечему научити.",
                "Берза материјала извукла је 82 тоне цигала и грађе из складишта предвиђеног за рушење; њен тим, "
                "већином особе са инвалидитетом, очистио их је и разврстао.",
                "Предузеће за реновирање које запошљава људе који се враћају на посао озидало је зидове; ученици сада "
                "уче одакле им је учионица.",
            ),
            "quote": "Јавне зграде треба да покажу шта кружна економија може.",
            "quote_attribution": "Служба за зграде, Eurodistrict",
        },
    },
    "linen-washed-by-inclusive-laundry": {
        "fr": {
            "title": "Le linge d'une banque lavé par une blanchisserie qui emploie des personnes en situation de "
            "handicap",
            "summary": "Kredit Mosel confie le linge de table de son restaurant d'entreprise et les serviettes de sa "
            "salle de sport à une blanchisserie sociale au Luxembourg.",
            "paragraphs": (
                "Le restaurant et la salle de sport de la banque faisaient appel à une blanchisserie commerciale "
                "située à 80 km.",
                "Une blanchisserie sociale de la ville collecte désormais deux fois par semaine en camionnette "
                "électrique ; six de ses salariés sont en situation de handicap et formés sur les machines.",
                "Le changement a supprimé 9 000 km de transport par an et fait de ce contrat l'un des plus importants "
                "de la blanchisserie.",
            ),
            "quote": "Le linge revient à l'heure, chaque semaine, et nous savons qui l'a lavé.",
            "quote_attribution": "Services aux bureaux, Kredit Mosel",
        },
        "de": {
            "title": "Bankwäsche, gewaschen von einer Wäscherei, die Menschen mit Behinderung beschäftigt",
            "summary": "Kredit Mosel gibt die Tischwäsche seines Betriebsrestaurants und die Handtücher seines "
            "Fitnessraums an eine soziale Wäscherei in Luxemburg.",
            "paragraphs": (
                "Restaurant und Fitnessraum der Bank nutzten eine gewerbliche Wäscherei in 80 km Entfernung.",
                "Eine soziale Wäscherei in der Stadt holt jetzt zweimal pro Woche mit einem Elektrotransporter ab; "
                "sechs ihrer Beschäftigten haben eine Behinderung und sind an den Maschinen ausgebildet.",
                "Der Wechsel spart 9.000 km Transport im Jahr und machte den Vertrag zu einem der größten der "
                "Wäscherei.",
            ),
            "quote": "Die Wäsche kommt jede Woche pünktlich zurück, und wir wissen, wer sie gewaschen hat.",
            "quote_attribution": "Büroservice, Kredit Mosel",
        },
        "nl": {
            "title": "Banklinnen gewassen door een wasserij die mensen met een beperking in dienst heeft",
            "summary": "Kredit Mosel laat het tafellinnen van zijn bedrijfsrestaurant en de handdoeken van zijn "
            "fitnessruimte wassen door een sociale wasserij in Luxemburg.",
            "paragraphs": (
                "Het restaurant en de fitnessruimte van de bank gebruikten een commerciële wasserij op 80 km afstand.",
                "Een sociale wasserij in de stad haalt nu twee keer per week op met een elektrisch busje; zes van de "
                "medewerkers hebben een beperking en zijn op de machines opgeleid.",
                "De overstap scheelt 9.000 km vervoer per jaar en maakte het contract een van de grootste van de "
                "wasserij.",
            ),
            "quote": "Het linnen komt elke week op tijd terug, en we weten wie het heeft gewassen.",
            "quote_attribution": "Facilitaire dienst, Kredit Mosel",
        },
        "sr": {
            "title": "Банкарско рубље које пере перионица што запошљава особе са инвалидитетом",
            "summary": "Kredit Mosel столњаке из ресторана за запослене и пешкире из теретане шаље социјалној "
            "перионици у Луксембургу.",
            "paragraphs": (
                "Ресторан и теретана банке користили су комерцијалну перионицу удаљену 80 km.",
                "Социјална перионица из града сада два пута недељно преузима рубље електричним комбијем; шесторо "
                "њених запослених има инвалидитет и обучено је за рад на машинама.",
                "Промена је смањила превоз за 9.000 km годишње и учинила овај уговор једним од највећих у перионици.",
            ),
            "quote": "Рубље се враћа на време, сваке недеље, и знамо ко га је опрао.",
            "quote_attribution": "Канцеларијске службе, Kredit Mosel",
        },
    },
}

ARTICLES = {
    "kaspev-members-sell-across-borders": {
        "fr": {
            "title": "Les membres de KASPEV vendent désormais dans toute la Grande Région",
            "intro": "Les entreprises de Luxembourg, de France, d'Allemagne et de Belgique peuvent désormais "
            "commander auprès des entreprises sociales du réseau serbe.",
            "paragraphs": (
                "Les membres de KASPEV présentent leurs biens et services sur Responsible et reçoivent commandes et "
                "demandes de devis d'acheteurs de la Grande Région.",
                "Leur premier contrat à l'export, des vêtements de travail pour un sidérurgiste lorrain, est raconté "
                "dans nos récits.",
            ),
        },
        "de": {
            "title": "KASPEV-Mitglieder verkaufen jetzt in der ganzen Großregion",
            "intro": "Unternehmen in Luxemburg, Frankreich, Deutschland und Belgien können jetzt bei den "
            "Sozialunternehmen des serbischen Netzwerks bestellen.",
            "paragraphs": (
                "Die Mitglieder von KASPEV bieten ihre Waren und Dienstleistungen auf Responsible an und erhalten "
                "Bestellungen und Angebotsanfragen von Einkäufern aus der Großregion.",
                "Ihr erster Exportauftrag, Arbeitskleidung für einen lothringischen Stahlhersteller, steht in unseren "
                "Geschichten.",
            ),
        },
        "nl": {
            "title": "Leden van KASPEV verkopen nu in de hele Grande Région",
            "intro": "Bedrijven in Luxemburg, Frankrijk, Duitsland en België kunnen nu bestellen bij de sociale "
            "ondernemingen van het Servische netwerk.",
            "paragraphs": (
                "Leden van KASPEV bieden hun goederen en diensten aan op Responsible en ontvangen bestellingen en "
                "offerteaanvragen van inkopers uit de Grande Région.",
                "Hun eerste exportcontract, werkkleding voor een staalproducent in Lotharingen, leest u in onze "
                "verhalen.",
            ),
        },
        "sr": {
            "title": "Чланови КАСПЕВ-а сада продају широм Велике регије",
            "intro": "Фирме из Луксембурга, Француске, Немачке и Белгије сада могу да наручују од социјалних "
            "предузећа српског кластера.",
            "paragraphs": (
                "Чланови КАСПЕВ-а нуде своју робу и услуге на платформи Responsible и примају поруџбине и захтеве за "
                "понуде од купаца из Велике регије.",
                "Њихов први извозни уговор, радна одећа за челичану из Лорене, описан је у нашим причама.",
            ),
        },
    },
    "stories-lead-to-the-shop": {
        "fr": {
            "title": "Les récits mènent désormais à la boutique",
            "intro": "Chaque récit de coopération renvoie maintenant aux profils de ses entreprises sociales et à "
            "leurs biens et services.",
            "paragraphs": (
                "Des responsables des achats nous ont dit que les récits leur donnaient envie d'acheter la même "
                "chose : ils le peuvent désormais, depuis le récit.",
                "Chaque entreprise sociale d'un récit présente quelques-uns de ses produits et un lien vers toute son "
                "offre.",
            ),
        },
        "de": {
            "title": "Geschichten führen jetzt in den Shop",
            "intro": "Jede Geschichte der Zusammenarbeit verlinkt jetzt auf die Profile ihrer Sozialunternehmen und "
            "auf deren Waren und Dienstleistungen.",
            "paragraphs": (
                "Einkäuferinnen und Einkäufer sagten uns, die Geschichten machten Lust, dasselbe zu kaufen: Jetzt geht "
                "das direkt aus der Geschichte heraus.",
                "Jedes Sozialunternehmen einer Geschichte zeigt einige seiner Produkte und einen Link zu seinem ganzen "
                "Angebot.",
            ),
        },
        "nl": {
            "title": "Verhalen leiden nu naar de winkel",
            "intro": "Elk verhaal van samenwerking linkt nu naar de profielen van zijn sociale ondernemingen en naar "
            "hun goederen en diensten.",
            "paragraphs": (
                "Inkopers vertelden ons dat de verhalen hun zin gaven om hetzelfde te kopen: dat kan nu, vanuit het "
                "verhaal.",
                "Elke sociale onderneming in een verhaal toont enkele van haar producten en een link naar haar hele "
                "aanbod.",
            ),
        },
        "sr": {
            "title": "Приче сада воде у продавницу",
            "intro": "Свака прича о сарадњи сада води до профила њених социјалних предузећа и до њихове робе и услуга.",
            "paragraphs": (
                "Референти набавке рекли су нам да их приче подстичу да купе исто: сада то могу, директно из приче.",
                "Свако социјално предузеће у причи приказује неколико својих производа и везу ка целој понуди.",
            ),
        },
    },
}

STANDARD_PAGES = {
    "about": {
        "fr": {
            "title": "À propos de Responsible",
            "intro": "Responsible met en relation les responsables des achats et les entreprises sociales.",
            "paragraphs": (
                "Des réseaux d'entreprises sociales rejoignent Responsible pour que les entreprises achètent auprès "
                "de leurs membres. Les opérateurs vérifient chaque entreprise avant sa mise en ligne.",
            ),
        },
        "de": {
            "title": "Über Responsible",
            "intro": "Responsible bringt Einkäuferinnen und Einkäufer mit Sozialunternehmen zusammen.",
            "paragraphs": (
                "Netzwerke von Sozialunternehmen treten Responsible bei, damit Unternehmen bei ihren Mitgliedern "
                "einkaufen. Die Betreiber prüfen jedes Unternehmen, bevor es gelistet wird.",
            ),
        },
        "nl": {
            "title": "Over Responsible",
            "intro": "Responsible brengt inkopers in contact met sociale ondernemingen.",
            "paragraphs": (
                "Netwerken van sociale ondernemingen sluiten zich aan bij Responsible zodat bedrijven bij hun leden "
                "kopen. Beheerders controleren elke onderneming voordat die wordt vermeld.",
            ),
        },
        "sr": {
            "title": "О платформи Responsible",
            "intro": "Responsible повезује референте набавке са социјалним предузећима.",
            "paragraphs": (
                "Кластери социјалних предузећа придружују се платформи Responsible како би фирме куповале од њихових "
                "чланова. Оператери проверавају свако предузеће пре него што буде објављено.",
            ),
        },
    },
    "how-it-works": {
        "fr": {
            "title": "Comment ça marche",
            "intro": "Trouvez, comparez, commandez ou demandez un devis, et mesurez votre impact.",
            "paragraphs": (
                "Cherchez dans l'annuaire par secteur, pays et impact, ou parcourez la boutique.",
                "Commandez des biens et services à plusieurs entreprises sociales dans un seul panier ; chacune "
                "confirme et facture sa propre sous-commande.",
                "Chaque achat compte dans le rapport d'impact social de votre entreprise.",
            ),
        },
        "de": {
            "title": "So funktioniert es",
            "intro": "Finden, vergleichen, bestellen oder ein Angebot anfragen, und Ihre Wirkung ausweisen.",
            "paragraphs": (
                "Durchsuchen Sie das Verzeichnis nach Branche, Land und Wirkung, oder stöbern Sie im Shop.",
                "Bestellen Sie Waren und Dienstleistungen mehrerer Sozialunternehmen in einem Warenkorb; jedes "
                "bestätigt und berechnet seinen eigenen Teil.",
                "Jeder Einkauf zählt für den Bericht zur sozialen Wirkung Ihres Unternehmens.",
            ),
        },
        "nl": {
            "title": "Hoe het werkt",
            "intro": "Zoeken, vergelijken, bestellen of een offerte aanvragen, en uw impact rapporteren.",
            "paragraphs": (
                "Doorzoek de gids op sector, land en impact, of blader door de winkel.",
                "Bestel goederen en diensten van meerdere sociale ondernemingen in één winkelwagen; elke onderneming "
                "bevestigt en factureert haar eigen deel.",
                "Elke aankoop telt mee in het rapport over de sociale impact van uw bedrijf.",
            ),
        },
        "sr": {
            "title": "Како функционише",
            "intro": "Пронађите, упоредите, наручите или затражите понуду, и извештавајте о свом утицају.",
            "paragraphs": (
                "Претражујте именик по делатности, земљи и утицају или прегледајте продавницу.",
                "Наручите робу и услуге од више социјалних предузећа у једној корпи; свако потврђује и фактурише свој "
                "део.",
                "Свака куповина рачуна се у извештај о друштвеном утицају Ваше фирме.",
            ),
        },
    },
    "charter": {
        "fr": {
            "title": "Les chartes de nos réseaux",
            "intro": "Ce que les membres de chaque réseau ont signé : l'humain avant le profit, les excédents "
            "réinvestis.",
        },
        "de": {
            "title": "Die Chartas unserer Netzwerke",
            "intro": "Was die Mitglieder jedes Netzwerks unterschrieben haben: Menschen vor Profit, Überschüsse "
            "werden reinvestiert.",
        },
        "nl": {
            "title": "De handvesten van onze netwerken",
            "intro": "Wat de leden van elk netwerk hebben ondertekend: mensen boven winst, overschotten worden "
            "opnieuw geïnvesteerd.",
        },
        "sr": {
            "title": "Повеље наших мрежа",
            "intro": "Шта су потписали чланови сваке мреже: људи пре профита, вишак се поново улаже.",
        },
    },
}

# The calls to action, keyed by the English title: (title, button label, text) per language.
CALLS_TO_ACTION = {
    "Are you a social enterprise?": {
        "fr": ("Vous êtes une entreprise sociale ?", "Inscrire votre entreprise sociale",
               "Présentez vos biens et services et recevez des commandes d'entreprises "
               "de part et d'autre de la frontière."),
        "de": ("Sie sind ein Sozialunternehmen?", "Ihr Sozialunternehmen registrieren",
               "Stellen Sie Ihre Waren und Dienstleistungen vor und erhalten Sie Bestellungen von Unternehmen "
               "diesseits und jenseits der Grenze."),
        "nl": ("Bent u een sociale onderneming?", "Uw sociale onderneming aanmelden",
               "Toon uw goederen en diensten en ontvang bestellingen van bedrijven aan beide kanten van de grens."),
        "sr": ("Да ли сте социјално предузеће?", "Региструјте своје социјално предузеће",
               "Представите своју робу и услуге и примајте поруџбине од фирми с обе стране границе."),
    },
    "Buying for your firm?": {
        "fr": ("Vous achetez pour votre entreprise ?", "Inscrire votre entreprise comme acheteur",
               "Commandez auprès d'entreprises sociales vérifiées et mesurez l'impact social de vos achats."),
        "de": ("Sie kaufen für Ihr Unternehmen ein?", "Ihr Unternehmen als Einkäufer registrieren",
               "Bestellen Sie bei geprüften Sozialunternehmen und weisen Sie die soziale Wirkung Ihres Einkaufs nach."),
        "nl": ("Koopt u in voor uw bedrijf?", "Uw bedrijf aanmelden als inkoper",
               "Bestel bij geverifieerde sociale ondernemingen en rapporteer de sociale impact van uw inkoop."),
        "sr": ("Купујете за своју фирму?", "Региструјте своју фирму као купца",
               "Наручујте од проверених социјалних предузећа и извештавајте о друштвеном утицају своје куповине."),
    },
}  # fmt: skip
