"""Partner Markdown: prose without Markdown is rendered without Python-Markdown, to the same HTML.

The examples are derandomised, so that CI runs the same cases every time.
"""

from __future__ import annotations

import markdown
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cjgportaal.render.formatting import prose_html, rich_text

# Words and the characters where prose and Markdown meet: line starts, list markers, spaces.
PIECES = ["Wij", "helpen", "ouders", "2027", " ", "  ", "\n", "\n\n", "\n ", " \n", ".", ",", "!", "?", ":", "/",
          "(", ")", '"', "'", "’", "–", "é", "€", "1.", "2)", "-", "- ", "+ ", "* ", "**", "_", "#", "> ", "==",
          "---", "<b>", "&amp;", "[x](y)", "`", "\\", "\t", "\u00a0", "\r\n"]
TEXTS = st.one_of(st.lists(st.sampled_from(PIECES), max_size=30).map("".join),
                  st.text(alphabet="ab1 \n.-)*_#>&<[`\\\t=+é’", max_size=60))


def _markdown(source: str) -> str:
    return markdown.Markdown(extensions=["sane_lists"], output_format="html").convert(source)


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(source=TEXTS)
@example("1. een")
@example("a\n\n12. b")
@example("Kop\n---")
@example("a  \nb")
def test_prose_gets_the_html_python_markdown_gives_it(source: str) -> None:
    html = prose_html(source)
    assert html is None or html == _markdown(source)


def test_descriptions_in_plain_sentences_take_the_shortcut() -> None:
    prose = "Wij helpen ouders (gratis).\nKom langs!\n\n\nBel 0321-123 456 of mail: ‘info’ – €5."
    assert prose_html(prose) == _markdown(prose) == "<p>Wij helpen ouders (gratis).\nKom langs!</p>\n" \
                                                    "<p>Bel 0321-123 456 of mail: ‘info’ – €5.</p>"
    assert prose_html("") == _markdown("") == ""


def test_markdown_goes_through_python_markdown() -> None:
    for source in ("- een\n- twee", "1. een", "**vet**", "tekst  \nregel", "    code", "Kop\n---", "a_b_c",
                   "<b>x</b>", "[x](https://x.nl)", "> citaat", "# kop"):
        assert prose_html(source) is None, source
    assert str(rich_text("Zie **dit**.\n\n- een\n- twee")) == \
        "<p>Zie <strong>dit</strong>.</p>\n<ul>\n<li>een</li>\n<li>twee</li>\n</ul>"
