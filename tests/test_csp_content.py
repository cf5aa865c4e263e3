"""The CSP hashes only the theme's inline scripts: a script written in a content page stops the build
with a Dutch message naming the file (issue 17, hostile data)."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.structure.files import File

from cjgportaal.adapter.csp import refuse_scripts
from cjgportaal.render.security import inline_script_hashes, script_tags

from .conftest import copy_project, edit, mkdocs_build

PAGE = "content/ouders/slapen.md"
ANCHOR = "## Tips\n"
MESSAGE = "content/ouders/slapen.md: een <script> in een pagina is niet toegestaan"

# Script elements a browser would run (or that could load a file of the site's own): all refused.
RUNNABLE = [
    "<script>alert(1)</script>",
    "<SCRIPT>alert(1)</SCRIPT>",
    "<script\n>alert(1)</script>",
    "<script/x>alert(1)</script>",
    "<script>alert(1)",  # unclosed: a browser runs it up to the theme's next </script>
    '<script src="/assets/javascripts/cjg.js"></script>',
    '<script type="module">import("/x.js")</script>',
    '<script type="text/javascript">alert(1)</script>',
    '<script type=" TEXT/JavaScript ">alert(1)</script>',
    '<script type="">alert(1)</script>',
    '<script type="importmap">{"imports": {}}</script>',
    '<script type="text/javascript; charset=utf-8">alert(1)</script>',
    "<script data-x='type=\"application/json\"'>alert(1)</script>",
    '<script type="text/javascript" type="application/json">alert(1)</script>',
    '<script language="javascript">alert(1)</script>',
    '<svg><script href="data:,alert(1)"></script></svg>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "<!-- <script>alert(1)</script> -->",  # stricter than a browser, on purpose
]
# Data blocks: a browser keeps them as text, the policy need not allow them.
DATA = [
    '<script type="application/json">{"a": 1}</script>',
    "<script type='application/ld+json'>{}</script>",
    '<script id="x" type=application/json>[]</script>',
    '<script type="application&#47;json">{}</script>',  # a browser reads the entity too
    "<p>Over het woord &lt;script&gt; en <code>&lt;script&gt;</code>.</p>",
    "<p>scripts, <scripture>, description</p>",
]


@pytest.mark.parametrize("html", RUNNABLE)
def test_runnable_scripts_are_found(html: str) -> None:
    assert len(script_tags(f"<p>Tekst</p>{html}<p>meer</p>")) == 1


@pytest.mark.parametrize("html", DATA)
def test_data_blocks_and_text_are_not_scripts(html: str) -> None:
    assert script_tags(html) == []


def test_a_generated_page_may_load_script_files_but_not_run_inline_code() -> None:
    generated = File("professionals/aanbod-aanmelden.md", src_dir=None, dest_dir="/tmp/site", use_directory_urls=True)
    generated.generated_by = "cjg"
    refuse_scripts(generated, '<form></form><script src="../assets/javascripts/aanbod-formulier.js" defer></script>')
    with pytest.raises(Exception, match=r"aanbod-aanmelden\.md \(een pagina die de generator maakt\): een <script>"):
        refuse_scripts(generated, "<p>Cursus</p><script>alert(1)</script>")


@pytest.mark.parametrize("script", [
    "<script>window.__pwned = 1</script>\n",
    '<p>Een video:</p>\n<script src="/assets/javascripts/cjg.js" defer></script>\n',
    "<div markdown>\n<SCRIPT type=module>alert(1)\n</div>\n",
])
def test_a_script_in_a_markdown_page_stops_the_build(tmp_path: Path, script: str) -> None:
    project = copy_project(tmp_path / "p")
    edit(project, PAGE, ANCHOR, script + "\n" + ANCHOR)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert MESSAGE in result.stderr
    assert "Tip: wil je code laten zien, zet die dan in een codeblok" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site/ouders/slapen/index.html").exists()


def test_a_script_in_an_html_file_of_the_content_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    (project / "content/over/actie.html").write_text(
        "<!doctype html><title>Actie</title><p>Doe mee!</p><script>document.title = 'x'</script>\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "content/over/actie.html: een <script> in een pagina is niet toegestaan" in result.stderr
    assert "Traceback" not in result.stderr


def test_code_about_scripts_and_data_blocks_build_with_the_same_policy(tmp_path: Path, default_site: Path) -> None:
    project = copy_project(tmp_path / "p")
    edit(project, PAGE, ANCHOR, "Zo ziet een script eruit: `<script>alert(1)</script>`\n\n"
         "```html\n<script src=\"x.js\"></script>\n```\n\n"
         '<script type="application/json" id="slaaptijden">{"peuter": "19:00"}</script>\n\n' + ANCHOR)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site/ouders/slapen/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and 'id="slaaptijden"' in html
    assert (tmp_path / "site/_headers").read_text(encoding="utf-8") == \
        (default_site / "_headers").read_text(encoding="utf-8")


def test_the_theme_scripts_are_hashed(default_site: Path) -> None:
    headers = (default_site / "_headers").read_text(encoding="utf-8")
    html = (default_site / "ouders/slapen/index.html").read_text(encoding="utf-8")
    hashes = inline_script_hashes(html)
    assert hashes and all(digest in headers for digest in hashes)
    meta = html.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
    assert all(digest in meta for digest in hashes)


def test_the_theme_scripts_run_under_the_policy(browser, base_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    refused: list[str] = []
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text
            else None)
    page.goto(base_url + "ouders/slapen/", wait_until="networkidle")
    assert page.evaluate("() => typeof window.__md_scope") == "object"  # Material's inline script ran
    assert refused == []
    context.close()
