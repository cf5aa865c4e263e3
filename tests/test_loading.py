"""Reading YAML files: every unreadable file gets its own Dutch message, never a traceback."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from cjgportaal.load import yaml_files
from cjgportaal.load.yaml_files import MAX_FILE_BYTES, ParseCache, load_yaml

from .bad_input import UNREADABLE


def _load(tmp_path: Path, content: bytes | str):
    path = tmp_path / "x.yml"
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return load_yaml(path, "offerings/x.yml")


@pytest.mark.parametrize(("content", "line", "words"), UNREADABLE)
def test_unreadable_files_get_a_message_with_line(tmp_path: Path, content: str, line: int, words: str) -> None:
    doc, problems = _load(tmp_path, content)
    assert doc is None
    [problem] = problems
    assert problem.file == "offerings/x.yml"
    assert problem.line == line
    assert words in problem.message + problem.hint


def test_alias_bombs_are_refused_quickly(tmp_path: Path) -> None:
    lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for n in range(1, 12):
        lines.append(f"{chr(97 + n)}: &{chr(97 + n)} [" + ", ".join([f"*{chr(96 + n)}"] * 9) + "]")
    doc, [problem] = _load(tmp_path, "\n".join(lines) + "\n")
    assert doc is None and problem.line == 1 and "&naam" in problem.message


def test_aliases_between_nested_fields_are_refused(tmp_path: Path) -> None:
    doc, [problem] = _load(tmp_path, "a:\n  p: &x [1, 2]\nb:\n  q: *x\n")
    assert doc is None and "&naam" in problem.message


@pytest.mark.parametrize(("text", "words"), [
    ("titel: !!map tekst\n", "vraagt om velden"),
    ("titel: !!str {a: 1}\n", "vraagt om één waarde"),
    ("duur: !!int twee\n", "'twee' is geen getal"),
    ("<<: {titel: x}\n", "'<<'"),
])
def test_tags_that_do_not_fit_the_value_are_refused(tmp_path: Path, text: str, words: str) -> None:
    doc, [problem] = _load(tmp_path, text)
    assert doc is None and problem.line == 1 and words in problem.message


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    doc, [problem] = _load(tmp_path, "titel: " + "[" * 5000 + "]" * 5000 + "\n")
    assert doc is None and "te diep genest" in problem.message
    doc, [problem] = _load(tmp_path, "".join(f"{'  ' * i}k{i}:\n" for i in range(40)) + "  " * 40 + "x: 1\n")
    assert doc is None and "te diep genest" in problem.message


def test_non_utf8_bytes_name_the_line(tmp_path: Path) -> None:
    doc, [problem] = _load(tmp_path, b"titel: a\nsamenvatting: caf\xe9\n")
    assert doc is None and problem.line == 2 and "UTF-8" in problem.message


def test_huge_file_is_refused_before_parsing(tmp_path: Path) -> None:
    doc, [problem] = _load(tmp_path, "titel: " + "a" * (MAX_FILE_BYTES + 10))
    assert doc is None and "te groot" in problem.message


def test_duplicate_keys_are_all_reported(tmp_path: Path) -> None:
    doc, problems = _load(tmp_path, "titel: a\nsoort: b\ntitel: c\nsoort: d\n")
    assert doc is not None
    assert [(p.line, p.field) for p in problems] == [(3, "titel"), (4, "soort")]


def test_yaml_12_scalars_times_and_dates_stay_text(tmp_path: Path) -> None:
    doc, problems = _load(tmp_path, "van: 09:00\ndatum: 2027-02-30\nja: yes\nnummer: 0321\naantal: 12\n")
    assert problems == []
    assert doc.data == {"van": "09:00", "datum": "2027-02-30", "ja": "yes", "nummer": "0321", "aantal": 12}


def test_line_numbers_follow_nested_paths(tmp_path: Path) -> None:
    doc, _ = _load(tmp_path, "titel: a\nlocaties:\n  - naam: x\n    gebied: y\n  - naam: z\n")
    assert doc.line_of(("locaties", 0, "gebied")) == 4
    assert doc.line_of(("locaties", 1, "gebied")) == 5  # missing field: nearest parent
    assert doc.line_of(("titel",)) == 1


def test_a_folder_listing_is_kept_until_a_file_in_it_comes_or_goes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "offerings"
    (folder / "kern").mkdir(parents=True)
    (folder / "a.yml").write_text("id: a\n", encoding="utf-8")
    (folder / "kern/b.yml").write_text("id: b\n", encoding="utf-8")
    cache = ParseCache()

    def names() -> list[str]:
        paths, problems = cache.yaml_files_in(folder, tmp_path)
        assert problems == []
        return [path.relative_to(folder).as_posix() for path in paths]

    def age(*paths: Path) -> None:  # changed a minute ago, as when `mkdocs serve` has run a while
        for path in paths:
            os.utime(path, ns=(time.time_ns() - 60 * 10**9,) * 2)

    assert names() == ["a.yml", "kern/b.yml"]  # just made: listed, not kept
    age(folder, folder / "kern")
    assert names() == ["a.yml", "kern/b.yml"]  # listed and kept
    real = yaml_files.yaml_files_in
    monkeypatch.setattr(yaml_files, "yaml_files_in", None)  # a listing now fails
    assert names() == ["a.yml", "kern/b.yml"]
    monkeypatch.setattr(yaml_files, "yaml_files_in", real)
    (folder / "kern/c.yml").write_text("id: c\n", encoding="utf-8")
    assert names() == ["a.yml", "kern/b.yml", "kern/c.yml"]  # a file added in a subfolder
    age(folder, folder / "kern")
    assert names() == ["a.yml", "kern/b.yml", "kern/c.yml"]  # kept again
    (folder / "a.yml").unlink()
    assert names() == ["kern/b.yml", "kern/c.yml"]  # and one removed
