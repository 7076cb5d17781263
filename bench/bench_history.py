"""Benchmark of the history commands: `specdiff log` and `specdiff changelog` over a long
generated history, and proof that each version is parsed once per run.

    python bench/bench_history.py                          # prints a Markdown section
    python bench/bench_history.py --update BENCHMARKS.md   # rewrites its "History" section

The history is deterministic: a synthetic spec of about 270 KB (``bench/synth.py``), then
each next version edits 1% of the clauses of the one before (words, should -> must, moved,
added and removed paragraphs). One version in the middle re-releases the text of the one
before unchanged, so two tags share one git blob. The versions are written as a folder with
a ``manifest.toml`` and replayed into a temporary git repository with ``specdiff import``.

Each command runs in this process through ``specdiff.cli.run``, with ``parse_spec``
wrapped to count its calls and the workspace's ``SpecCache`` watched for hits and misses:
the number of parses must equal the number of distinct spec blobs.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import hashlib
import io
import itertools
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SECTION = "History"


@dataclass
class Measure:
    command: str
    seconds: float
    cpu: float
    """CPU time of this process (git's own processes not included)."""
    parses: int
    """Calls of parse_spec during the run."""
    distinct: int
    """Distinct texts among them."""
    most: int
    """The most times one text was parsed."""
    hits: int
    misses: int
    versions: int
    """Versions the command listed."""


def history_texts(versions: int, size: int, share: float, seed: int) -> list[str]:
    """``versions`` texts, each ``share`` of clauses edited from the one before; the one
    at ``versions // 2`` repeats the text before it."""
    import synth

    sections = synth.build(size, seed)
    texts = [synth.render(sections)]
    for k in range(1, versions):
        if k == versions // 2:
            texts.append(texts[-1])  # a re-release: same spec, same blob
            continue
        synth.edit(sections, share, seed * 1000 + k)
        texts.append(synth.render(sections))
    return texts


def write_folder(folder: Path, texts: list[str]) -> None:
    folder.mkdir(parents=True)
    day = date(2021, 1, 4)
    lines = ['title = "Synthetic spec"', 'spec_path = "spec.md"', ""]
    for k, text in enumerate(texts):
        name = f"{k + 1:02d}.md"
        (folder / name).write_text(text, encoding="utf-8")
        lines += [
            "[[versions]]",
            f'version = "1.{k}.0"',
            f'date = "{day + timedelta(days=14 * k)}"',
            f'file = "{name}"',
            f'message = "Version 1.{k}.0"',
            "",
        ]
    (folder / "manifest.toml").write_text("\n".join(lines), encoding="utf-8")


class Watch:
    """Counts parse_spec calls (by text) and the SpecCache hits and misses of a run."""

    def __init__(self) -> None:
        import specdiff.history.store
        import specdiff.parse

        self.calls: Counter[str] = Counter()
        self.caches: list[Any] = []
        original_parse = specdiff.parse.parse_spec
        original_cache = specdiff.history.store.SpecCache
        watch = self

        def parse_spec(text: str, *args: Any, **kwargs: Any) -> Any:
            watch.calls[hashlib.sha1(text.encode()).hexdigest()] += 1
            return original_parse(text, *args, **kwargs)

        class SpecCache(original_cache):  # type: ignore[misc, valid-type]
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, **kwargs)
                watch.caches.append(self)

        # SpecCache.parse and Workspace.cache import these names when they run.
        specdiff.parse.parse_spec = parse_spec
        specdiff.history.store.SpecCache = SpecCache

    def reset(self) -> None:
        self.calls.clear()
        self.caches.clear()


def run_command(watch: Watch, repo: Path, argv: list[str]) -> Measure:
    from specdiff.cli import run

    watch.reset()
    out, err = io.StringIO(), io.StringIO()
    here = Path.cwd()
    os.chdir(repo)
    gc.collect()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            start, cpu = time.perf_counter(), time.process_time()
            code = run(argv)
            seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    finally:
        os.chdir(here)
    if code != 0:
        raise SystemExit(f"specdiff {' '.join(argv)} failed ({code}): {err.getvalue()}")
    text = out.getvalue()
    listed = len(re.findall(r"(?m)^1\.\d+\.0 ", text)) or len(re.findall(r"(?m)^## \[", text))
    return Measure(
        f"specdiff {' '.join(argv)}",
        seconds,
        cpu,
        sum(watch.calls.values()),
        len(watch.calls),
        max(watch.calls.values(), default=0),
        sum(c.hits for c in watch.caches),
        sum(c.misses for c in watch.caches),
        listed,
    )


def parse_and_compare_alone(texts: list[str]) -> tuple[float, float]:
    """CPU seconds to parse the distinct texts, and to compare consecutive versions (parsed)."""
    from specdiff.compare import compare_specs
    from specdiff.config import DEFAULT_CONFIG
    from specdiff.parse import DEFAULT_VOCABULARY, parse_spec

    distinct = list(dict.fromkeys(texts))
    gc.collect()
    start = time.process_time()
    parsed = {text: parse_spec(text, DEFAULT_VOCABULARY) for text in distinct}
    parsing = time.process_time() - start
    specs = [parsed[text] for text in texts]
    gc.collect()
    start = time.process_time()
    for old, new in itertools.pairwise(specs):
        compare_specs(old, new, DEFAULT_CONFIG)
    return parsing, time.process_time() - start


def git_blobs(repo: Path) -> int:
    tags = subprocess.run(
        ["git", "tag", "--list"], cwd=repo, capture_output=True, text=True, check=True
    ).stdout.split()
    blobs = subprocess.run(
        ["git", "rev-parse", *(f"{t}:spec.md" for t in tags)],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return len(set(blobs))


def report(
    args: argparse.Namespace,
    texts: list[str],
    blobs: int,
    imported: float,
    measures: list[Measure],
    alone: tuple[float, float],
) -> str:
    size = sum(len(t.encode()) for t in texts) / len(texts) / 1024
    n = len(texts)
    out = [
        f"## {SECTION}",
        "",
        "`python bench/bench_history.py --update BENCHMARKS.md` (rewrites this section only).",
        f"A generated history of {n} versions of a synthetic spec of {size:.0f} KB on average "
        f"(`bench/synth.py`, seed {args.seed}); each version edits {args.share:.0%} of the "
        "clauses of the one before, and one version re-releases the text before it unchanged "
        f"(two tags, one blob: {blobs} distinct spec blobs). The folder is replayed into a "
        f"temporary git repository with `specdiff import` ({imported:.1f} s), then each "
        "command runs once in this process with `parse_spec` wrapped to count its calls.",
        f"Python {platform.python_version()} on {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs, load average {args.load:.1f} when the run started. Wall "
        "time is what a user waits; CPU time is this process's own (without git's), which "
        "a busy machine disturbs less.",
        "",
        "| command | wall | wall per version | CPU | CPU per version | `parse_spec` calls "
        "| distinct texts parsed | most parses of one text | `SpecCache` misses / hits "
        "| versions listed |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for m in measures:
        out.append(
            f"| `{m.command}` | {m.seconds:.1f} s | {m.seconds / n * 1000:.0f} ms "
            f"| {m.cpu:.1f} s | {m.cpu / n * 1000:.0f} ms | {m.parses} | {m.distinct} "
            f"| {m.most} | {m.misses} / {m.hits} | {m.versions} |"
        )
    parsing, comparing = alone
    distinct = len(set(texts))
    out += [
        "",
        f"Each run parses every distinct blob exactly once ({blobs} blobs, {blobs} parses; the "
        "re-released version is a cache hit). For scale, measured apart in the same process "
        f"(CPU time): parsing the {distinct} distinct texts takes {parsing:.1f} s "
        f"({parsing / distinct * 1000:.0f} ms each) and comparing the {n - 1} consecutive "
        f"pairs, already parsed, {comparing:.1f} s ({comparing / (n - 1) * 1000:.0f} ms each).",
    ]
    return "\n".join(out) + "\n"


def update(path: Path, text: str) -> None:
    """Rewrite this benchmark's section(s) of ``path``."""
    from benchmarks_md import update_sections  # bench/ is on the path when run as a script

    update_sections(path, text, (SECTION,))


def note(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--versions", type=int, default=50)
    parser.add_argument("--size", default="270KB", help="size of the first version (270KB)")
    parser.add_argument("--share", type=float, default=0.01, help="clauses edited per version")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--update", type=Path, help="rewrite the History section of this file")
    args = parser.parse_args()
    args.load = os.getloadavg()[0]
    sys.path.insert(0, str(REPO / "bench"))
    import synth

    from specdiff.history.importer import import_history

    note(f"generating {args.versions} versions")
    texts = history_texts(args.versions, synth.parse_size(args.size), args.share, args.seed)
    note("parsing and comparing alone")
    alone = parse_and_compare_alone(texts)
    watch = Watch()
    with tempfile.TemporaryDirectory(prefix="specdiff-bench-history-") as work:
        folder, repo = Path(work) / "versions", Path(work) / "repo"
        write_folder(folder, texts)
        note("importing them into git")
        start = time.perf_counter()
        import_history(folder, cwd=Path(work), into=repo)
        imported = time.perf_counter() - start
        blobs = git_blobs(repo)
        measures = []
        for argv in (["log"], ["changelog"]):
            note(f"specdiff {' '.join(argv)}")
            measures.append(run_command(watch, repo, argv))
    for m in measures:
        if m.parses != blobs or m.most != 1 or m.misses != blobs:
            raise SystemExit(f"{m.command}: {m.parses} parses for {blobs} blobs: {m}")
    text = report(args, texts, blobs, imported, measures, alone)
    print(text)
    if args.update:
        update(args.update, text)


if __name__ == "__main__":
    main()
