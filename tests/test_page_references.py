"""Links from hand-written pages to offerings, partners and helplines by id (render/references.py)."""

from __future__ import annotations

from pathlib import Path

from cjgportaal.render.references import Target, mentions, resolve

from .conftest import copy_project, edit, mkdocs_build

TARGETS = {
    "aanbod": {"peuter-in-zicht": Target("../../aanbod/peuter-in-zicht/")},
    "partner": {"mdf": Target("../../organisaties/mdf/")},
    "hulplijn": {"zelfmoordpreventie": Target("tel:+318000113", lambda: '<aside class="x">\n\n  <p>113</p>\n</aside>')},
}


def test_links_by_id_become_relative_links() -> None:
    markdown, problems = resolve("De cursus [Peuter in zicht](aanbod:peuter-in-zicht) van [MDF](partner:mdf).", TARGETS)
    assert markdown == "De cursus [Peuter in zicht](../../aanbod/peuter-in-zicht/) van [MDF](../../organisaties/mdf/)."
    assert problems == []
    assert mentions("[x](partner:mdf)") and not mentions("[x](https://example.org/) en aanbod:los")


def test_a_helpline_alone_in_a_paragraph_becomes_its_block_and_in_a_sentence_a_call_link() -> None:
    markdown, _ = resolve("Tekst.\n\n[113](hulplijn:zelfmoordpreventie)\n\nBel [113](hulplijn:zelfmoordpreventie) nu.\n"
                          "- [113](hulplijn:zelfmoordpreventie)", TARGETS)
    assert markdown == ('Tekst.\n\n<aside class="x">\n<p>113</p>\n</aside>\n\nBel [113](tel:+318000113) nu.\n'
                        "- [113](tel:+318000113)")


def test_an_unknown_id_leaves_the_text_and_says_what_was_meant() -> None:
    markdown, problems = resolve("Zie [de cursus](aanbod:peuter-in-zich).", TARGETS)
    assert markdown == "Zie de cursus."
    assert problems == ["[de cursus](aanbod:peuter-in-zich): aanbod 'peuter-in-zich' bestaat niet; "
                        "bedoelde je 'aanbod:peuter-in-zicht'?"]


def test_a_reference_cannot_smuggle_in_a_script() -> None:
    markdown, problems = resolve("[klik](aanbod:javascript:alert(1)) [x](partner:<b>)", TARGETS)
    assert "javascript" not in markdown and "<b>" not in markdown
    assert len(problems) == 2 and all("geen goede verwijzing" in p for p in problems)


def test_unknown_ids_fail_the_strict_build_with_file_and_id(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    edit(project, "content/ouders/peuter.md", "(aanbod:peuter-in-zicht)", "(aanbod:peuter-in-zich)")
    edit(project, "content/jongeren/thuis.md", "(hulplijn:veilig-thuis)", "(hulplijn:veilig-thuiss)")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert ("content/ouders/peuter.md: [Peuter in zicht](aanbod:peuter-in-zich): aanbod 'peuter-in-zich' bestaat "
            "niet; bedoelde je 'aanbod:peuter-in-zicht'?") in result.stderr
    assert "content/jongeren/thuis.md: [Veilig Thuis](hulplijn:veilig-thuiss): hulplijn 'veilig-thuiss' bestaat niet; " \
           "bedoelde je 'hulplijn:veilig-thuis'?" in result.stderr
