"""The demo networks' texts in the other languages (data.NETWORKS holds the English), by
network slug, and the demo charter's: what each network would write in them."""

NETWORK_TEXTS = {
    "sse-cluster-grande-region": {
        "fr": {
            "tagline": "Les entreprises sociales et solidaires du Luxembourg, de Lorraine, de Sarre, de "
            "Rhénanie-Palatinat et de Wallonie.",
            "description": "Le cluster réunit des entreprises sociales des deux côtés de quatre frontières. "
            "250 000 personnes les franchissent chaque jour pour travailler ; le cluster veut que les entreprises "
            "de chaque côté achètent aussi aux entreprises sociales de chaque côté.\n\nIl organise des rencontres "
            "acheteurs, répond à des appels d'offres en groupement et forme les acheteurs aux clauses sociales.",
            "charter_title": "Charte du Cluster ESS Grande Région",
        },
        "de": {
            "tagline": "Sozial- und Solidarunternehmen in Luxemburg, Lothringen, im Saarland, in "
            "Rheinland-Pfalz und in der Wallonie.",
            "description": "Der Cluster bringt Sozialunternehmen beiderseits von vier Grenzen zusammen. "
            "250.000 Menschen überqueren diese Grenzen jeden Tag zur Arbeit; der Cluster möchte, dass Firmen auf "
            "jeder Seite auch bei Sozialunternehmen auf jeder Seite einkaufen.\n\nEr veranstaltet Einkäufertreffen, "
            "bewirbt sich als Bietergemeinschaft auf Ausschreibungen und schult Einkäuferinnen und Einkäufer in "
            "sozialen Vergabekriterien.",
            "charter_title": "Charta des SSE-Clusters Großregion",
        },
        "nl": {
            "tagline": "Sociale en solidaire ondernemingen in Luxemburg, Lotharingen, Saarland, Rijnland-Palts "
            "en Wallonië.",
            "description": "Het cluster brengt sociale ondernemingen aan weerszijden van vier grenzen samen. "
            "Elke dag steken 250.000 mensen deze grenzen over om te werken; het cluster wil dat bedrijven aan elke "
            "kant ook inkopen bij sociale ondernemingen aan elke kant.\n\nHet organiseert inkopersbijeenkomsten, "
            "schrijft als combinatie in op aanbestedingen en leidt inkopers op in social return.",
            "charter_title": "Handvest van het SSE-cluster Grande Région",
        },
        "sr": {
            "tagline": "Социјална и солидарна предузећа Луксембурга, Лорене, Сарланда, Рајне-Палатината и Валоније.",
            "description": "Кластер окупља социјална предузећа с обе стране четири границе. Двеста педесет хиљада "
            "људи сваког дана прелази ове границе да би радило; кластер жели да и фирме са сваке стране купују од "
            "социјалних предузећа са сваке стране.\n\nОрганизује сусрете са купцима, заједнички учествује на "
            "тендерима и обучава набављаче за социјалне критеријуме у набавкама.",
            "charter_title": "Повеља Кластера ССЕ Велики регион",
        },
    },
    "impact-noord": {
        "fr": {
            "tagline": "Le réseau d'impact du nord des Pays-Bas.",
            "description": "Impact Noord met en relation les entrepreneurs sociaux de Groningue, de Frise et de "
            "Drenthe avec les entreprises et les communes qui y achètent. Les membres partagent avec les "
            "employeurs locaux un engagement « acheter social ».",
            "charter_title": "Engagement Impact Noord",
        },
        "de": {
            "tagline": "Das Impact-Netzwerk der nördlichen Niederlande.",
            "description": "Impact Noord verbindet Sozialunternehmerinnen und -unternehmer in Groningen, Friesland "
            "und Drenthe mit den Firmen und Gemeinden, die dort einkaufen. Die Mitglieder teilen mit örtlichen "
            "Arbeitgebern eine Selbstverpflichtung, sozial einzukaufen.",
            "charter_title": "Selbstverpflichtung von Impact Noord",
        },
        "nl": {
            "tagline": "Het impactnetwerk van Noord-Nederland.",
            "description": "Impact Noord verbindt sociaal ondernemers in Groningen, Friesland en Drenthe met de "
            "bedrijven en gemeenten die daar inkopen. Leden delen met lokale werkgevers een belofte om sociaal "
            "in te kopen.",
            "charter_title": "Impact Noord-belofte",
        },
        "sr": {
            "tagline": "Мрежа за друштвени утицај северне Холандије.",
            "description": "Impact Noord повезује социјалне предузетнике у Гронингену, Фризији и Дренту са фирмама "
            "и општинама које ту купују. Чланови са локалним послодавцима деле обавезу да купују друштвено "
            "одговорно.",
            "charter_title": "Обавеза мреже Impact Noord",
        },
    },
    "kaspev": {
        "fr": {
            "tagline": "Le cluster des entreprises sociales de Voïvodine.",
            "description": "KASPEV regroupe des coopératives, des associations et des entreprises sociales de "
            "Voïvodine et de Belgrade qui emploient des femmes des zones rurales, des personnes roms et des "
            "personnes handicapées, et leur ouvre des marchés d'exportation dans l'UE.",
            "charter_title": "Charte de KASPEV",
        },
        "de": {
            "tagline": "Der Cluster der Sozialunternehmen der Vojvodina.",
            "description": "KASPEV vereint Genossenschaften, Vereine und Sozialunternehmen in der Vojvodina und "
            "in Belgrad, die Frauen aus ländlichen Gebieten, Roma und Menschen mit Behinderung beschäftigen, und "
            "erschließt ihnen Exportmärkte in der EU.",
            "charter_title": "Charta von KASPEV",
        },
        "nl": {
            "tagline": "Het cluster van sociale ondernemingen in Vojvodina.",
            "description": "KASPEV bundelt coöperaties, verenigingen en sociale ondernemingen in Vojvodina en "
            "Belgrado die vrouwen van het platteland, Roma en mensen met een beperking in dienst hebben, en opent "
            "voor hen exportmarkten in de EU.",
            "charter_title": "Handvest van KASPEV",
        },
        "sr": {
            "tagline": "Кластер социјалних предузећа Војводине.",
            "description": "КАСПЕВ окупља задруге, удружења и социјална предузећа у Војводини и Београду која "
            "запошљавају жене из руралних подручја, Роме и особе са инвалидитетом, и отвара им извозна тржишта "
            "у ЕУ.",
            "charter_title": "Повеља КАСПЕВ-а",
        },
    },
}

CHARTER_TEXTS = {
    "fr": "\n".join(
        [
            "1. Nous plaçons les personnes avant le profit : au moins la moitié de nos excédents retourne à notre "
            "finalité sociale.",
            "2. Nous employons et formons des personnes éloignées de l'emploi, et nous disons combien.",
            "3. Notre gouvernance est démocratique ou associe nos salariés à notre conseil.",
            "4. Nous achetons local et préférons les matériaux de réemploi et bas carbone.",
            "5. Nous publions nos chiffres chaque année et laissons le réseau les vérifier.",
        ]
    ),
    "de": "\n".join(
        [
            "1. Der Mensch geht vor Gewinn: Mindestens die Hälfte unseres Überschusses fließt in unseren sozialen "
            "Zweck zurück.",
            "2. Wir beschäftigen und qualifizieren Menschen, die dem Arbeitsmarkt fern sind, und sagen, wie viele.",
            "3. Wir werden demokratisch geführt oder mit einem Vorstand, in dem unsere Beschäftigten vertreten sind.",
            "4. Wir kaufen regional ein und bevorzugen wiederverwendete und CO₂-arme Materialien.",
            "5. Wir veröffentlichen jedes Jahr unsere Zahlen und lassen sie vom Netzwerk prüfen.",
        ]
    ),
    "nl": "\n".join(
        [
            "1. Mensen gaan voor winst: minstens de helft van ons overschot gaat terug naar ons sociale doel.",
            "2. We bieden werk en opleiding aan mensen met een afstand tot de arbeidsmarkt, en zeggen hoeveel.",
            "3. We worden democratisch bestuurd of met een bestuur waarin onze medewerkers zitten.",
            "4. We kopen lokaal in en kiezen voor hergebruikte en koolstofarme materialen.",
            "5. We publiceren elk jaar onze cijfers en laten het netwerk ze controleren.",
        ]
    ),
    "sr": "\n".join(
        [
            "1. Људи су нам испред профита: најмање половина нашег вишка прихода враћа се нашем друштвеном циљу.",
            "2. Запошљавамо и обучавамо људе који су далеко од тржишта рада и кажемо колико их је.",
            "3. Управљамо демократски или са одбором у коме су и наши радници.",
            "4. Купујемо локално и бирамо поново употребљене и нискоугљеничне материјале.",
            "5. Сваке године објављујемо своје бројке и допуштамо мрежи да их провери.",
        ]
    ),
}
