"""Benchmark of rendering against the rest of ``compare --format json``, and of the word
differ behind redlines.

    python bench/bench_render.py                      # prints a Markdown section
    python bench/bench_render.py --update BENCHMARKS.md

In one process, best of ``--repeat`` runs each: parsing both texts, comparing them and
rendering the report as JSON (which redlines every modified clause), for the OpenAI
model spec pair (``../shared/corpus`` or ``$SPECDIFF_CORPUS``) and for the 1 MB synthetic
pair of ``bench/synth.py`` with 2% of its clauses edited. Then the word differ alone on
every modified clause of those reports: specdiff's redline (rapidfuzz opcodes plus the
semantic cleanup) against the ``difflib.SequenceMatcher`` word diff it replaced.
``--update FILE`` rewrites the "Rendering" section of FILE and leaves the others alone.
"""

from __future__ import annotations

import argparse
import gc
import re
import sys
import time
from difflib import SequenceMatcher
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from bench_compare import machine, model_spec_pair, table  # noqa: E402
from benchmarks_md import update_sections  # noqa: E402

TARGET_SHARE = 0.20
_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


def best(function: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def difflib_words(old: str, new: str) -> int:
    """The word diff redlines used before: difflib on the same tokens (opcode count)."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    return len(SequenceMatcher(None, a, b, autojunk=False).get_opcodes())


def bench_pair(name: str, old_text: str, new_text: str, repeat: int) -> tuple[list[str], float]:
    from specdiff.compare import compare_specs
    from specdiff.config import DEFAULT_CONFIG
    from specdiff.parse import parse_spec
    from specdiff.render.json import render_json
    from specdiff.render.redline import redline

    old, new = parse_spec(old_text), parse_spec(new_text)
    report = compare_specs(old, new, DEFAULT_CONFIG)
    render_json(report)  # warm up
    parse = best(lambda: (parse_spec(old_text), parse_spec(new_text)), repeat)
    compare = best(lambda: compare_specs(old, new, DEFAULT_CONFIG), repeat)
    render = best(lambda: render_json(report), repeat)
    pairs = [
        (c.old.text, c.new.text) for c in report.changes if c.old is not None and c.new is not None
    ]
    ours = best(lambda: [redline(a, b) for a, b in pairs], repeat)
    before = best(lambda: [difflib_words(a, b) for a, b in pairs], repeat)
    share = render / (parse + compare + render)
    row = [
        name,
        f"{len(report.changes)} ({len(pairs)} redlined)",
        f"{parse * 1000:,.0f} ms",
        f"{compare * 1000:,.0f} ms",
        f"{render * 1000:,.0f} ms",
        f"**{share:.0%}**",
        f"{ours * 1000:,.1f} ms",
        f"{before * 1000:,.1f} ms",
    ]
    return row, share


def report(rows: list[list[str]], shares: list[float]) -> str:
    verdict = "met" if shares and max(shares) < TARGET_SHARE else "not met"
    header = [
        "pair",
        "changes",
        "parse both",
        "compare",
        "render JSON",
        "render share",
        "word differ (now)",
        "word differ (difflib, before)",
    ]
    return "\n".join(
        [
            "## Rendering",
            "",
            f"Target: `compare --format json` spends under {TARGET_SHARE:.0%} of its time "
            f"rendering (issue 11). Status: **{verdict}**.",
            "",
            "In one process, best of the runs: parsing both texts, comparing them and "
            "rendering the JSON report (every modified clause gets a word-level redline). "
            "The last two columns time the word differ alone on every modified clause: "
            "rapidfuzz's LCS opcodes over word tokens plus the semantic cleanup, against the "
            "`difflib.SequenceMatcher` word diff it replaced (opcodes only). Reproduce with "
            "`python bench/bench_render.py`.",
            "",
            table(header, rows),
            "",
            f"Machine: {machine()}.",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--update", type=Path, help="rewrite the Rendering section of this file")
    args = parser.parse_args()
    from synth import synthetic_pair

    rows, shares = [], []
    pair = model_spec_pair()
    if pair is not None:
        texts = [path.read_text(encoding="utf-8") for path in pair]
        row, share = bench_pair("OpenAI model spec 2025-02-12 → 2025-04-11", *texts, args.repeat)
        rows.append(row)
        shares.append(share)
    old, new, _ = synthetic_pair(1 << 20, 1)
    row, share = bench_pair(
        "1 MB synthetic, 2% of clauses edited", old, new, max(2, args.repeat // 3)
    )
    rows.append(row)
    shares.append(share)
    text = report(rows, shares)
    print(text)
    if args.update:
        update_sections(args.update, text, ("Rendering",))


if __name__ == "__main__":
    main()
