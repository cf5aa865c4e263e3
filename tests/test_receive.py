"""`cjg ontvang`: a file a partner e-mailed, put in its place, checked and compared with the current one."""

from __future__ import annotations

import subprocess
import sys
from email.message import EmailMessage
from pathlib import Path

import pytest

from cjgportaal.render.form import MESSAGE_END, MESSAGE_START

from .conftest import OFFERING, ROOT, build_env, copy_project


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "p")


def _ontvang(project: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cjgportaal.tools.cli", "--config", str(project / "mkdocs.yml"),
                           "ontvang", *args], input=stdin, capture_output=True, text=True, env=build_env(),
                          timeout=120)


def _mail(body: str) -> str:
    """A message as a partner's e-mail program sends it: greeting, markers, signature, and quoted once."""
    quoted = "\n".join(f"> {line}" for line in f"{MESSAGE_START}\n{body}{MESSAGE_END}".splitlines())
    return f"Beste coördinator,\n\nHierbij de nieuwe data.\n\n{quoted}\n\nMet groet,\nTeam JGZ\n"


def test_a_changed_course_from_a_pasted_message(project: Path) -> None:
    current = (project / OFFERING).read_text(encoding="utf-8")
    changed = current.replace("2027-02-23", "2027-03-02")
    assert changed != current
    result = _ontvang(project, "-", stdin=_mail(changed))
    assert result.returncode == 0, result.stdout + result.stderr
    diff = [line for line in result.stdout.splitlines() if line.startswith(("+", "-")) and line[:3] not in ("+++", "---")]
    assert len(diff) == 2 and "2027-02-23" in diff[0] and "2027-03-02" in diff[1]
    assert f"Geschreven: {OFFERING} (gewijzigd)." in result.stdout and "In orde." in result.stdout
    assert (project / OFFERING).read_text(encoding="utf-8") == changed


def test_a_new_offering_from_a_saved_email_with_an_attachment(project: Path) -> None:
    text = (ROOT / OFFERING).read_text(encoding="utf-8").replace("id: peuter-in-zicht", "id: peuter-in-beeld")
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "jgz@voorbeeld.nl", "cjg@voorbeeld.nl", "Nieuw aanbod"
    message.set_content("Zie de bijlage.")
    message.add_attachment(text.encode("utf-8"), maintype="application", subtype="x-yaml", filename="peuter-in-beeld.yml")
    saved = project / "bericht.eml"
    saved.write_bytes(bytes(message))
    result = _ontvang(project, str(saved))
    assert result.returncode == 0, result.stdout + result.stderr
    own = project / "offerings/ggd-flevoland"  # the partner's own folder, when it has one
    place = f"{'offerings/ggd-flevoland' if own.is_dir() else 'offerings'}/peuter-in-beeld.yml"
    assert f"Geschreven: {place} (nieuw)." in result.stdout
    assert (project / place).read_text(encoding="utf-8") == text


def test_a_broken_file_is_reported_in_dutch_with_line_and_field(project: Path) -> None:
    broken = (ROOT / OFFERING).read_text(encoding="utf-8").replace("soort: gratis", "soort: goedkoop")
    result = _ontvang(project, "-", "--alleen-bekijken", stdin=_mail(broken))
    assert result.returncode == 1
    line = broken.splitlines().index("  soort: goedkoop") + 1
    assert f"{OFFERING}:{line}" in result.stdout and "kosten.soort" in result.stdout
    assert "Het bestand is nog niet in orde" in result.stdout and "Geschreven" not in result.stdout
    assert (project / OFFERING).read_text(encoding="utf-8") == (ROOT / OFFERING).read_text(encoding="utf-8")


@pytest.mark.parametrize("text, says", [
    ("id: ../../mkdocs\ntitel: x\npartner: ggd-flevoland\n", "geen geldige id"),
    ("id: x\ntitel: x\npartner: ../partners/x\n", "geen geldige partner"),
    ("naam: alleen een naam\n", "geen bestand van een partner of aanbod"),
    ("titel: [niet gesloten\n", "niet goed gesloten"),
])
def test_what_cannot_be_placed_is_not_written(project: Path, text: str, says: str) -> None:
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    result = _ontvang(project, "-", stdin=text)
    assert result.returncode == 1 and says in result.stderr and "Niets geschreven." in result.stderr
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == before
