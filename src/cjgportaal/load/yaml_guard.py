"""What we check in YAML text before PyYAML reads it, and PyYAML's own complaints in Dutch.

PyYAML and libyaml have limits of their own that change between releases (PyYAML 6.0.4 stops at
1,000 nested brackets, with English text). Our limit on nesting is checked on the text first, so a
partner gets the same Dutch message with any PyYAML; and whatever PyYAML still reports is put
into Dutch here, so no English library text reaches a partner.
"""

from __future__ import annotations

import re

MAX_DEPTH = 20
DEPTH_MESSAGE = f"de gegevens zijn te diep genest (meer dan {MAX_DEPTH} niveaus)."
DEPTH_HINT = "controleer de inspringing en de haakjes [ ] en { }; zo diep nesten komt in deze bestanden niet voor."

_INTERESTING = re.compile(r"""[\[\]{}'"#]""")
_MARKERS = re.compile(r"(?:[-?](?: +|$))+")  # "- - x": compact nested block sequences
_BLOCK_SCALAR = re.compile(r"""(?:^|[:\-?]\s)\s*[|>][-+0-9]*\s*(?:#.*)?$""")
_KEY = re.compile(r":(?:\s|$)")
_QUOTE_AFTER = (":", "-", "?", "[", "{", ",")


def _quote_end(line: str, start: int, quote: str) -> int | None:
    """Where the quoted scalar that is open at `start` ends on this line (just after its closing
    quote), or None when it goes on to the next line."""
    at = start
    while True:
        at = line.find(quote, at)
        if at < 0:
            return None
        if quote == "'":
            if line.startswith("''", at):
                at += 2
                continue
            return at + 1
        backslashes = len(line[:at]) - len(line[:at].rstrip("\\"))
        if backslashes % 2 == 0:
            return at + 1
        at += 1


# Two markers in a row, as a line that starts with "- - " has (sought anywhere: quick and cautious).
_TWO_MARKERS = re.compile(r"[-?] +[-?](?:\s|$)")


def _surely_shallow(text: str) -> bool:
    """Whether `text` is certain to nest no deeper than MAX_DEPTH by `_deepest_line`'s count, from
    a bound that is quicker to get than the count (most files).

    The levels open at a line are those of the lines above it with less indentation: at most one
    line per indentation the text has, and each of those opens at most three levels when no line
    starts with two markers ("- key:" opens two). Each bracket opens at most one more.
    """
    if _TWO_MARKERS.search(text):
        return False
    indents = {len(line) - len(line.lstrip(" ")) for line in text.splitlines()}
    return len(indents) * 3 + text.count("[") + text.count("{") <= MAX_DEPTH


def too_deep_line(text: str) -> int | None:
    """The first line where `text` nests deeper than MAX_DEPTH levels, or None.

    Counted from the text alone (indentation, "- " markers and brackets outside quotes, comments
    and block texts), so it never needs PyYAML. The count is never lower than the real depth; it
    can be a little higher, which no real file comes near.
    """
    return None if _surely_shallow(text) else _deepest_line(text)


def _deepest_line(text: str) -> int | None:
    """`too_deep_line`, counted line by line."""
    # per open block line: its indentation, the levels it opens, and where its "- key:" keys start
    indents: list[tuple[int, int, int]] = []
    depth = flow = 0
    quote = ""  # the quote of a quoted scalar that goes on from an earlier line
    block_text_above = -1  # inside a block text (| or >): the indentation of the field it belongs to
    for number, line in enumerate(text.splitlines(), 1):
        position = 0
        if quote:
            end = _quote_end(line, 0, quote)
            if end is None:
                continue
            quote, position = "", end
        elif flow == 0:
            stripped = line.lstrip(" ")
            indent = len(line) - len(stripped)
            if not stripped or stripped.startswith("#"):
                continue
            if block_text_above >= 0:
                if indent > block_text_above:
                    continue
                block_text_above = -1
            while indents and indents[-1][0] >= indent:
                depth -= indents.pop()[1]
            markers = _MARKERS.match(stripped)
            if not (markers or (indents and indents[-1][2] == indent)):
                levels = 1
            elif markers:  # each "- " opens a level, and "- key: value" a mapping in it
                levels = 1 + markers.group().count("-") + markers.group().count("?")
                levels += bool(_KEY.search(stripped, markers.end()))
            else:  # the next key of the mapping that "- key: value" opened
                levels = 0
            indents.append((indent, levels, indent + markers.end() if markers else -1))
            depth += levels
            if depth > MAX_DEPTH:
                return number
            if _BLOCK_SCALAR.search(stripped):
                block_text_above = indent
                continue
        for match in _INTERESTING.finditer(line, position):
            if match.start() < position:
                continue  # inside a quoted scalar that ended on this line
            char = match.group()
            before = line[: match.start()].rstrip(" ")
            if char == "#":
                if match.start() == 0 or line[match.start() - 1] in " \t":
                    break
            elif char in "'\"":
                if not before.strip() or before.endswith(_QUOTE_AFTER):
                    end = _quote_end(line, match.start() + 1, char)
                    if end is None:
                        quote = char
                        break
                    position = end
            elif char in "[{":
                flow += 1
                if depth + flow > MAX_DEPTH:
                    return number
            else:
                flow = max(0, flow - 1)
    return None


# PyYAML's and libyaml's complaints (parts of their text) → what is wrong, in Dutch, and whether the
# line to name is where the broken part starts (an unclosed quote or bracket) rather than where
# PyYAML noticed.
_SYNTAX: tuple[tuple[tuple[str, ...], str, bool], ...] = (
    (("tab character", "'\\t'"), "er staat een tab-teken waar spaties horen", False),
    (("nesting depth", "recursion"), "", False),
    (("end of stream", "end of the stream"),
     "het bestand houdt midden in een waarde op: een aanhalingsteken of haakje wordt niet gesloten", True),
    (("',' or ']'", "',' or '}'", "flow sequence", "flow mapping"),
     "een lijst [ ] of een groep { } is niet goed gesloten", True),
    (("escape",), "na een \\ tussen dubbele aanhalingstekens staat een onbekende code", False),
    (("another document", "document start", "document indicator", "document end", "<document"),
     "het bestand bevat meer dan één deel (een regel met --- of ...)", False),
    (("alias", "anchor"), "er staat een anker of verwijzing (& of *) die niet klopt", False),
    (("control character", "special character", "unacceptable character", "invalid unicode", "utf-8",
      "utf-16"), "het bestand bevat een teken dat niet is toegestaan (een onzichtbaar stuurteken)", False),
    (("cannot start any token",), "een waarde begint met een teken dat dat niet mag (zoals @, ` of %)", False),
    (("tag",), "er staat een YAML-tag (een woord met ! ervoor) die niet klopt", False),
    (("directive",), "er staat een regel met % die niet klopt", False),
)
_TAB_HINT = "gebruik spaties om in te springen, geen tabs."
_GENERAL_HINT = ("controleer de inspringing (alleen spaties), de dubbele punt na elke veldnaam en zet tekst "
                 "met een dubbele punt of # tussen aanhalingstekens.")
_QUOTE_HINT = "zet het sluitende aanhalingsteken of haakje erbij, of zet de tekst tussen aanhalingstekens."


def syntax_message(complaint: str) -> tuple[str, str, bool]:
    """The Dutch message and hint for a complaint of PyYAML (its English text), and whether the
    line to name is where the broken part starts."""
    lowered = complaint.lower()
    for parts, dutch, at_start in _SYNTAX:
        if any(part.lower() in lowered for part in parts):
            if not dutch:
                return DEPTH_MESSAGE, DEPTH_HINT, False
            hint = _TAB_HINT if "tab-teken" in dutch else _QUOTE_HINT if at_start else _GENERAL_HINT
            return f"de YAML is niet te lezen: {dutch}.", hint, at_start
    # Anything else is about the structure: indentation, a colon, a dash.
    return "de YAML is niet te lezen: de inspringing, een dubbele punt of een streepje klopt niet.", _GENERAL_HINT, False
