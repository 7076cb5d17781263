"""Benchmark of specs made of many files: 300 files against the same text as one file.

    python bench/bench_multi.py                      # prints a Markdown section
    python bench/bench_multi.py --update BENCHMARKS.md

A synthetic spec (``bench/synth.py``, seed 1) with 2% of its clauses edited is written
once as one file and once cut into 300 files at level-1 and level-2 headings (the same
text, the same edits). In one process, best of several runs after a full collection:
parsing both versions and comparing them, as one file (``parse_spec`` +
``compare_specs``) and as 300 files (``parse_documents`` + ``compare_specs``). The target
(issue 14): comparing the 300-file spec costs at most 1.5x comparing the one file.

With ``../shared/corpus-multi`` present it also compares every consecutive pair of the
GraphQL editions (10-12 files each), as files and concatenated.
"""

from __future__ import annotations

import argparse
import gc
import platform
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))

import itertools

from benchmarks_md import update_sections
from synth import build, edit, render

from specdiff.compare import compare_specs
from specdiff.parse import parse_spec
from specdiff.parse.documents import parse_documents

if TYPE_CHECKING:
    from collections.abc import Callable

    from synth import Section

REPO = Path(__file__).resolve().parent.parent
CORPUS_MULTI = REPO.parent / "shared" / "corpus-multi" / "graphql-spec"
FILES = 300
TARGET = 1.5
SECTION = "Many files"
MB = 1 << 20


def timed(function: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def cut(sections: list[Section], files: int) -> list[list[int]]:
    """Indices of sections per file: files start at level-1 or level-2 headings."""
    starts = [i for i, s in enumerate(sections) if s.level <= 2]
    step = len(starts) / files
    chosen = sorted({starts[int(n * step)] for n in range(files)} | {0})
    bounds = [*chosen, len(sections)]
    return [list(range(a, b)) for a, b in itertools.pairwise(bounds)]


def files_of(sections: list[Section], groups: list[list[int]]) -> list[tuple[str, str]]:
    return [
        (f"part{n:03d}.md", render([sections[i] for i in group]))
        for n, group in enumerate(groups, 1)
    ]


def synthetic_case(size: int) -> dict[str, object]:
    sections = build(size, 1)
    groups = cut(sections, FILES)
    old_files = files_of(sections, groups)
    old_text = render(sections)
    edit(sections, 0.02, 1)
    new_files = files_of(sections, groups)
    new_text = render(sections)
    return measure(old_text, new_text, old_files, new_files, repeat=5)


def measure(
    old_text: str,
    new_text: str,
    old_files: list[tuple[str, str]],
    new_files: list[tuple[str, str]],
    repeat: int,
) -> dict[str, object]:
    one = (parse_spec(old_text), parse_spec(new_text))
    many = (parse_documents(old_files, parse_spec), parse_documents(new_files, parse_spec))
    result: dict[str, object] = {
        "files": len(old_files),
        "bytes": len(old_text.encode()),
        "one_changes": len(compare_specs(*one).changes),
        "many_changes": len(compare_specs(*many).changes),
        "one_parse": timed(lambda: (parse_spec(old_text), parse_spec(new_text)), repeat),
        "many_parse": timed(
            lambda: (
                parse_documents(old_files, parse_spec),
                parse_documents(new_files, parse_spec),
            ),
            repeat,
        ),
        "one_compare": timed(lambda: compare_specs(*one), repeat),
        "many_compare": timed(lambda: compare_specs(*many), repeat),
    }
    return result


def corpus_cases() -> list[tuple[str, dict[str, object]]]:
    if not CORPUS_MULTI.is_dir():
        return []
    folders = sorted(
        (p for p in CORPUS_MULTI.iterdir() if p.is_dir()),
        key=lambda p: _order().index(p.name) if p.name in _order() else 99,
    )
    cases = []
    for old, new in itertools.pairwise(folders):
        old_files = _read(old)
        new_files = _read(new)
        cases.append(
            (
                f"{old.name} → {new.name}",
                measure(
                    "".join(text for _, text in old_files),
                    "".join(text for _, text in new_files),
                    old_files,
                    new_files,
                    repeat=5,
                ),
            )
        )
    return cases


def _order() -> list[str]:
    return ["October2015", "April2016", "October2016", "June2018", "October2021", "September2025"]


def _read(folder: Path) -> list[tuple[str, str]]:
    return sorted(
        (p.relative_to(folder).as_posix(), p.read_text(encoding="utf-8"))
        for p in folder.rglob("*.md")
    )


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def row(label: str, data: dict[str, object]) -> tuple[str, float, float]:
    best = {k: min(v) for k, v in data.items() if isinstance(v, list)}
    one_total = best["one_parse"] + best["one_compare"]
    many_total = best["many_parse"] + best["many_compare"]
    ratio_compare = best["many_compare"] / best["one_compare"]
    ratio_total = many_total / one_total
    line = (
        f"| {label} | {data['files']} | {int(data['bytes']) / MB:.2f} MB "  # type: ignore[call-overload]
        f"| {data['one_changes']} / {data['many_changes']} "
        f"| {ms(best['one_parse'])} / {ms(best['many_parse'])} "
        f"| {ms(best['one_compare'])} / {ms(best['many_compare'])} "
        f"| {ratio_compare:.2f}× | {ratio_total:.2f}× |"
    )
    return line, ratio_compare, ratio_total


def report(sizes: list[int]) -> str:
    rows = []
    verdicts = []
    for size in sizes:
        line, compare_ratio, total_ratio = row(f"synthetic {size // MB} MB", synthetic_case(size))
        rows.append(line)
        verdicts.append((size, compare_ratio, total_ratio))
    corpus_rows = [row(label, data)[0] for label, data in corpus_cases()]
    worst = max(max(c, t) for _, c, t in verdicts)
    verdict = "Met" if worst <= TARGET else "Not met"
    load = ", ".join(f"{x:.1f}" for x in __import__("os").getloadavg())
    head = [
        f"## {SECTION}",
        "",
        "What is measured: a spec cut into 300 files against the same text as one file, "
        "both versions parsed and compared in one process (best of 5 runs after a full "
        "collection). The synthetic spec is `bench/synth.py`'s (seed 1, 2% of clauses "
        "edited), cut at level-1 and level-2 headings into 300 files; the corpus rows are "
        "the GraphQL editions in `../shared/corpus-multi` (their files concatenated for the "
        "one-file side). Reproduce with `python bench/bench_multi.py` "
        "(`--update BENCHMARKS.md` rewrites this section).",
        "",
        f"Machine: Python {platform.python_version()}, load average {load} at the end.",
        "",
        "| spec | files | size | changes: one file / files | parse both: one / files "
        "| compare: one / files | compare ratio | parse + compare ratio |",
        "| --- | ---: | ---: | --- | --- | --- | ---: | ---: |",
        *rows,
        *corpus_rows,
        "",
        f"**{verdict}**: at 300 files, compare costs at most "
        f"{max(c for _, c, _ in verdicts):.2f}× and parse + compare "
        f"{max(t for _, _, t in verdicts):.2f}× the one-file figure; the target is at most "
        f"{TARGET}×. The documents are aligned as one combined spec (no step compares the "
        "files pairwise); what the files add is pairing them by shared clauses and mapping "
        "lines and ids back, both linear. Change counts differ a little because a file "
        "boundary also ends a section's last paragraph list.",
    ]
    return "\n".join(head) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", type=Path, help="rewrite this section of BENCHMARKS.md")
    parser.add_argument("--sizes", default="1,4", help="synthetic sizes in MB (default 1,4)")
    args = parser.parse_args()
    text = report([int(s) * MB for s in args.sizes.split(",")])
    if args.update:
        update_sections(args.update, text, [SECTION])
    print(text)


if __name__ == "__main__":
    main()
