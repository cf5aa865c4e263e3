"""The nesting guard's shortcut: a file it passes without counting is one the count passes too.

The examples are derandomised, so that CI runs the same cases every time.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from cjgportaal.load.yaml_guard import MAX_DEPTH, _deepest_line, _surely_shallow, too_deep_line

ROOT = Path(__file__).resolve().parents[1]

# Lines near the limit: many indentations, "- key:" (two levels), brackets, quotes, block texts.
LINES = st.tuples(st.integers(0, 14), st.sampled_from(["", "- ", "? ", "-  ", "- - ", "-\t", "? - "]),
                  st.sampled_from(["k:", "k: v", "- k:", "k: [a, [b]]", "{a: {b: c}}", "'x [", "# [ {", "k: |",
                                   "v", "", "k: \"a\\\" [\""]),
                  st.sampled_from(["\n", "\n", "\n", "\r\n", "\x0b", "\u2028"]))
TEXTS = st.lists(LINES, max_size=24).map(lambda lines: "".join(" " * n + m + t + end for n, m, t, end in lines))


@settings(max_examples=3000, deadline=None, derandomize=True)
@given(text=TEXTS)
@example("".join(f"{' ' * i}- k{i}:\n" for i in range(7)))  # 7 indentations, 3 levels each: 21
@example("k:\n" + "".join(f"{' ' * i}k{i}:\n" for i in range(1, 6)) + "k: [[[[[1]]]]]\n")
def test_what_the_shortcut_passes_the_count_passes(text: str) -> None:
    if _surely_shallow(text):
        assert _deepest_line(text) is None
    assert (too_deep_line(text) is None) == (_deepest_line(text) is None)


def test_most_of_the_sample_sites_files_take_the_shortcut() -> None:
    files = [path for folder in ("partners", "offerings", "data") for path in sorted((ROOT / folder).rglob("*.yml"))]
    passed = [path for path in files if _surely_shallow(path.read_text(encoding="utf-8"))]
    assert len(passed) > 0.8 * len(files)  # the others have many lists in brackets: [a, b]


def test_deep_files_are_still_counted() -> None:
    deep = "".join(f"{' ' * i}k{i}:\n" for i in range(MAX_DEPTH + 1))
    assert not _surely_shallow(deep) and too_deep_line(deep) == MAX_DEPTH + 1
