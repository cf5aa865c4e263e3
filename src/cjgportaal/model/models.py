"""The data model: one source of truth for partner and offering files and the site's lists.

Python names are English; the YAML field names (aliases) are Dutch. The JSON Schema that editors
and CI use is generated from these classes (see `schema.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal, TypedDict, TypeVar, Unpack, overload

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic.config import JsonDict

from .fieldtypes import AgeMonths, Date, Email, GithubHandle, Id, Phone, Postcode, ShortText, TimeOfDay, WebUrl, listed, problem
from .vocabulary import AccessRoute, Audience, CostKind, EvidenceLevel, Role, SessionStatus, Status, Weekday


class Record(BaseModel):
    """Base for every record: Dutch aliases, unknown fields refused, whitespace trimmed."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True,
                              validate_by_alias=True, validate_by_name=False,
                              coerce_numbers_to_str=True)


_T = TypeVar("_T")


class _FieldOptions(TypedDict, total=False):
    """The constraints and schema extras `_f` passes on to pydantic's `Field`."""

    min_length: int
    ge: float
    json_schema_extra: JsonDict


# `_f` is `Field` with the alias and description first. Its overloads mirror `Field`'s: with a
# default (or a default factory) the result has the default's type, so mypy checks it against the
# annotation; a required field gets `Any`, exactly as `Field` itself returns for it.
@overload
def _f(alias: str, description: str, *, default: _T, **kwargs: Unpack[_FieldOptions]) -> _T: ...
@overload
def _f(alias: str, description: str, *, default_factory: Callable[[], _T],
       **kwargs: Unpack[_FieldOptions]) -> _T: ...
@overload
def _f(alias: str, description: str, **kwargs: Unpack[_FieldOptions]) -> Any: ...
def _f(alias: str, description: str, **kwargs: Any) -> Any:
    return Field(alias=alias, description=description, **kwargs)


# --- the site's lists --------------------------------------------------------------------------

class ListItem(Record):
    """One entry of a simple list: themes, partner types, tiers, kinds, languages, referrers."""

    id: Id = _f("id", "Korte, vaste naam: kleine letters, cijfers en streepjes.")
    name: ShortText = _f("naam", "Naam zoals bezoekers die zien.")
    description: str = _f("omschrijving", "Korte uitleg.", default="")


class AgeBand(ListItem):
    """An age band (life phase) with its range; `tot` is exclusive."""

    start: AgeMonths = _f("van", "Vanaf deze leeftijd.")
    end: AgeMonths = _f("tot", "Tot (niet tot en met) deze leeftijd.")


class Area(Record):
    """A kern or wijk of a municipality."""

    id: Id = _f("id", "Korte, vaste naam van de kern of wijk.")
    name: ShortText = _f("naam", "Naam van de kern of wijk.")


class Municipality(Record):
    """A municipality and its kernen or wijken."""

    id: Id = _f("id", "Korte, vaste naam van de gemeente.")
    name: ShortText = _f("naam", "Naam van de gemeente.")
    area_word: ShortText = _f("gebiedsnaam", "Hoe de delen heten: kern of wijk.", default="kern")
    areas: list[Area] = _f("gebieden", "De kernen of wijken.", min_length=1)


class Places(Record):
    """The file of places: municipalities with their kernen or wijken."""

    municipalities: list[Municipality] = _f("gemeenten", "De gemeenten van het CJG.", min_length=1)


class YouthWorker(Record):
    """A jongerenwerker or straathoekwerker: a first name or a team, where to find them, how to reach them."""

    id: Id = _f("id", "Korte, vaste naam.")
    role: Literal["jongerenwerker", "straathoekwerker"] = _f("rol", "jongerenwerker of straathoekwerker.")
    name: ShortText = _f("naam", "Voornaam of naam van het team (geen achternaam).")
    organisation: Id = _f("organisatie", "Id van de partner.", json_schema_extra=listed("partners"))
    area: Id = _f("gebied", "Kern of wijk (id uit data/plaatsen.yml).", json_schema_extra=listed("gebieden"))
    image: Annotated[str, Field(pattern=r"^[a-z0-9-]+\.(svg|png|jpg|webp)$")] = _f(
        "afbeelding", "Bestandsnaam van de foto of tekening in theme/assets/images/jongeren/.")
    where_when: str = _f("waar_en_wanneer", "Waar en wanneer je deze jongerenwerker vindt.")
    phone: Phone | None = _f("telefoon", "Telefoonnummer.", default=None)
    whatsapp: Phone | None = _f("whatsapp", "Nummer voor WhatsApp.", default=None)
    instagram: WebUrl | None = _f("instagram", "Link naar het Instagram-account.", default=None)
    email: Email | None = _f("email", "E-mailadres.", default=None)

    @model_validator(mode="after")
    def _reachable(self) -> YouthWorker:
        if not (self.phone or self.whatsapp or self.instagram or self.email):
            raise problem("er staat niet in hoe jongeren deze jongerenwerker bereiken.",
                          "vul minstens één van telefoon, whatsapp, instagram of email in.")
        return self


class Helpline(Record):
    """A national helpline for young people."""

    id: Id = _f("id", "Korte, vaste naam.")
    name: ShortText = _f("naam", "Naam van de hulplijn.")
    phone: Phone | None = _f("telefoon", "Telefoonnummer.", default=None)
    website: WebUrl | None = _f("website", "Website, bijvoorbeeld om te chatten.", default=None)
    hours: str = _f("bereikbaar", "Wanneer de hulplijn bereikbaar is.")
    purpose: str = _f("waarvoor", "Waarvoor je kunt bellen of chatten.")


# --- shared parts ------------------------------------------------------------------------------

class Address(Record):
    """A visiting address."""

    name: str = _f("naam", "Naam van het gebouw, zoals 'De Meerpaal'.", default="")
    street: ShortText = _f("straat", "Straat en huisnummer.")
    postcode: Postcode = _f("postcode", "Postcode, zoals 8251 EX.")
    town: ShortText = _f("plaats", "Plaats.")
    area: Id = _f("gebied", "De kern of wijk (id uit data/plaatsen.yml).",
                  json_schema_extra=listed("gebieden"))


class Contact(Record):
    """How to reach someone; at least one way."""

    name: str = _f("naam", "Functie of team (geen naam van een privépersoon).", default="")
    phone: Phone | None = _f("telefoon", "Telefoonnummer met netnummer.", default=None)
    email: Email | None = _f("email", "E-mailadres.", default=None)
    website: WebUrl | None = _f("website", "Webadres met https://.", default=None)

    @model_validator(mode="after")
    def _one_way(self) -> Contact:
        if not (self.phone or self.email or self.website):
            raise problem("er staat geen telefoon, e-mail of website in.",
                          "vul minstens één van telefoon, email of website in.")
        return self


class AgeRange(Record):
    """An age range in months; `tot` is exclusive."""

    start: AgeMonths = _f("van", "Vanaf deze leeftijd, bijvoorbeeld 0, '18 maanden' of 'zwangerschap'.")
    end: AgeMonths = _f("tot", "Tot (niet tot en met) deze leeftijd, bijvoorbeeld '4 jaar'.")

    @model_validator(mode="after")
    def _ordered(self) -> AgeRange:
        if self.start >= self.end:
            raise problem("de leeftijd 'van' is hoger dan of gelijk aan 'tot'.",
                          "zet de jongste leeftijd bij 'van' en de oudste bij 'tot'.")
        return self


class Review(Record):
    """Freshness fields shared by partners and offerings."""

    checked: Date = _f("gecontroleerd", "Datum waarop alles voor het laatst is nagekeken.")
    review_by: Date | None = _f("controleren_voor",
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

    id: Id = _f("id", "Korte, vaste naam; gelijk aan de bestandsnaam.")
    name: ShortText = _f("naam", "Naam van de organisatie.")
    type: Id = _f("type", "Soort organisatie (id uit data/partnertypes.yml).",
                  json_schema_extra=listed("partnertypes"))
    summary: Annotated[str, Field(min_length=1, max_length=300)] = _f(
        "samenvatting", "Wat de organisatie doet, in één of twee zinnen (B1).")
    description: str = _f("beschrijving", "Langere uitleg; Markdown mag.", default="")
    role: Role = _f("rol", "kernpartner (in het kernteam) of partner.")
    core_tasks: list[ShortText] = _f("kerntaken", "De belangrijkste taken, kort.", default_factory=list)
    website: WebUrl | None = _f("website", "Website met https://.", default=None)
    phone: Phone | None = _f("telefoon", "Algemeen telefoonnummer.", default=None)
    email: Email | None = _f("email", "Algemeen e-mailadres.", default=None)
    addresses: list[Address] = _f("adressen", "Bezoekadressen.", default_factory=list)
    service_area: list[Id] = _f("werkgebied", "Gemeenten, kernen of wijken waar de organisatie werkt.",
                                min_length=1, json_schema_extra=listed("plaatsen"))
    consultation: Contact | None = _f("consultatie",
                                      "Aanspreekpunt voor overleg met andere professionals.",
                                      default=None)
    age: AgeRange | None = _f("leeftijd", "Voor welke leeftijden de organisatie er is.", default=None)
    referral: str = _f("verwijzen", "Hoe andere professionals een kind of gezin naar de organisatie "
                       "verwijzen of aanmelden.", default="")
    maintainers: list[GithubHandle] = _f("beheerders", "GitHub-namen van wie dit bestand bijhoudt.",
                                         min_length=1)


# --- offering ----------------------------------------------------------------------------------

class Access(Record):
    """How people get in: free walk-in, sign up, or referral by whom."""

    route: AccessRoute = _f("route", "vrij-toegankelijk, aanmelden of verwijzing.")
    referrers: list[Id] = _f("verwijzers", "Wie kan verwijzen (ids uit data/verwijzers.yml).",
                             default_factory=list, json_schema_extra=listed("verwijzers"))
    note: str = _f("toelichting", "Extra uitleg.", default="")

    @model_validator(mode="after")
    def _referrers_for_referral(self) -> Access:
        if self.route == "verwijzing" and not self.referrers:
            raise problem("bij 'verwijzing' staat niet wie kan verwijzen.",
                          "vul 'verwijzers' in, bijvoorbeeld [huisarts, jeugdarts].", "verwijzers")
        return self


class Cost(Record):
    """What it costs."""

    kind: CostKind = _f("soort", "gratis, eigen-bijdrage of vergoed.")
    amount: float | None = _f("bedrag", "Bedrag in euro's.", default=None, ge=0)
    note: str = _f("toelichting", "Extra uitleg, bijvoorbeeld over korting.", default="")


class Location(Record):
    """A venue where the offering takes place."""

    name: ShortText = _f("naam", "Naam van de plek, zoals 'Dorpshuis De Steiger'.")
    street: str = _f("straat", "Straat en huisnummer.", default="")
    postcode: Postcode | None = _f("postcode", "Postcode.", default=None)
    town: str = _f("plaats", "Plaats.", default="")
    area: Id = _f("gebied", "De kern of wijk (id uit data/plaatsen.yml).",
                  json_schema_extra=listed("gebieden"))


class TimeSlot(Record):
    """Shared start/end times, checked for order."""

    start: TimeOfDay = _f("van", "Begintijd, zoals \"09:00\".")
    end: TimeOfDay = _f("tot", "Eindtijd, zoals \"11:30\".")
    location: str = _f("locatie", "Naam van een van de locaties hierboven.", default="")
    note: str = _f("opmerking", "Korte opmerking.", default="")

    @model_validator(mode="after")
    def _ordered(self) -> TimeSlot:
        if self.end <= self.start:
            raise problem("de eindtijd ligt vóór of op de begintijd.",
                          "controleer 'van' en 'tot'; schrijf tijden als \"09:00\".", "tot")
        return self


class OpeningHours(TimeSlot):
    """A weekly recurring time, such as a walk-in hour."""

    day: Weekday = _f("dag", "Dag van de week, zoals dinsdag.")


class Session(TimeSlot):
    """A dated session of a course or theme evening."""

    date: Date = _f("datum", "Datum als JJJJ-MM-DD.")
    status: SessionStatus = _f("status", "gepland, vol of geannuleerd.", default="gepland")


class SignUp(Record):
    """How to sign up."""

    how: str = _f("uitleg", "Hoe aanmelden werkt, in een paar zinnen.", default="")
    website: WebUrl | None = _f("website", "Aanmeldpagina.", default=None)
    phone: Phone | None = _f("telefoon", "Telefoonnummer voor aanmelden.", default=None)
    email: Email | None = _f("email", "E-mailadres voor aanmelden.", default=None)


class Evidence(Record):
    """Recognition in the NJi databank of effective youth interventions."""

    level: EvidenceLevel = _f("nji", "Oordeel van de erkenningscommissie.")
    since: Date | None = _f("datum", "Datum van het oordeel.", default=None)
    link: WebUrl | None = _f("link", "Link naar de interventie in de NJi-databank.", default=None)


class Notice(Record):
    """A short-term notice, such as 'no sessions in the summer holiday'."""

    text: Annotated[str, Field(min_length=1, max_length=300)] = _f("tekst", "De mededeling.")
    until: Date | None = _f("tot", "Laat de mededeling tot en met deze datum zien.", default=None)


class Offering(Review):
    """An offering (aanbod) of one partner."""

    id: Id = _f("id", "Korte, vaste naam; gelijk aan de bestandsnaam.")
    title: ShortText = _f("titel", "Naam van het aanbod.")
    partner: Id = _f("partner", "Id van de partner die dit aanbiedt.", json_schema_extra=listed("partners"))
    summary: Annotated[str, Field(min_length=1, max_length=300)] = _f(
        "samenvatting", "Waar het over gaat, in één of twee zinnen (B1).")
    description: str = _f("beschrijving", "Langere uitleg; Markdown mag.", default="")
    audiences: list[Audience] = _f("doelgroepen", "Voor wie: ouders, jongeren en/of professionals.",
                                   min_length=1)
    age: AgeRange = _f("leeftijd", "Leeftijd van het kind of de jongere.")
    themes: list[Id] = _f("themas", "Thema's (ids uit data/themas.yml).", min_length=1,
                          json_schema_extra=listed("themas"))
    tiers: list[Id] = _f("niveaus", "Niveau(s) van ondersteuning (ids uit data/niveaus.yml).",
                         min_length=1, json_schema_extra=listed("niveaus"))
    kind: Id = _f("soort", "Soort aanbod (id uit data/soorten.yml).", json_schema_extra=listed("soorten"))
    access: Access = _f("toegang", "Hoe kom je erin.")
    cost: Cost = _f("kosten", "Wat het kost.")
    locations: list[Location] = _f("locaties", "Waar het is; leeg bij online of telefonisch aanbod.",
                                   default_factory=list)
    opening_hours: list[OpeningHours] = _f("openingstijden", "Vaste tijden per week.", default_factory=list)
    sessions: list[Session] = _f("bijeenkomsten", "Bijeenkomsten met een datum (cursussen, avonden).",
                                 default_factory=list)
    sign_up: SignUp | None = _f("aanmelden", "Hoe je je aanmeldt.", default=None)
    contact: Contact = _f("contact", "Contact voor vragen over dit aanbod.")
    languages: list[Id] = _f("talen", "Talen (ids uit data/talen.yml).", default_factory=lambda: ["nl"],
                             json_schema_extra=listed("talen"))
    accessibility: str = _f("toegankelijkheid", "Rolstoel, gebarentolk, ringleiding, enzovoort.",
                            default="")
    evidence: Evidence | None = _f("onderbouwing", "Erkenning in de NJi-databank.", default=None)
    status: Status = _f("status", "actief, vol, gepauzeerd of gestopt.", default="actief")
    notice: Notice | None = _f("mededeling", "Tijdelijke mededeling.", default=None)


# --- referral routes (verwijswijzer) ----------------------------------------------------------

class ReferralRoute(Record):
    """A situation a professional meets and where to go with it."""

    id: Id = _f("id", "Korte, vaste naam.")
    group: ShortText = _f("groep", "Kopje waaronder de route staat, zoals 'Veiligheid' of 'School'.")
    situation: Annotated[str, Field(min_length=1, max_length=300)] = _f(
        "situatie", "De situatie, vanuit de professional: 'Je maakt je zorgen over ...'.")
    destination: ShortText = _f("naar", "Waar je naartoe gaat, zoals 'Veilig Thuis'.")
    how: str = _f("hoe", "Wat je doet: bellen, overleggen, aanmelden; kort en concreet.")
    partners: list[Id] = _f("partners", "Partners die bij deze route horen (ids uit partners/).",
                            default_factory=list, json_schema_extra=listed("partners"))
    contact: Contact | None = _f("contact", "Contact, als de route naar een organisatie buiten het CJG gaat.",
                                 default=None)
    age: AgeRange | None = _f("leeftijd", "Voor welke leeftijd de route geldt.", default=None)
    urgent: bool = _f("spoed", "true als het om acute zorgen of gevaar gaat.", default=False)

    @model_validator(mode="after")
    def _somewhere(self) -> ReferralRoute:
        if not (self.partners or self.contact):
            raise problem("er staat niet bij wie je terechtkunt.",
                          "vul 'partners' in met ids uit partners/, of 'contact' met een telefoon of website.")
        return self


# --- the loket (one contact point) -------------------------------------------------------------

class ClosedDay(Record):
    """A day the loket is closed, such as a public holiday."""

    date: Date = _f("datum", "Datum als JJJJ-MM-DD.")
    reason: str = _f("reden", "Waarom, zoals 'Tweede Kerstdag'.", default="")


class ContactPoint(Record):
    """The CJG's one contact point: address, phone, e-mail, opening hours and closed days."""

    name: ShortText = _f("naam", "Naam van het loket, zoals 'CJG Dronten'.")
    address: Address = _f("adres", "Bezoekadres van het loket.")
    phone: Phone = _f("telefoon", "Telefoonnummer van het loket.")
    email: Email = _f("email", "E-mailadres van het loket.")
    opening_hours: list[OpeningHours] = _f("openingstijden", "Wanneer het loket open is, per dag.",
                                           min_length=1)
    closed: list[ClosedDay] = _f("gesloten", "Dagen dat het loket dicht is, zoals feestdagen.",
                                 default_factory=list)
    note: str = _f("toelichting", "Extra uitleg, bijvoorbeeld over bellen buiten openingstijden.",
                   default="")
