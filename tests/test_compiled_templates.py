"""Compiled templates kept on disk: a new process runs the stored code, an edited template is
compiled again, and a folder that cannot be used only costs the compiling."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import jinja2
import pytest

from cjgportaal.render.compiled_templates import CompiledTemplates

SOURCE = "{% for n in names %}<li>{{ n }}</li>{% endfor %}"


def _environment(code: CompiledTemplates, source: str = SOURCE) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.DictLoader({"lijst.html": source}), bytecode_cache=code,
                              autoescape=True)


def _without_compiling(env: jinja2.Environment) -> jinja2.Environment:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the template was compiled again")
    env.compile = refuse  # type: ignore[method-assign]
    return env


def _render(env: jinja2.Environment) -> str:
    return env.get_template("lijst.html").render(names=["Zorg & Welzijn", "GGD"])


EXPECTED = "<li>Zorg &amp; Welzijn</li><li>GGD</li>"


def test_a_new_process_runs_the_code_the_last_one_stored(tmp_path: Path) -> None:
    assert _render(_environment(CompiledTemplates(str(tmp_path)))) == EXPECTED
    assert len(list(tmp_path.iterdir())) == 1
    # A new instance has nothing in memory, as in the next build's process.
    assert _render(_without_compiling(_environment(CompiledTemplates(str(tmp_path))))) == EXPECTED


def test_the_next_build_of_mkdocs_serve_takes_the_code_from_memory(tmp_path: Path) -> None:
    code = CompiledTemplates(str(tmp_path))
    _render(_environment(code))
    for stored in tmp_path.iterdir():
        stored.unlink()
    assert _render(_without_compiling(_environment(code))) == EXPECTED


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    _render(_environment(CompiledTemplates(str(tmp_path))))
    edited = _environment(CompiledTemplates(str(tmp_path)), SOURCE.replace("<li>", "<li class=x>"))
    assert _render(edited) == EXPECTED.replace("<li>", "<li class=x>")


def test_a_damaged_file_is_compiled_again(tmp_path: Path) -> None:
    _render(_environment(CompiledTemplates(str(tmp_path))))
    (stored,) = tmp_path.iterdir()
    stored.write_bytes(stored.read_bytes()[:-40])
    assert _render(_environment(CompiledTemplates(str(tmp_path)))) == EXPECTED


def test_a_folder_that_cannot_be_written_keeps_the_code_in_memory(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "bestand"
    not_a_folder.write_text("", encoding="utf-8")
    code = CompiledTemplates(str(not_a_folder))
    assert _render(_environment(code)) == EXPECTED
    assert _render(_without_compiling(_environment(code))) == EXPECTED


def test_a_temporary_folder_that_others_could_change_is_not_used(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    # Jinja's folder for this user is a link, which someone else could have made.
    (tmp_path / f"_jinja2-cache-{os.getuid()}").symlink_to(elsewhere)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    code = CompiledTemplates()
    assert _render(_environment(code)) == EXPECTED
    assert list(elsewhere.iterdir()) == []
    assert _render(_without_compiling(_environment(code))) == EXPECTED
