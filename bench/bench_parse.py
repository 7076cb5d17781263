"""Benchmark of parsing: ``specdiff.parse.parse_spec`` against markdown-it-py, and start-up.

    python bench/bench_parse.py                        # prints a Markdown report
    python bench/bench_parse.py --update BENCHMARKS.md # rewrites its "Parsing" section

1. In one process, for each file: ``parse_spec(text)`` against markdown-it-py's own
   ``MarkdownIt("commonmark").enable("table").parse(text)`` of the same text. Files: the
   model spec 2025-04-11 and the largest OpenAPI and CommonMark specs of the corpus
   (``../shared/corpus``, or ``$SPECDIFF_CORPUS``). Both parsers are built and warmed up
   before timing; every run follows a full garbage collection. Best of N and median.
2. ``specdiff --help`` start-up against bare ``python -c pass``: subprocesses, best of 10.

The target (issue 2) is parse <= 2x markdown-it-py on the model spec.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

REPO = Path(__file__).resolve().parent.parent
SECTION = "Parsing"
TARGET = 2.0
MODEL_SPEC = "openai-model-spec/02-2025-04-11.md"
LARGEST_OF = ("openapi-specification", "commonmark-spec")


def corpus_dir() -> Path:
    return Path(os.environ.get("SPECDIFF_CORPUS") or REPO.parent / "shared" / "corpus")


def bench_files(corpus: Path) -> list[Path]:
    """The model spec, then the largest file of each of the other two specs."""
    files = [corpus / MODEL_SPEC]
    for folder in LARGEST_OF:
        candidates = sorted((corpus / folder).glob("*.md"), key=lambda p: p.stat().st_size)
        if candidates:
            files.append(candidates[-1])
    return [f for f in files if f.is_file()]


def timed(function: Callable[[], object], repeat: int) -> list[float]:
    """Wall times of ``repeat`` calls, each after a full garbage collection."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


@dataclass
class Measured:
    name: str
    size: int
    lines: int
    sections: int
    clauses: int
    markdown_it: list[float]
    specdiff: list[float]

    def ratio(self, pick: Callable[[list[float]], float]) -> float:
        return pick(self.specdiff) / pick(self.markdown_it)


def bench_file(path: Path, repeat: int) -> Measured:
    from markdown_it import MarkdownIt

    from specdiff.parse import parse_spec

    text = path.read_text(encoding="utf-8")
    markdown_it = MarkdownIt("commonmark").enable("table")
    markdown_it.parse(text)  # warm up both (regex caches, lazy imports)
    spec = parse_spec(text)
    # Interleave the two so that a burst of load on the machine hits both alike.
    mdit_times: list[float] = []
    ours: list[float] = []
    for _ in range(repeat):
        mdit_times += timed(lambda: markdown_it.parse(text), 1)
        ours += timed(lambda: parse_spec(text), 1)
    return Measured(
        name=path.relative_to(path.parents[1]).as_posix(),
        size=len(text.encode("utf-8")),
        lines=spec.line_count,
        sections=len(spec.sections) - 1,
        clauses=len(spec.clauses),
        markdown_it=mdit_times,
        specdiff=ours,
    )


def specdiff_command() -> list[str]:
    script = Path(sys.executable).with_name("specdiff")
    return [str(script)] if script.exists() else [sys.executable, "-m", "specdiff"]


def wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True, cwd=REPO)
    return time.perf_counter() - start


def bench_startup(repeat: int) -> tuple[float, float]:
    bare = min(wall([sys.executable, "-c", "pass"]) for _ in range(repeat))
    help_ = min(wall([*specdiff_command(), "--help"]) for _ in range(repeat))
    return bare, help_


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from importlib.metadata import version

    load = ""
    if hasattr(os, "getloadavg"):
        load = f", load average {os.getloadavg()[0]:.1f} when run"
    return (
        f"`nproc` = {os.cpu_count()} ({model}), {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, markdown-it-py {version('markdown-it-py')}, "
        f"mdit-py-plugins {version('mdit-py-plugins')}{load}"
    )


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms"


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def report(measured: list[Measured], startup: tuple[float, float], repeat: int) -> str:
    out = [
        f"## {SECTION}",
        "",
        "What is measured: `specdiff.parse.parse_spec(text)` (sections, clauses, normative "
        "statements, references, examples, fingerprints) against markdown-it-py's own "
        '`MarkdownIt("commonmark").enable("table").parse(text)` (its token stream only) of '
        "the same text, in one process, both parsers built and warmed up first, a full "
        f"garbage collection before every run; best and median of {repeat} interleaved runs. "
        "Then `specdiff --help` start-up against bare `python -c pass` (subprocesses, best "
        "of 10).",
        "",
        "Reproduce with `python bench/bench_parse.py` (about a minute); "
        "`python bench/bench_parse.py --update BENCHMARKS.md` rewrites this section only.",
        "",
        f"Machine: {machine()}. Read the best-of figures: on a shared machine the medians "
        "also measure whatever else is running.",
        "",
    ]
    rows = []
    for m in measured:
        rows.append(
            [
                f"`{m.name}`",
                f"{m.size / 1024:,.0f} KB",
                f"{m.lines:,} / {m.sections:,} / {m.clauses:,}",
                f"{ms(min(m.markdown_it))} / {ms(statistics.median(m.markdown_it))}",
                f"{ms(min(m.specdiff))} / {ms(statistics.median(m.specdiff))}",
                f"**{m.ratio(min):.2f}x** / {m.ratio(statistics.median):.2f}x",
            ]
        )
    out.append(
        table(
            [
                "file",
                "size",
                "lines / sections / clauses",
                "markdown-it-py best / median",
                "parse_spec best / median",
                "ratio best / median",
            ],
            rows,
        )
    )
    out.append("")
    model = next((m for m in measured if m.name.endswith(MODEL_SPEC.split("/")[1])), None)
    if model is not None:
        ratio = model.ratio(min)
        met = "Met" if ratio <= TARGET else "Missed"
        out.append(
            f"**{met}**: parsing the model spec costs {ratio:.2f}x markdown-it-py's parse "
            f"(best of {repeat}; median {model.ratio(statistics.median):.2f}x); "
            f"the target is at most {TARGET:g}x."
        )
        out.append("")
    bare, help_ = startup
    out.append(
        table(
            ["start-up (best of 10)", "wall time"],
            [
                ["`python -c pass`", ms(bare)],
                ["`specdiff --help`", ms(help_)],
                ["difference", f"{ms(help_ - bare)} ({help_ / bare:.1f}x)"],
            ],
        )
    )
    out.append("")
    return "\n".join(out)


def update(path: Path, text: str) -> None:
    """Rewrite this benchmark's section(s) of ``path``."""
    from benchmarks_md import update_sections  # bench/ is on the path when run as a script

    update_sections(path, text, (SECTION,))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=15, help="runs per file (15)")
    parser.add_argument("--update", type=Path, help="rewrite the Parsing section of this file")
    args = parser.parse_args()
    corpus = corpus_dir()
    files = bench_files(corpus)
    if not files:
        sys.exit(f"no corpus at {corpus} (set SPECDIFF_CORPUS)")
    measured = []
    for path in files:
        print(f"parsing {path.name} ...", file=sys.stderr, flush=True)
        measured.append(bench_file(path, args.repeat))
    print("start-up ...", file=sys.stderr, flush=True)
    text = report(measured, bench_startup(10), args.repeat)
    print(text)
    if args.update:
        update(args.update, text)
        print(f"updated {args.update}", file=sys.stderr)


if __name__ == "__main__":
    main()
