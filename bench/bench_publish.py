"""Benchmark: publishing the site of a long history of a large spec.

Builds a deterministic history in a temporary git repository (version 1 is a synthetic
spec of about ``--size`` bytes from ``bench/synth.py``; each later version edits a few
clauses of the one before), then times ``specdiff publish`` in two phases (reading and
comparing the versions; rendering and writing the pages) and reports the site's size.

    python bench/bench_publish.py                      # 50 versions of ~270 KB
    python bench/bench_publish.py --versions 10 --size 100KB --keep /tmp/bench-site
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth

from specdiff.site import build_pages, check_out_dir, load_model, write_site
from specdiff.workspace import Workspace

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
        _git(repo, "commit", "--quiet", "-m", f"Version 1.{number}.0", date=date)
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--versions", type=int, default=50)
    parser.add_argument("--size", default="270KB", help="size of the first version")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--share", type=float, default=0.003, help="clauses edited per version")
    parser.add_argument("--keep", type=Path, default=None, help="write the site here and keep it")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="specdiff-bench-publish-") as scratch:
        repo = Path(scratch) / "repo"
        began = time.perf_counter()
        last_size = make_history(
            repo, args.versions, synth.parse_size(args.size), args.seed, args.share
        )
        generated = time.perf_counter() - began
        out = args.keep or Path(scratch) / "site"
        report = {"spec_bytes_last": last_size, "generate_s": round(generated, 1)}
        report.update(measure(repo, out))
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(
        f"{report['versions']} versions of a {last_size / 1024:.0f} KB spec "
        f"({report['sections']} section ids, {report['compare_pages']} compare pages)"
    )
    print(
        f"publish: {report['total_s']} s (read and compare {report['read_and_compare_s']} s, "
        f"render and write {report['render_and_write_s']} s), max RSS {report['max_rss_mb']} MB"
    )
    print(
        f"cpu: read and compare {report['read_and_compare_cpu_s']} s, "
        f"render and write {report['render_and_write_cpu_s']} s"
    )
    print(
        f"site: {report['pages']} pages, {report['files']} files, "
        f"{int(report['bytes']) / 1024 / 1024:.1f} MB"  # type: ignore[call-overload]
    )
    for folder, (count, size) in report["by_folder"].items():  # type: ignore[attr-defined]
        print(f"  {folder:<10} {count:>5} files {size / 1024 / 1024:>8.1f} MB")


if __name__ == "__main__":
    main()
