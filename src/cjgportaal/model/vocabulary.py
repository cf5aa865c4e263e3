"""Fixed national vocabularies with their Dutch labels.

Lists that differ per municipality (themes, places, partner types, tiers, kinds, languages,
referrers, age bands) are data files of the site; these are the same everywhere.
"""

from __future__ import annotations

from typing import Literal

Audience = Literal["ouders", "jongeren", "professionals"]
AccessRoute = Literal["vrij-toegankelijk", "aanmelden", "verwijzing"]
CostKind = Literal["gratis", "eigen-bijdrage", "vergoed"]
Status = Literal["actief", "vol", "gepauzeerd", "gestopt"]
SessionStatus = Literal["gepland", "vol", "geannuleerd"]
Role = Literal["kernpartner", "partner"]
Weekday = Literal["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
EvidenceLevel = Literal[
    "goed-onderbouwd",
    "effectief-eerste-aanwijzingen",
    "effectief-goede-aanwijzingen",
    "effectief-sterke-aanwijzingen",
]

WEEKDAYS: tuple[str, ...] = Weekday.__args__  # type: ignore[attr-defined]
AUDIENCES: tuple[str, ...] = Audience.__args__  # type: ignore[attr-defined]
ACCESS_ROUTES: tuple[str, ...] = AccessRoute.__args__  # type: ignore[attr-defined]
COST_KINDS: tuple[str, ...] = CostKind.__args__  # type: ignore[attr-defined]
EVIDENCE_LEVELS: tuple[str, ...] = EvidenceLevel.__args__  # type: ignore[attr-defined]

LABELS: dict[str, str] = {
    "ouders": "Ouders en opvoeders",
    "jongeren": "Jongeren",
    "professionals": "Professionals",
    "vrij-toegankelijk": "Vrij toegankelijk",
    "aanmelden": "Aanmelden nodig",
    "verwijzing": "Verwijzing nodig",
    "gratis": "Gratis",
    "eigen-bijdrage": "Eigen bijdrage",
    "vergoed": "Vergoed (bijvoorbeeld door de zorgverzekering)",
    "actief": "Actief",
    "vol": "Vol",
    "gepauzeerd": "Tijdelijk gestopt",
    "gestopt": "Gestopt",
    "gepland": "Gaat door",
    "geannuleerd": "Gaat niet door",
    "kernpartner": "Kernpartner (in het kernteam van het CJG)",
    "partner": "Partner",
    "goed-onderbouwd": "Goed onderbouwd (NJi)",
    "effectief-eerste-aanwijzingen": "Effectief volgens eerste aanwijzingen (NJi)",
    "effectief-goede-aanwijzingen": "Effectief volgens goede aanwijzingen (NJi)",
    "effectief-sterke-aanwijzingen": "Effectief volgens sterke aanwijzingen (NJi)",
}


def label(value: str) -> str:
    """The Dutch label of a fixed vocabulary value."""
    return LABELS.get(value, value)
