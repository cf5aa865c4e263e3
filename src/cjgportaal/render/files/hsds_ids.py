"""Stable HSDS ids: UUIDs derived from the site and an entry's own id, the same in every build."""

from __future__ import annotations

import uuid
from functools import cache

# A fixed namespace for this generator; each site gets its own namespace below it.
GENERATOR_NAMESPACE = uuid.UUID("6b0f3c1e-2f5a-5d0e-9c4b-7a1d3e8f2c60")


def site_namespace(site_url: str | None) -> uuid.UUID:
    """The namespace of one site: two municipalities never share an id."""
    return uuid.uuid5(GENERATOR_NAMESPACE, (site_url or "").rstrip("/"))


@cache  # the exporter asks for the same ids from several tables
def hsds_id(namespace: uuid.UUID, *parts: object) -> str:
    """A UUID for the thing named by `parts`, e.g. ("aanbod", "peuter-in-zicht", "locatie", 0)."""
    return str(uuid.uuid5(namespace, "/".join(str(part) for part in parts)))
