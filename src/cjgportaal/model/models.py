"""The data model: one source of truth for partner and offering files and the site's lists.

Python names are English; the YAML field names (aliases) are Dutch. The JSON Schema that editors
and CI use is generated from these classes (see `schema.py`).
"""

from __future__ import annotations

from typing import Annotated, Final, Literal

from pydantic import Field, model_validator

from .fieldtypes import (
    MAX_AMOUNT,
    MAX_SESSIONS,
    AgeMonths,
    Date,
    Email,
    GithubHandle,
    Id,
    Line,
    Phone,
    Postcode,
    ShortText,
    Text,
    WebUrl,
    listed,
    problem,
)
from .record import Record, field
from .schedule import CourseRun as CourseRun  # re-exported: the records are one namespace, model.models
from .schedule import OpeningHours as OpeningHours
from .schedule import Session as Session
from .schedule import SignUp as SignUp
from .schedule import TimeSlot as TimeSlot
from .vocabulary import AccessRoute, Audience, CostKind, EvidenceLevel, Role, Status

# --- the site's lists --------------------------------------------------------------------------

class ListItem(Record):
    """One entry of a simple list: themes, partner types, tiers, kinds, languages, referrers."""

    id: Id = field("id", "Korte, vaste naam: kleine letters, cijfers en streepjes.")
    name: ShortText = field("naam", "Naam zoals bezoekers die zien.")
    description: Text = field("omschrijving", "Korte uitleg.", default="")


class AgeBand(ListItem):
    """An age band (life phase) with its range; `tot` is exclusive."""

    start: AgeMonths = field("van", "Vanaf deze leeftijd.")
    end: AgeMonths = field("tot", "Tot (niet tot en met) deze leeftijd.")


class Area(Record):
    """A kern or wijk of a municipality."""

    id: Id = field("id", "Korte, vaste naam van de kern of wijk.")
    name: ShortText = field("naam", "Naam van de kern of wijk.")


Province = Literal["Drenthe", "Flevoland", "Friesland", "Gelderland", "Groningen", "Limburg", "Noord-Brabant",
                   "Noord-Holland", "Overijssel", "Utrecht", "Zeeland", "Zuid-Holland"]


class Municipality(Record):
    """A municipality and its kernen or wijken."""

    id: Id = field("id", "Korte, vaste naam van de gemeente.")
    name: ShortText = field("naam", "Naam van de gemeente.")
    area_word: ShortText = field("gebiedsnaam", "Hoe de delen heten: kern of wijk.", default="kern")
    areas: list[Area] = field("gebieden", "De kernen of wijken.", min_length=1)
    province: Province | None = field(
        "provincie", "Provincie van de gemeente, voor de adressen in de open data (HSDS vraagt die). "
        "Zonder provincie blijft dat veld in de open data leeg.", default=None)


class Places(Record):
    """The file of places: municipalities with their kernen or wijken."""

    municipalities: list[Municipality] = field("gemeenten", "De gemeenten van het CJG.", min_length=1)


class YouthWorker(Record):
    """A jongerenwerker or straathoekwerker: a first name or a team, where to find them, how to reach them."""

    id: Id = field("id", "Korte, vaste naam.")
    role: Literal["jongerenwerker", "straathoekwerker"] = field("rol", "jongerenwerker of straathoekwerker.")
    name: ShortText = field("naam", "Voornaam of naam van het team (geen achternaam).")
    organisation: Id = field("organisatie", "Id van de partner.", json_schema_extra=listed("partners"))
    area: Id = field("gebied", "Kern of wijk (id uit data/plaatsen.yml).", json_schema_extra=listed("gebieden"))
    image: Annotated[str, Field(pattern=r"^[a-z0-9-]+\.(svg|png|jpg|webp)$")] = field(
        "afbeelding", "Bestandsnaam van de foto of tekening in theme/assets/images/jongeren/.")
    where_when: Text = field("waar_en_wanneer", "Waar en wanneer je deze jongerenwerker vindt.")
    phone: Phone | None = field("telefoon", "Telefoonnummer.", default=None)
    whatsapp: Phone | None = field("whatsapp", "Nummer voor WhatsApp.", default=None)
    instagram: WebUrl | None = field("instagram", "Link naar het Instagram-account.", default=None)
    email: Email | None = field("email", "E-mailadres.", default=None)

    @model_validator(mode="after")
    def _reachable(self) -> YouthWorker:
        if not (self.phone or self.whatsapp or self.instagram or self.email):
            raise problem("er staat niet in hoe jongeren deze jongerenwerker bereiken.",
                          "vul minstens één van telefoon, whatsapp, instagram of email in.")
        return self


class Helpline(Record):
    """A national helpline for young people."""

    id: Id = field("id", "Korte, vaste naam.")
    name: ShortText = field("naam", "Naam van de hulplijn.")
    phone: Phone | None = field("telefoon", "Telefoonnummer.", default=None)
    website: WebUrl | None = field("website", "Website, bijvoorbeeld om te chatten.", default=None)
    hours: Text = field("bereikbaar", "Wanneer de hulplijn bereikbaar is.")
    purpose: Text = field("waarvoor", "Waarvoor je kunt bellen of chatten.")


# --- shared parts ------------------------------------------------------------------------------

class Address(Record):
    """A visiting address."""

    name: Line = field("naam", "Naam van het gebouw, zoals 'De Meerpaal'.", default="")
    street: ShortText = field("straat", "Straat en huisnummer.")
    postcode: Postcode = field("postcode", "Postcode, zoals 8251 EX.")
    town: ShortText = field("plaats", "Plaats.")
    area: Id = field("gebied", "De kern of wijk (id uit data/plaatsen.yml).",
                     json_schema_extra=listed("gebieden"))


class Contact(Record):
    """How to reach someone; at least one way."""

    name: Line = field("naam", "Functie of team (geen naam van een privépersoon).", default="")
    phone: Phone | None = field("telefoon", "Telefoonnummer met netnummer.", default=None)
    email: Email | None = field("email", "E-mailadres.", default=None)
    website: WebUrl | None = field("website", "Webadres met https://.", default=None)

    @model_validator(mode="after")
    def _one_way(self) -> Contact:
        if not (self.phone or self.email or self.website):
            raise problem("er staat geen telefoon, e-mail of website in.",
                          "vul minstens één van telefoon, email of website in.")
        return self


class AgeRange(Record):
    """An age range in months; `tot` is exclusive."""

    start: AgeMonths = field("van", "Vanaf deze leeftijd, bijvoorbeeld 0, '18 maanden' of 'zwangerschap'.")
    end: AgeMonths = field("tot", "Tot (niet tot en met) deze leeftijd, bijvoorbeeld '4 jaar'.")

    @model_validator(mode="after")
    def _ordered(self) -> AgeRange:
        if self.start >= self.end:
            raise problem("de leeftijd 'van' is hoger dan of gelijk aan 'tot'.",
                          "zet de jongste leeftijd bij 'van' en de oudste bij 'tot'.")
        return self


class Review(Record):
    """Freshness fields shared by partners and offerings."""

    checked: Date = field("gecontroleerd", "Datum waarop alles voor het laatst is nagekeken.")
    review_by: Date | None = field("controleren_voor",
                                   "Uiterlijk op deze datum opnieuw nakijken (standaard: een jaar na "
                                   "'gecontroleerd').", default=None)

    @model_validator(mode="after")
    def _review_after_check(self) -> Review:
        if self.review_by is not None and self.review_by < self.checked:
            raise problem("'controleren_voor' ligt vóór 'gecontroleerd'.",
                          "kies voor 'controleren_voor' een datum na de laatste controle.",
                          "controleren_voor")
        return self


# --- partner -----------------------------------------------------------------------------------

class Partner(Review):
    """An organisation in the CJG network."""

    id: Id = field("id", "Korte, vaste naam; gelijk aan de bestandsnaam.")
    name: ShortText = field("naam", "Naam van de organisatie.")
    type: Id = field("type", "Soort organisatie (id uit data/partnertypes.yml).",
                     json_schema_extra=listed("partnertypes"))
    summary: ShortText = field(
        "samenvatting", "Wat de organisatie doet, in één of twee zinnen (B1).")
    description: Text = field("beschrijving", "Langere uitleg; Markdown mag.", default="")
    role: Role = field("rol", "kernpartner (in het kernteam) of partner.")
    core_tasks: list[ShortText] = field("kerntaken", "De belangrijkste taken, kort.", default_factory=list)
    website: WebUrl | None = field("website", "Website met https://.", default=None)
    phone: Phone | None = field("telefoon", "Algemeen telefoonnummer.", default=None)
    email: Email | None = field("email", "Algemeen e-mailadres.", default=None)
    addresses: list[Address] = field("adressen", "Bezoekadressen.", default_factory=list)
    service_area: list[Id] = field("werkgebied", "Gemeenten, kernen of wijken waar de organisatie werkt.",
                                   min_length=1, json_schema_extra=listed("plaatsen"))
    consultation: Contact | None = field("consultatie",
                                         "Aanspreekpunt voor overleg met andere professionals.",
                                         default=None)
    age: AgeRange | None = field("leeftijd", "Voor welke leeftijden de organisatie er is.", default=None)
    referral: Text = field("verwijzen", "Hoe andere professionals een kind of gezin naar de organisatie "
                           "verwijzen of aanmelden.", default="")
    maintainers: list[GithubHandle] = field("beheerders", "GitHub-namen van wie dit bestand bijhoudt.",
                                            min_length=1)


# --- offering ----------------------------------------------------------------------------------

# Kinds (ids in data/soorten.yml) whose top-level `bijeenkomsten` are one run when there are no `rondes`.
SERIES_KINDS: Final = frozenset({"cursus", "training"})


class Access(Record):
    """How people get in: free walk-in, sign up, or referral by whom."""

    route: AccessRoute = field("route", "vrij-toegankelijk, aanmelden of verwijzing.")
    referrers: list[Id] = field("verwijzers", "Wie kan verwijzen (ids uit data/verwijzers.yml).",
                                default_factory=list, json_schema_extra=listed("verwijzers"))
    note: Text = field("toelichting", "Extra uitleg.", default="")

    @model_validator(mode="after")
    def _referrers_for_referral(self) -> Access:
        if self.route == "verwijzing" and not self.referrers:
            raise problem("bij 'verwijzing' staat niet wie kan verwijzen.",
                          "vul 'verwijzers' in, bijvoorbeeld [huisarts, jeugdarts].", "verwijzers")
        return self


class Cost(Record):
    """What it costs."""

    kind: CostKind = field("soort", "gratis, eigen-bijdrage of vergoed.")
    amount: float | None = field("bedrag", "Bedrag in euro's.", default=None, ge=0, le=MAX_AMOUNT,
                                 allow_inf_nan=False)
    note: Text = field("toelichting", "Extra uitleg, bijvoorbeeld over korting.", default="")


class Location(Record):
    """A venue where the offering takes place."""

    name: ShortText = field("naam", "Naam van de plek, zoals 'Dorpshuis De Steiger'.")
    street: Line = field("straat", "Straat en huisnummer.", default="")
    postcode: Postcode | None = field("postcode", "Postcode.", default=None)
    town: Line = field("plaats", "Plaats.", default="")
    area: Id = field("gebied", "De kern of wijk (id uit data/plaatsen.yml).",
                     json_schema_extra=listed("gebieden"))


class Evidence(Record):
    """Recognition in the NJi databank of effective youth interventions."""

    level: EvidenceLevel = field("nji", "Oordeel van de erkenningscommissie.")
    since: Date | None = field("datum", "Datum van het oordeel.", default=None)
    link: WebUrl | None = field("link", "Link naar de interventie in de NJi-databank.", default=None)


class Notice(Record):
    """A short-term notice, such as 'no sessions in the summer holiday'."""

    text: ShortText = field("tekst", "De mededeling.")
    until: Date | None = field("tot", "Laat de mededeling tot en met deze datum zien.", default=None)


class Offering(Review):
    """An offering (aanbod) of one partner."""

    id: Id = field("id", "Korte, vaste naam; gelijk aan de bestandsnaam.")
    title: ShortText = field("titel", "Naam van het aanbod.")
    partner: Id = field("partner", "Id van de partner die dit aanbiedt.", json_schema_extra=listed("partners"))
    summary: ShortText = field(
        "samenvatting", "Waar het over gaat, in één of twee zinnen (B1).")
    description: Text = field("beschrijving", "Langere uitleg; Markdown mag.", default="")
    audiences: list[Audience] = field("doelgroepen", "Voor wie: ouders, jongeren en/of professionals.",
                                      min_length=1)
    age: AgeRange = field("leeftijd", "Leeftijd van het kind of de jongere.")
    themes: list[Id] = field("themas", "Thema's (ids uit data/themas.yml).", min_length=1,
                             json_schema_extra=listed("themas"))
    tiers: list[Id] = field("niveaus", "Niveau(s) van ondersteuning (ids uit data/niveaus.yml).",
                            min_length=1, json_schema_extra=listed("niveaus"))
    kind: Id = field("soort", "Soort aanbod (id uit data/soorten.yml).", json_schema_extra=listed("soorten"))
    access: Access = field("toegang", "Hoe kom je erin.")
    cost: Cost = field("kosten", "Wat het kost.")
    locations: list[Location] = field("locaties", "Waar het is; leeg bij online of telefonisch aanbod.",
                                      default_factory=list)
    opening_hours: list[OpeningHours] = field("openingstijden", "Vaste tijden per week.", default_factory=list)
    runs: list[CourseRun] = field(
        "rondes", "Rondes van een cursus of training: elke ronde heeft eigen bijeenkomsten, een eigen "
        "status en eventueel eigen plaatsen en aanmelding.", default_factory=list, max_length=MAX_SESSIONS)
    sessions: list[Session] = field(
        "bijeenkomsten", "Losse bijeenkomsten met een datum, zoals thema-avonden: elke avond staat op "
        "zichzelf. Let op: bij soort cursus of training zonder 'rondes' zijn deze bijeenkomsten samen "
        "één ronde.", default_factory=list, max_length=MAX_SESSIONS)
    sign_up: SignUp | None = field("aanmelden", "Hoe je je aanmeldt.", default=None)
    contact: Contact = field("contact", "Contact voor vragen over dit aanbod.")
    languages: list[Id] = field("talen", "Talen (ids uit data/talen.yml).", default_factory=lambda: ["nl"],
                                json_schema_extra=listed("talen"))
    accessibility: Text = field("toegankelijkheid", "Rolstoel, gebarentolk, ringleiding, enzovoort.",
                                default="")
    evidence: Evidence | None = field("onderbouwing", "Erkenning in de NJi-databank.", default=None)
    status: Status = field("status", "actief, vol, gepauzeerd of gestopt.", default="actief")
    notice: Notice | None = field("mededeling", "Tijdelijke mededeling.", default=None)

    @model_validator(mode="after")
    def _runs_apart(self) -> Offering:
        starts: set[str] = set()
        for n, run in enumerate(self.runs):
            if run.key in starts:
                raise problem("twee rondes beginnen op dezelfde dag en tijd.",
                              "maak er één ronde van, of controleer de eerste datum van elke ronde.",
                              ("rondes", n, "bijeenkomsten", 0))
            starts.add(run.key)
        return self

    @property
    def course_runs(self) -> list[CourseRun]:
        """The runs as meant: `rondes`; for a course or training written the old way, without
        `rondes`, its `bijeenkomsten` together as one run."""
        if self.runs or not self._sessions_are_a_run:
            return list(self.runs)
        ordered = sorted(self.sessions, key=lambda s: (s.date, s.start))
        return [CourseRun.model_construct(bijeenkomsten=ordered)]

    @property
    def lone_sessions(self) -> list[Session]:
        """The dated sessions that stand on their own, such as theme evenings."""
        return [] if not self.runs and self._sessions_are_a_run else list(self.sessions)

    @property
    def _sessions_are_a_run(self) -> bool:
        return self.kind in SERIES_KINDS and bool(self.sessions)


# --- referral routes (verwijswijzer) ----------------------------------------------------------

class ReferralRoute(Record):
    """A situation a professional meets and where to go with it."""

    id: Id = field("id", "Korte, vaste naam.")
    group: ShortText = field("groep", "Kopje waaronder de route staat, zoals 'Veiligheid' of 'School'.")
    situation: ShortText = field(
        "situatie", "De situatie, vanuit de professional: 'Je maakt je zorgen over ...'.")
    destination: ShortText = field("naar", "Waar je naartoe gaat, zoals 'Veilig Thuis'.")
    how: Text = field("hoe", "Wat je doet: bellen, overleggen, aanmelden; kort en concreet.")
    partners: list[Id] = field("partners", "Partners die bij deze route horen (ids uit partners/).",
                               default_factory=list, json_schema_extra=listed("partners"))
    contact: Contact | None = field("contact", "Contact, als de route naar een organisatie buiten het CJG gaat.",
                                    default=None)
    age: AgeRange | None = field("leeftijd", "Voor welke leeftijd de route geldt.", default=None)
    urgent: bool = field("spoed", "true als het om acute zorgen of gevaar gaat.", default=False)

    @model_validator(mode="after")
    def _somewhere(self) -> ReferralRoute:
        if not (self.partners or self.contact):
            raise problem("er staat niet bij wie je terechtkunt.",
                          "vul 'partners' in met ids uit partners/, of 'contact' met een telefoon of website.")
        return self


# --- the loket (one contact point) -------------------------------------------------------------

class ClosedDay(Record):
    """A day the loket is closed, such as a public holiday."""

    date: Date = field("datum", "Datum als JJJJ-MM-DD.")
    reason: Line = field("reden", "Waarom, zoals 'Tweede Kerstdag'.", default="")


class ContactPoint(Record):
    """The CJG's one contact point: address, phone, e-mail, opening hours and closed days."""

    name: ShortText = field("naam", "Naam van het loket, zoals 'CJG Dronten'.")
    address: Address = field("adres", "Bezoekadres van het loket.")
    phone: Phone = field("telefoon", "Telefoonnummer van het loket.")
    email: Email = field("email", "E-mailadres van het loket.")
    opening_hours: list[OpeningHours] = field("openingstijden", "Wanneer het loket open is, per dag.",
                                              min_length=1)
    closed: list[ClosedDay] = field("gesloten", "Dagen dat het loket dicht is, zoals feestdagen.",
                                    default_factory=list)
    note: Text = field("toelichting", "Extra uitleg, bijvoorbeeld over bellen buiten openingstijden.",
                       default="")
