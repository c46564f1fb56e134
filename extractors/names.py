"""Shared name data: given names, surnames, titles and roles, organization words.

The given-name and surname lists come from Faker's person providers (MIT),
every locale whose names are written in Latin script, plus the romanized
Japanese and Chinese lists and a transliteration of the Cyrillic ones.  They
are compiled once by :func:`build_name_files` into ``data/names_*.txt`` so
that run time needs no third-party package; a given name that is also a
lower-case English word ("Will", "Mark", "Hope") is listed as weak there (after
a line holding only "*"), since it only counts as a name when the context agrees.
Regenerate with ``python -c "from extractors.names import build_name_files as b; b()"``
after ``pip install faker english-words`` (maintainers only).  The keyword lists below are
short, hand-kept and English.
"""

from __future__ import annotations

import functools
from pathlib import Path

from .datafiles import DATA_DIR, data_path

_GIVEN_FILE = "names_given.txt"
_SURNAME_FILE = "names_surnames.txt"
_WEAK_MARK = "*"


def _read_tiers(filename: str) -> tuple[frozenset[str], frozenset[str]]:
    """(strong, weak) names of a data file: strong ones, a line holding only "*", then weak ones."""
    text = data_path(filename).read_text("utf-8")
    strong, _, weak = text.partition(f"\n{_WEAK_MARK}\n")
    return frozenset(strong.split()) - NOT_NAMES, frozenset(weak.split()) - NOT_NAMES


@functools.cache
def _given_names() -> tuple[frozenset[str], frozenset[str]]:
    """(strong, weak) given names, loaded on first use."""
    return _read_tiers(_GIVEN_FILE)


@functools.cache
def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    """(strong, weak) surnames seen in Faker's Latin-script locales."""
    return _read_tiers(_SURNAME_FILE)


def is_given_name(word: str) -> bool:
    """True for a capitalised word that is a given name and not also an ordinary word."""
    return word in _given_names()[0]


def is_weak_given_name(word: str) -> bool:
    """True for a given name that is also an English word ("Will", "Hope"): needs context."""
    return word in _given_names()[1]


def is_surname(word: str) -> bool:
    """True for a surname that is not also an ordinary word ("Shoigu", "Klein"; not "Woods")."""
    return word in _surnames()[0]


def is_weak_surname(word: str) -> bool:
    """True for a surname that is also an English word ("Cotton", "Rich"): needs context."""
    return word in _surnames()[1]


# Capitalised words that the name lists hold but that news text mostly uses otherwise.
NOT_NAMES = frozenset(
    """
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    North South East West Central General Justice President Governor Minister Senator King Queen Prince
    China Israel India Jordan Georgia Paris Victoria Chad Kenya Florence Austin Houston Lincoln Washington
    Africa America Asia Europe Russia Ukraine France Germany Italy Spain Brazil Canada Chile Cuba
    Christian Muslim Catholic Islam God Lord Bishop Christmas Easter Royal Union State Party Court Army
    The This That These Those There Here When Where What Who Why How Then Than And But Or Not No Yes
    New Old Young Long Little Great Good Best First Last Major Chief Mayor Judge Father Mother Baby
    """.split()
)

# First words that make a place, a work or a group of what follows, never a person:
# compass points, "New", foreign articles, "San", "Monte", "Villa".
NOT_PERSON_STARTS = frozenset(
    """
    North South East West Northern Southern Eastern Western Central Upper Lower Greater Great New Old Little
    Le La Les El Los Las Il Lo Die Der Das Den De Het Al
    San Santa Santo Sao São Saint St Ste Monte Mount Mt Lake Fort Port Cape Casa Villa Isla Rio Bahia Costa
    Royal Imperial National International Federal United Republic Holy Grand Old First Second Third Fourth Fifth
    """.split()
)

# Adjectives of regions, peoples, religions and movements that are not names (the gazetteer has the countries').
NOT_NAME_ADJECTIVES = frozenset(
    """
    European African Asian Arab Arabic Western Eastern Nazi Nazis Soviet Latin Nordic Baltic Balkan Slavic Christian
    Christians Muslim Muslims Jewish Jews Catholic Catholics Protestant Protestants Sunni Shia Shiite Kurdish Kurds
    Republican Democrat Democratic Conservative Liberal Tory
    Communist Communists Socialist Socialists Islamist Islamists Hindu Hindus Buddhist Sikh Orthodox Evangelical
    Americans Europeans Africans Asians Arabs Caucasian Hispanic Aboriginal Indigenous Native Roman Romans Greek
    Ottoman Byzantine Sami Celtic Germanic Anglo Viking Vikings Mediterranean Atlantic Pacific Arctic Antarctic
    """.split()
)

# Courtesy titles and ranks written before a name; the dots are optional.
HONORIFICS = frozenset(
    """
    Mr Mrs Ms Miss Mx Dr Prof Professor Sir Dame Lord Lady Rev Reverend Fr Father Sister Brother
    Sheikh Sheik Ayatollah Imam Rabbi Pope Cardinal Archbishop Bishop
    Gen General Lt Lieutenant Col Colonel Maj Major Capt Captain Cpt Sgt Sergeant Cpl Corporal Pvt Private
    Adm Admiral Cmdr Commander Marshal Brig Brigadier
    Gov Governor Sen Senator Rep Representative Pres President Mayor Judge Justice Chancellor
    King Queen Prince Princess Emperor Empress Sultan Emir Crown Premier Minister Secretary Speaker
    Ambassador Commissioner Chairman Chairwoman Chair Director Chief Deputy Vice Acting Former Foreign
    Prime Defense Defence Interior Finance Economy Health Trade Energy Justice State Attorney Coach
    Detective Inspector Officer Agent Superintendent Sheriff Councillor Councilman Councilwoman Congressman
    Congresswoman Assemblyman Assemblywoman Dean Provost Chancellor Principal Pastor
    CEO CFO COO CTO Founder Cofounder Co-founder Leader Spokesman Spokeswoman Spokesperson Envoy
    Executive Managing Senior Junior Assistant Associate Special
    """.split()
)

# Honorifics that name an office or a courtesy, not a department: the name follows the last of them.
PERSON_TITLES = HONORIFICS - frozenset(
    """
    Foreign Defense Defence Interior Finance Economy Health Trade Energy Justice State Attorney Prime Vice Deputy
    Acting Former Senior Junior Assistant Associate Special Managing Crown Grand
    """.split()
)

# Lower-case nouns that describe a person's office; they make a role with the words before them.
ROLE_NOUNS = frozenset(
    """
    official officials spokesman spokeswoman spokesperson minister president leader lawmaker legislator
    senator representative congressman congresswoman governor mayor chancellor premier secretary
    ambassador envoy diplomat commander general colonel officer chief head director executive chairman
    chairwoman chair founder cofounder co-founder owner investor economist analyst strategist researcher
    scientist professor expert adviser advisor aide assistant negotiator prosecutor judge lawyer attorney
    activist campaigner journalist reporter correspondent editor columnist author writer analyst
    coach manager striker player captain champion candidate nominee politician prime dictator ruler
    monarch king queen prince princess emir sultan president-elect vice-president deputy commissioner
    inspector superintendent sheriff detective spokesperson representative member presenter host
    doctor physician surgeon nurse epidemiologist virologist engineer pilot soldier
    ceo cfo coo cto
    """.split()
)

# Words that end or head an organization's name.
ORG_HEADS = frozenset(
    """
    Ministry Department Dept Agency Bank Council Committee Commission Organization Organisation Party
    Corporation Corp Inc Incorporated Ltd Limited LLC LLP PLC Plc AG SA GmbH NV Co Company Companies
    Group Association Union Federation Confederation Institute Institution Foundation Fund Authority
    Office Bureau Service Services Administration Court Tribunal Parliament Congress Senate Assembly
    Army Navy Marines Force Forces Guard Guards Police Front Movement Brigade Brigades Militia Corps
    Times News Post Journal Herald Tribune Gazette Network Networks Broadcasting Press Media Television
    Radio Telegraph Guardian Observer Chronicle Daily Weekly Magazine Review Monitor Insider Wire
    Airlines Airways Motors Holdings Technologies Technology Systems Industries Partners Capital
    Exchange Pharmaceuticals Pharma Energy Petroleum Oil Gas Telecom Communications Electronics
    Ventures Securities Investments Insurance Bancorp Financial Entertainment Studios Records Labs
    Laboratories Solutions Software Group Trust Society League Alliance Coalition Consortium Cartel International
    Global Aerospace Automotive Logistics Resources Mining Metals Steel Chemicals Foods Brands Retail Airline
    Commons Lords Representatives Reserve Nations
    Secretariat Directorate Cabinet Government Legislature Board Observatory Programme Program
    Club Team Church Mission Council Caucus Command Intelligence Unit Center Centre Institute
    University College School Academy Hospital Clinic Museum Library Stadium Airport
    """.split()
)

# Organization words that also lead a name ("Ministry of Defence", "Bank of England", "Police Review").
ORG_LEADS = frozenset(
    """
    Ministry Department Bank Council Committee Commission Organization Organisation Office Bureau Institute
    School College Academy University Court Party Church Museum Association Federation Union Agency Fund Board
    Authority Police Army Navy Parliament Congress Senate Assembly Corporation Foundation Society League House
    """.split()
)

# Organization heads that UNER and similar schemes count as places (facilities).
FACILITY_HEADS = frozenset("Club Stadium Airport".split())

# Acronyms and one-word names of organizations that news text uses without a keyword.
KNOWN_ORGS = frozenset(
    """
    UN U.N. UNICEF UNESCO UNHCR UNDP UNFPA UNRWA WFP WHO IMF OPEC NATO EU E.U. ASEAN OECD WTO IAEA ICC ICJ
    IOC FIFA UEFA AU ECB Fed BOJ PBOC SEC FTC FDA CDC EPA FBI CIA NSA DHS DOJ NASA ESA IRS ATF DEA ICE
    Pentagon Kremlin Bundestag Knesset Duma Politburo Interpol Europol Frontex Hamas Hezbollah Hizbollah Taliban
    ISIS ISIL Houthis Wagner Reuters Bloomberg AFP AP BBC CNN CNBC NBC CBS ABC Fox NPR PBS Xinhua TASS KCNA
    Yonhap Kyodo Interfax RIA Al-Jazeera Aljazeera Politico Axios Google Alphabet Microsoft Facebook Meta
    Twitter Amazon Apple Tesla SpaceX Samsung Toyota Honda Boeing Airbus Gazprom Rosneft Huawei Alibaba
    Tencent Baidu Nvidia Intel IBM Oracle OpenAI Netflix Uber Walmart Pfizer Moderna AstraZeneca
    Novartis Roche Siemens Volkswagen BMW Shell BP Exxon ExxonMobil Chevron Aramco Sony Nissan Nokia
    Ericsson Unilever Nestle Nestlé Goldman JPMorgan Citigroup Barclays HSBC UBS Deutsche Amnesty Oxfam
    Greenpeace MSF Wikipedia YouTube Instagram TikTok WhatsApp Visa Mastercard PayPal Starbucks McDonald's
    Hyundai Kia LG Lenovo Xiaomi Qualcomm AMD ARM TSMC Foxconn Yahoo Reddit LinkedIn Spotify
    Congress Parliament Senate Politburo Vatican
    """.split()
)

# Last words of names of places, works and events: such a run is not a person.
NOT_PERSON_HEADS = frozenset(
    """
    Park River Lake Mountain Mountains Island Islands Street St Avenue Ave Road Rd Square Bridge Hill Hills Valley
    Bay Sea Ocean Gulf Canal Beach Coast Desert Forest Falls Strait Peninsula Palace Castle Tower Cathedral
    Temple Mosque House Hall Center Centre Building Plaza Station Port Harbor Harbour Empire Republic Kingdom
    Dynasty War Wars Cup Show Award Awards Prize Festival Games Olympics Championship Championships Open Day
    Sunday Act Bill Treaty Accord Agreement Doctrine Plan Project Mission Program Programme Initiative Summit
    Conference Prize Medal Trophy Series Stadium Arena Airport Zoo Garden Gardens Museum Gallery Theatre Theater
    West East North South Era Age Revolution Crisis Declaration Constitution Code Index Report Guide Book
    Province State Region District County City Oblast Prefecture Governorate Municipality Territory Village Town
    """.split()
)

# Parties named by their members: "Republicans captured the Senate", "the Tories".
PARTY_PLURALS = frozenset("Republicans Democrats Conservatives Liberals Tories Labour Socialists Communists Greens".split())

# Collective actors that are not organizations (lower-case surface forms).
GROUP_NOUNS = frozenset(
    """
    protesters protestors demonstrators rioters rebels insurgents militants separatists jihadists
    extremists terrorists fighters gunmen troops soldiers forces police investigators prosecutors
    opposition authorities officials lawmakers legislators regulators voters residents villagers
    refugees migrants workers unions farmers doctors nurses teachers students scientists researchers
    experts analysts economists investors traders intelligence government military
    """.split()
)


def _latin_parts(value: str) -> list[str]:
    import regex

    word = regex.compile(r"^\p{Lu}[\p{Ll}\p{M}'’-]+$")
    return [part for part in str(value).split() if word.match(part)]


_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
        "a b v g d e yo zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya i yi ye g".split(),
    )
)


def _transliterate(name: str) -> str:
    """Cyrillic to the Latin spelling news agencies use ("Сергей" -> "Sergei")."""
    latin = "".join(_CYRILLIC.get(char, char) for char in name.lower()).replace("_", "")
    latin = latin.replace("iy", "y").removesuffix("ey") + ("ei" if latin.endswith("ey") else "")
    return latin.capitalize()


def build_name_files(target: Path | None = None) -> tuple[int, int]:
    """Regenerate ``data/names_given.txt`` and ``data/names_surnames.txt`` from Faker (maintainers only).

    Needs ``faker`` and ``english-words`` installed; run time needs neither.
    Returns the number of given names and surnames written.
    """
    import importlib
    import pkgutil

    import faker.providers.person as person
    from english_words import get_english_words_set

    def items(value: object) -> list[str]:
        if isinstance(value, dict):
            return list(value)
        if isinstance(value, (list, tuple, set, frozenset)):
            return list(value)
        return []

    given: set[str] = set()
    last: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        cyrillic = module.name in {"ru_RU", "uk_UA"}
        for attribute in dir(provider):
            bucket = given if attribute.startswith(("first_names", "first_romanized_names")) else None
            if attribute.startswith(("last_names", "last_romanized_names")):
                bucket = last
            if bucket is None:
                continue
            for value in items(getattr(provider, attribute)):
                if cyrillic:
                    value = " ".join(_transliterate(part) for part in str(value).split())
                bucket.update(_latin_parts(value))
    lower_words = {word for word in get_english_words_set(["web2"], lower=False) if word.islower()}
    target = target or DATA_DIR
    for filename, names in ((_GIVEN_FILE, given), (_SURNAME_FILE, last)):
        strong = sorted(name for name in names if name.lower() not in lower_words)
        weak = sorted(name for name in names if name.lower() in lower_words)
        (target / filename).write_text("\n".join(strong + [_WEAK_MARK] + weak) + "\n", encoding="utf-8")
    return len(given), len(last)
