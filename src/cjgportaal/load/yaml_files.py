"""Read YAML files into plain data while remembering the line of every value.

Nothing here knows about partners or offerings: a file becomes a `SourceDoc` or a `Problem`.
The YAML dialect is close to YAML 1.2: only true/false are booleans, `09:00` stays a string
(YAML 1.1 would read it as the number 540) and dates stay strings, so that a date that does not
exist is reported by the model with its field instead of breaking the whole file.
"""

from __future__ import annotations

import os
import re
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

import yaml

from .problems import Problem, display_path
from .yaml_guard import (
    DEPTH_HINT,
    DEPTH_MESSAGE,
    MAX_DEPTH,
    syntax_message,
    too_deep_line,
)

T = TypeVar("T")

MAX_FILE_BYTES = 1_000_000
YAML_SUFFIXES = (".yml", ".yaml")  # the data files; other files in a data folder are not read
_TIME_RESOLUTION_NS = 2_000_000_000
_PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq")}
_MAP, _SEQ, _MERGE, _VALUE, _STR = (f"tag:yaml.org,2002:{name}" for name in ("map", "seq", "merge", "value", "str"))

Path_ = tuple[str | int, ...]

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A safe loader with YAML 1.2-like implicit types."""


_DROPPED_TAGS = {
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:timestamp",
}
_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in _DROPPED_TAGS]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)


@dataclass
class SourceDoc:
    """The plain data of one YAML file and the line of each value in it."""

    path: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, where: Path_) -> int:
        """The line of the value at `where`, or of its nearest parent that has one."""
        for end in range(len(where), -1, -1):
            line = self.lines.get(tuple(where[:end]))
            if line:
                return line
        return 1


class _Refused(Exception):
    """A structure we do not read: aliases or too deep nesting."""

    def __init__(self, line: int, message: str, hint: str) -> None:
        super().__init__(message)
        self.line, self.message, self.hint = line, message, hint


_KIND_NAMES = {yaml.MappingNode: "velden", yaml.SequenceNode: "een lijst", yaml.ScalarNode: "één waarde"}


def _plain(node: yaml.Node, line: int) -> None:
    if node.tag == _STR and type(node) is yaml.ScalarNode:  # most values: text
        return
    tag = node.tag.replace("tag:yaml.org,2002:", "!!")
    if node.tag not in _PLAIN_TAGS:
        raise _Refused(line, f"YAML-tags zoals {tag} zijn niet toegestaan.",
                       "haal de tag (het woord met ! ervoor) weg en schrijf de waarde als gewone tekst.")
    kind = {_MAP: yaml.MappingNode, _SEQ: yaml.SequenceNode}.get(node.tag, yaml.ScalarNode)
    if not isinstance(node, kind):
        raise _Refused(line, f"de tag {tag} vraagt om {_KIND_NAMES[kind]}, maar hier staat "
                             f"{_KIND_NAMES[type(node)]}.",
                       "haal de tag (het woord met !! ervoor) weg.")


def _scalar(loader: Any, node: yaml.Node, line: int) -> Any:
    if node.tag == _STR:  # as the safe constructor makes text, without its lookups
        return node.value
    try:
        return loader.yaml_constructors[node.tag](loader, node)
    except ValueError:  # an explicit !!int or !!float on text
        raise _Refused(line, f"'{node.value}' is geen getal.",
                       "haal de tag (!!int of !!float) weg, of schrijf een getal.") from None


def _key(loader: Any, node: yaml.Node) -> Any:
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.ScalarNode):
        raise _Refused(line, "een veldnaam is hier een lijst of een groep velden.",
                       "schrijf als veldnaam één woord, zoals 'titel', met een dubbele punt erachter.")
    if node.tag == _MERGE:
        raise _Refused(line, "'<<' (velden van elders samenvoegen) is niet toegestaan.",
                       "schrijf de velden zelf uit.")
    if node.tag == _VALUE:  # the key "=" resolves to this tag; it is plain text
        return node.value
    _plain(node, line)
    return _scalar(loader, node, line)


def _build(loader: Any, node: yaml.Node, here: Path_, lines: dict[Path_, int], dupes: list[tuple[str, int]],
           seen: set[int]) -> Any:
    """The value of `node` as PyYAML's safe constructor builds it, in the same walk that notes the
    line of every value and refuses aliases, tags and deep nesting."""
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.ScalarNode):
        if id(node) in seen:
            # The composer hands out the same node for every *alias: refuse, or one line can
            # expand to billions of values ("billion laughs").
            raise _Refused(line, "ankers en verwijzingen (&naam en *naam) zijn niet toegestaan; "
                                 "op deze regel staat een anker dat verderop wordt gebruikt.",
                           "schrijf de waarde gewoon opnieuw uit.")
        seen.add(id(node))
    _plain(node, line)
    if len(here) > MAX_DEPTH:
        raise _Refused(line, DEPTH_MESSAGE, DEPTH_HINT)
    lines.setdefault(here, line)
    if isinstance(node, yaml.MappingNode):
        mapping: dict[Any, Any] = {}
        keys: set[str] = set()
        for key_node, value_node in node.value:
            key_value = _key(loader, key_node)
            key = str(key_node.value)
            if key in keys:
                dupes.append((".".join(str(p) for p in (*here, key)), key_node.start_mark.line + 1))
            keys.add(key)
            child = (*here, key)
            lines[child] = key_node.start_mark.line + 1
            mapping[key_value] = _build(loader, value_node, child, lines, dupes, seen)
        return mapping
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, (*here, index), lines, dupes, seen) for index, item in enumerate(node.value)]
    return _scalar(loader, node, line)


def _decode(raw: bytes, shown: str) -> str | Problem:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return Problem(
            shown, line, "",
            f"het bestand is geen geldige UTF-8-tekst (onleesbaar teken op positie {exc.start}).",
            "sla het bestand op als UTF-8 (in de meeste editors: 'Opslaan als' → codering UTF-8).",
        )


def _yaml_problem(exc: yaml.YAMLError, text: str, shown: str) -> Problem:
    if isinstance(exc, yaml.reader.ReaderError):
        return Problem(shown, text[: exc.position].count("\n") + 1, "", *syntax_message(exc.reason)[:2])
    complaint = f"{getattr(exc, 'problem', None) or ''} {getattr(exc, 'context', None) or ''}"
    message, hint, at_start = syntax_message(complaint)
    mark = None
    if isinstance(exc, yaml.MarkedYAMLError):
        marks = (exc.context_mark, exc.problem_mark) if at_start else (exc.problem_mark, exc.context_mark)
        mark = next((m for m in marks if m is not None), None)
    return Problem(shown, mark.line + 1 if mark is not None else 1, "", message, hint)


def load_yaml(path: Path, shown: str) -> tuple[SourceDoc | None, list[Problem]]:
    """Read one YAML file: its data with line numbers (None if unreadable) and its problems.

    `shown` is the name used in messages (usually the path relative to the project).
    """
    result = _read(path, shown)
    if isinstance(result, Problem):
        return None, [result]
    return result


class ParseCache:
    """Files read before, reused while their size and modification time stay the same, and the
    lists of files in folders, reused while the folders' modification times stay the same.

    For `mkdocs serve`: after an edit only the changed files are read again.
    """

    def __init__(self) -> None:
        self._files: dict[Path, tuple[tuple[int, int], tuple[SourceDoc | None, list[Problem]]]] = {}
        self._derived: dict[tuple[str, str], tuple[SourceDoc, Any]] = {}
        self._listings: dict[tuple[Path, Path], tuple[dict[str, int], tuple[list[Path], list[Problem]]]] = {}

    def yaml_files_in(self, folder: Path, root: Path) -> tuple[list[Path], list[Problem]]:
        """`yaml_files_in`, from the cache while no folder under `folder` changed: adding, removing
        or renaming a file or folder changes the modification time of the folder it is in."""
        kept = self._listings.get((folder, root))
        if kept is not None and _modified(kept[0]) == kept[0]:
            return kept[1][0].copy(), kept[1][1].copy()
        # The times before the listing: a change during it shows as a changed time next time.
        folders, listed = _modified({top: 0 for top, _, _ in os.walk(folder)}), time.time_ns()
        found = yaml_files_in(folder, root)
        # A folder changed in the last seconds could change again within its file system's
        # timestamp resolution (up to 2 s) without its time changing: not kept, read again next time.
        if folders and all(listed - mtime > _TIME_RESOLUTION_NS for mtime in folders.values()):
            self._listings[(folder, root)] = folders, found
        return found[0].copy(), found[1].copy()

    def load_yaml(self, path: Path, shown: str) -> tuple[SourceDoc | None, list[Problem]]:
        """`load_yaml`, from the cache when the file is unchanged."""
        try:
            info = path.lstat()
        except OSError:
            return load_yaml(path, shown)
        key = (info.st_mtime_ns, info.st_size)
        cached = self._files.get(path)
        if cached is None or cached[0] != key:
            cached = self._files[path] = key, load_yaml(path, shown)
        return cached[1]

    def derived(self, doc: SourceDoc, name: str, compute: Callable[[], T]) -> T:
        """A value `compute`d from one file's data (such as its validation), computed again only
        when the file was read again."""
        cached = self._derived.get((doc.path, name))
        if cached is None or cached[0] is not doc:
            cached = self._derived[(doc.path, name)] = doc, compute()
        return cast(T, cached[1])


def _read(path: Path, shown: str) -> tuple[SourceDoc, list[Problem]] | Problem:
    try:
        info = path.lstat()
    except OSError as exc:
        return Problem(shown, 0, "", f"het bestand is niet te openen ({exc.strerror}).", "")
    if not stat.S_ISREG(info.st_mode):
        return not_a_file(shown)
    size = info.st_size
    if size > MAX_FILE_BYTES:
        return Problem(
            shown, 0, "",
            f"het bestand is te groot ({size:,} bytes; de grens is {MAX_FILE_BYTES:,}).".replace(",", "."),
            "één bestand beschrijft één partner of één aanbod; splits het op of haal geplakte "
            "bijlagen en afbeeldingen eruit.",
        )
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)  # it may have grown since lstat
    except OSError as exc:
        return Problem(shown, 0, "", f"het bestand is niet te openen ({exc.strerror}).", "")
    if len(data) > MAX_FILE_BYTES:
        return _read(path, shown)
    text = _decode(data, shown)
    if isinstance(text, Problem):
        return text
    return _parse(text, shown)


def _modified(folders: dict[str, int]) -> dict[str, int]:
    """The modification time of each folder (-1 when it is gone)."""
    times = {}
    for top in folders:
        try:
            times[top] = os.lstat(top).st_mtime_ns
        except OSError:
            times[top] = -1
    return times


def not_a_file(shown: str) -> Problem:
    """The problem with a data entry that is a link (symlink) or something else than a file."""
    return Problem(shown, 0, "", "dit is geen gewoon bestand, maar een snelkoppeling (symlink) of iets anders.",
                   "zet het bestand zelf in de repository; de site leest alleen gewone bestanden.")


def yaml_files_in(folder: Path, root: Path) -> tuple[list[Path], list[Problem]]:
    """The YAML files under `folder`, in a stable order, and a problem for each link (symlink)
    under it: those are not followed, so that nothing outside the repository is read."""
    found: list[Path] = []
    problems: list[Problem] = []
    for top, dirs, files in os.walk(folder):
        here = Path(top)
        for name in sorted(dirs):
            if (here / name).is_symlink():
                problems.append(not_a_file(display_path(here / name, root)))
        found += [here / name for name in files if name.endswith(YAML_SUFFIXES)]
    return sorted(found), problems


def parse_yaml(text: str, shown: str) -> tuple[SourceDoc | None, list[Problem]]:
    """Parse YAML text (see `load_yaml`); used directly for text that is not yet a file."""
    result = _parse(text, shown)
    if isinstance(result, Problem):
        return None, [result]
    return result


def _parse(text: str, shown: str) -> tuple[SourceDoc, list[Problem]] | Problem:
    if not text.strip():
        return Problem(shown, 1, "", "het bestand is leeg.",
                       "vul het bestand in of verwijder het (maak een nieuw bestand met 'cjg new').")
    deep = too_deep_line(text)
    if deep is not None:  # before PyYAML, which has limits of its own that vary by release
        return Problem(shown, deep, "", DEPTH_MESSAGE, DEPTH_HINT)
    loader = _StrictLoader(text)
    lines: dict[Path_, int] = {}
    dupes: list[tuple[str, int]] = []
    try:
        node = loader.get_single_node()
        if node is None:
            return Problem(shown, 1, "", "het bestand bevat alleen commentaar.",
                           "vul de velden in of verwijder het bestand.")
        data = _build(loader, node, (), lines, dupes, set())
    except yaml.YAMLError as exc:
        return _yaml_problem(exc, text, shown)
    except _Refused as exc:
        return Problem(shown, exc.line, "", exc.message, exc.hint)
    except RecursionError:
        return Problem(shown, 1, "", DEPTH_MESSAGE, DEPTH_HINT)
    finally:
        loader.dispose()
    problems = [
        Problem(shown, line, name, "dit veld staat twee keer in het bestand.",
                "laat één van de twee staan; anders is niet duidelijk welke waarde geldt.")
        for name, line in dupes
    ]
    return SourceDoc(shown, data, lines), problems
