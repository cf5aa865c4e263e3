"""`cjg new`: the files it writes validate, in the right place, and it refuses a taken id."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import cjg, copy_project


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "p")


@pytest.mark.parametrize(
    ("args", "created"),
    [
        (["cursus", "--titel", "Beter omgaan met pubers (Swifterbant)", "--partner", "ggd-flevoland",
          "--gebied", "swifterbant", "--thema", "opvoeden", "--doelgroep", "ouders"],
         "offerings/beter-omgaan-met-pubers-swifterbant.yml"),
        (["aanbod", "--titel", "Inloop in Biddinghuizen", "--partner", "ggd-flevoland",
          "--gebied", "biddinghuizen", "--doelgroep", "jongeren"], "offerings/inloop-in-biddinghuizen.yml"),
        (["aanbod", "--titel", "Online spreekuur", "--id", "online-spreekuur-ggd", "--partner", "ggd-flevoland"],
         "offerings/online-spreekuur-ggd.yml"),
        (["partner", "--titel", "Huisartsenpraktijk Swifterbant", "--beheerder", "praktijk-s"],
         "partners/huisartsenpraktijk-swifterbant.yml"),
    ],
)
def test_new_files_validate(project: Path, args: list[str], created: str) -> None:
    config = str(project / "mkdocs.yml")
    result = cjg("--config", config, "new", *args, "--geen-vragen")
    assert result.returncode == 0, result.stderr
    path = project / created
    if not path.exists():  # offerings go into the partner's own folder when it has one
        path = project / "offerings" / "ggd-flevoland" / Path(created).name
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    depth = len(path.relative_to(project).parts) - 1
    assert f"$schema={'../' * depth}schemas/" in text
    check = cjg("--config", config, "validate")
    assert check.returncode == 0, check.stdout
    assert "waarschuwing" not in check.stdout


def test_taken_id_is_refused(project: Path) -> None:
    result = cjg("--config", str(project / "mkdocs.yml"), "new", "aanbod", "--titel", "Peuter in zicht",
                 "--partner", "ggd-flevoland", "--geen-vragen")
    assert result.returncode == 1
    assert "de id 'peuter-in-zicht' wordt ook gebruikt in offerings/peuter-in-zicht.yml" in result.stderr


def test_unknown_partner_and_missing_flags(project: Path) -> None:
    config = str(project / "mkdocs.yml")
    result = cjg("--config", config, "new", "aanbod", "--titel", "X y", "--partner", "ggd-flevolnd", "--geen-vragen")
    assert result.returncode == 1 and "bedoelde je 'ggd-flevoland'?" in result.stderr
    result = cjg("--config", config, "new", "partner", "--titel", "Nieuw", "--geen-vragen")
    assert result.returncode == 2 and "--beheerder" in result.stderr
