"""Benchmark: publishing the site of a long history of a large spec.

Builds a deterministic history in a temporary git repository (version 1 is a synthetic
spec of about ``--size`` bytes from ``bench/synth.py``; each later version edits a few
clauses of the one before), then times ``specdiff publish`` in two phases (reading and
comparing the versions; rendering and writing the pages) and reports the site's size.

    python bench/bench_publish.py                      # 50 versions of ~270 KB
    python bench/bench_publish.py --all-pairs 30 --update BENCHMARKS.md
    python bench/bench_publish.py --versions 10 --size 100KB --keep /tmp/bench-site
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth

from specdiff.history.workspace import Workspace
from specdiff.publish import build_pages, check_out_dir, load_model, write_site

SECTION = "Publishing"
_GIT_ENV = {
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Bench",
    "GIT_AUTHOR_EMAIL": "bench@example.com",
    "GIT_COMMITTER_NAME": "Bench",
    "GIT_COMMITTER_EMAIL": "bench@example.com",
}


def _git(repo: Path, *args: str, date: str | None = None) -> None:
    env = {**os.environ, **_GIT_ENV}
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def make_history(repo: Path, versions: int, size: int, seed: int, share: float) -> int:
    """Commit and tag ``versions`` versions of spec.md; returns the last version's size."""
    repo.mkdir(parents=True)
    _git(repo, "init", "--quiet", "-b", "main")
    (repo / "specdiff.toml").write_text(
        'spec = "spec.md"\n\n[site]\ntitle = "Synthetic Spec"\n', encoding="utf-8"
    )
    sections = synth.build(size, seed)
    text = ""
    for number in range(versions):
        if number:
            synth.edit(sections, share=share, seed=seed * 1000 + number)
        text = synth.render(sections)
        (repo / "spec.md").write_text(text, encoding="utf-8")
        date = f"{2020 + number // 12}-{number % 12 + 1:02d}-01T12:00:00+00:00"
        _git(repo, "add", "--all")
        _git(repo, "commit", "--quiet", "--allow-empty", "-m", f"Version 1.{number}.0", date=date)
        _git(repo, "tag", "-a", "-m", f"Release 1.{number}.0", f"v1.{number}.0", date=date)
    return len(text.encode("utf-8"))


def measure(repo: Path, out: Path) -> dict[str, object]:
    workspace = Workspace.discover(cwd=repo)
    start, cpu_start = time.perf_counter(), time.process_time()
    model = load_model(workspace)
    loaded, cpu_loaded = time.perf_counter(), time.process_time()
    result = write_site(check_out_dir(out, protect=[repo]), build_pages(model), model.generator)
    written, cpu_written = time.perf_counter(), time.process_time()
    by_folder: Counter[str] = Counter()
    bytes_by_folder: Counter[str] = Counter()
    for path in out.rglob("*"):
        if path.is_file():
            folder = path.relative_to(out).parts[0] if len(path.relative_to(out).parts) > 1 else "/"
            by_folder[folder] += 1
            bytes_by_folder[folder] += path.stat().st_size
    return {
        "versions": len(model.versions),
        "compare_pages": len(model.pairs()),
        "sections": len(model.section_ids),
        "read_and_compare_s": round(loaded - start, 2),
        "render_and_write_s": round(written - loaded, 2),
        "total_s": round(written - start, 2),
        "read_and_compare_cpu_s": round(cpu_loaded - cpu_start, 2),
        "render_and_write_cpu_s": round(cpu_written - cpu_loaded, 2),
        "pages": result.pages,
        "files": result.files,
        "bytes": result.bytes,
        "by_folder": {k: [by_folder[k], bytes_by_folder[k]] for k in sorted(by_folder)},
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def markdown(rows: list[dict[str, object]], args: argparse.Namespace, load: float) -> str:
    """The "Publishing" section of BENCHMARKS.md."""
    out = [
        f"## {SECTION}",
        "",
        "`python bench/bench_publish.py --all-pairs 30 --update BENCHMARKS.md` (rewrites this section only).",
        f"A generated history in a temporary git repository: version 1 is a synthetic spec of "
        f"about {args.size} (`bench/synth.py`, seed {args.seed}); each next version edits "
        f"{args.share:.1%} of the clauses of the one before. `build_site` runs in this "
        "process in two phases: reading the tags and comparing consecutive versions (the "
        "timeline: one parse per version, one comparison per release), then rendering and "
        "writing every page. Up to 30 versions, compare pages exist for every pair, so the "
        "second row also pays for the comparisons of non-consecutive pairs.",
        f"Python {platform.python_version()} on {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs, load average {load:.1f} when the run started; CPU time is "
        "this process's own, which a busy machine disturbs less than wall time.",
        "",
        "| versions | compare pages | read and compare (wall / CPU) | render and write "
        "(wall / CPU) | total wall | pages | files | site size | text pages | peak RSS so far |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        folders: dict[str, list[int]] = row["by_folder"]  # type: ignore[assignment]
        out.append(
            f"| {row['versions']} | {row['compare_pages']} "
            f"| {row['read_and_compare_s']} s / {row['read_and_compare_cpu_s']} s "
            f"| {row['render_and_write_s']} s / {row['render_and_write_cpu_s']} s "
            f"| {row['total_s']} s | {row['pages']} | {row['files']} "
            f"| {_mb(row['bytes'])} | {_mb(folders.get('text', [0, 0])[1])} "
            f"| {row['max_rss_mb']} MB |"
        )
    out += [
        "",
        "The full text of every version is most of the site (each ~270 KB spec becomes "
        "~400 KB of HTML). Sections whose text did not change are rendered once and reused "
        "across versions, so rendering costs about one version plus the edits.",
    ]
    return "\n".join(out) + "\n"


def _mb(count: object) -> str:
    return f"{int(count) / 1024 / 1024:.1f} MB"  # type: ignore[call-overload]


def update(path: Path, text: str) -> None:
    """Rewrite this benchmark's section(s) of ``path``."""
    from benchmarks_md import update_sections  # bench/ is on the path when run as a script

    update_sections(path, text, (SECTION,))


def run(versions: int, args: argparse.Namespace, keep: Path | None) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="specdiff-bench-publish-") as scratch:
        repo = Path(scratch) / "repo"
        print(f"generating {versions} versions", file=sys.stderr, flush=True)
        last = make_history(repo, versions, synth.parse_size(args.size), args.seed, args.share)
        print("publishing", file=sys.stderr, flush=True)
        report: dict[str, object] = {"spec_bytes_last": last}
        report.update(measure(repo, keep or Path(scratch) / "site"))
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--versions", type=int, default=50)
    parser.add_argument(
        "--all-pairs", type=int, default=0, metavar="N",
        help="also publish a history of N versions (at most 30: compare pages for all pairs)",
    )  # fmt: skip
    parser.add_argument("--size", default="270KB", help="size of the first version")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--share", type=float, default=0.003, help="clauses edited per version")
    parser.add_argument("--keep", type=Path, default=None, help="write the site here and keep it")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--update", type=Path, help="rewrite the Publishing section of this file")
    args = parser.parse_args()
    load = os.getloadavg()[0]
    rows = [run(args.versions, args, args.keep)]
    if args.all_pairs:
        rows.append(run(args.all_pairs, args, None))
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    text = markdown(rows, args, load)
    print(text)
    if args.update:
        update(args.update, text)


if __name__ == "__main__":
    main()
