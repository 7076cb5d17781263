"""Benchmark of attributing changes to commits: `specdiff changelog` over a history of
many commits per release, with attribution and without it (as it was before).

    python bench/bench_attribution.py                          # prints a Markdown section
    python bench/bench_attribution.py --update BENCHMARKS.md   # rewrites its section

The history: a synthetic spec of about 270 KB (``bench/synth.py``), then ``--commits``
commits per release, each editing ``--share`` of the clauses, and a version tag after
every ``--commits`` commits, ``--versions`` tags in all. `specdiff changelog` runs in this
process (best of two runs each); "without attribution" replaces
``specdiff.history.attribution.attribute`` by a function that attributes nothing, which
is what `changelog` did before.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from bench_compare import machine  # noqa: E402
from benchmarks_md import update_sections  # noqa: E402

SECTION = "Attribution"
TARGET = 2.0


def git(repo: Path, *args: str, env: dict[str, str] | None = None) -> None:
    subprocess.run(
        ["git", *args], cwd=repo, check=True, capture_output=True, env={**os.environ, **(env or {})}
    )


def build_history(repo: Path, versions: int, commits: int, share: float, seed: int) -> int:
    """A repository with ``versions`` tags, ``commits`` commits between two tags."""
    import synth

    sections = synth.build(270 * 1024, seed)
    git(repo, "init", "-q", "-b", "main")
    identity = {
        "GIT_AUTHOR_NAME": "Bench",
        "GIT_AUTHOR_EMAIL": "bench@example.com",
        "GIT_COMMITTER_NAME": "Bench",
        "GIT_COMMITTER_EMAIL": "bench@example.com",
    }
    total = 0
    for version in range(versions):
        steps = 1 if version == 0 else commits
        for step in range(steps):
            if version:
                synth.edit(sections, share, seed * 100_000 + version * 100 + step)
            (repo / "spec.md").write_text(synth.render(sections), encoding="utf-8")
            git(repo, "add", "spec.md")
            subject = f"Edit {version}.{step} (#{version * 100 + step})"
            git(repo, "commit", "-q", "-m", subject, env=identity)
            total += 1
        git(repo, "tag", "-a", "-m", f"Version 1.{version}.0", f"v1.{version}.0", env=identity)
    return total


def run_changelog(repo: Path) -> tuple[float, str]:
    from specdiff.cli import run

    out, err = io.StringIO(), io.StringIO()
    here = Path.cwd()
    os.chdir(repo)
    gc.collect()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            start = time.perf_counter()
            code = run(["changelog"])
            seconds = time.perf_counter() - start
    finally:
        os.chdir(here)
    if code != 0:
        raise SystemExit(f"specdiff changelog failed: {err.getvalue()}")
    return seconds, out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--versions", type=int, default=50)
    parser.add_argument("--commits", type=int, default=5)
    parser.add_argument("--share", type=float, default=0.002, help="clauses edited per commit")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--update", type=Path)
    args = parser.parse_args()
    import specdiff.parse
    from specdiff.history import attribution

    parses = [0]
    original_parse = specdiff.parse.parse_spec

    def counting_parse(*parse_args: object, **parse_kwargs: object) -> object:
        parses[0] += 1
        return original_parse(*parse_args, **parse_kwargs)  # type: ignore[arg-type]

    specdiff.parse.parse_spec = counting_parse  # type: ignore[assignment]

    with tempfile.TemporaryDirectory(prefix="specdiff-bench-attribution-") as work:
        repo = Path(work) / "repo"
        repo.mkdir()
        print("building the history", file=sys.stderr)
        total = build_history(repo, args.versions, args.commits, args.share, args.seed)
        original = attribution.attribute
        timings: dict[str, float] = {}
        outputs: dict[str, str] = {}
        parsed: dict[str, int] = {}
        for name, function in (("without", lambda *a, **k: {}), ("with", original)):
            attribution.attribute = function  # type: ignore[assignment]
            parses[0] = 0
            runs = [run_changelog(repo) for _ in range(2)]
            parsed[name] = parses[0] // 2
            timings[name] = min(seconds for seconds, _ in runs)
            outputs[name] = runs[0][1]
            print(f"{name}: {timings[name]:.2f} s", file=sys.stderr)
        attribution.attribute = original
    ratio = timings["with"] / timings["without"]
    groups = outputs["with"].count("### Changes by pull request")
    verdict = "met" if ratio <= TARGET else "not met"
    text = "\n".join(
        [
            f"## {SECTION}",
            "",
            f"Target: attributing each change to its pull request keeps `specdiff changelog` "
            f"within {TARGET:.0f}× of its time without attribution (issue 11). "
            f"Status: **{verdict}** ({ratio:.2f}×).",
            "",
            f"A generated history: a synthetic spec of about 270 KB, {args.versions} version "
            f"tags, {args.commits} commits between two tags ({total} commits in all), each "
            f"commit editing {args.share:.1%} of the clauses and named `Title (#N)` like a "
            "squash-merged pull request. `specdiff changelog` runs in one process, best of "
            "two runs each. Reproduce with `python bench/bench_attribution.py`.",
            "",
            "| `specdiff changelog` | wall time | specs parsed | entries grouped by pull request |",
            "| --- | --- | --- | --- |",
            f"| without attribution (before) | {timings['without']:.2f} s | {parsed['without']} | 0 |",
            f"| with attribution | {timings['with']:.2f} s | {parsed['with']} | {groups} |",
            "",
            "Attribution reads each commit's text and looks for each change's words in it; it "
            "parses a commit only for changes words cannot place (a clause moved between "
            "sections, an attribute), so the parse count says how often that happened.",
            "",
            f"Machine: {machine()}.",
        ]
    )
    print(text)
    if args.update:
        update_sections(args.update, text, (SECTION,))


if __name__ == "__main__":
    main()
