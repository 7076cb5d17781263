"""``specdiff demo``."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import click

from ._common import note

#: A section of the sample spec with an interesting past (renamed, new anchor, reworded).
_SAMPLE_SECTION = "honest_feedback"


@click.command("demo")
@click.option(
    "--dir",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to build the demo repository (default: a new temporary folder). Must be missing or empty.",
)
def command(folder: Path | None) -> int:
    """Run the whole pipeline on the sample history that ships with specdiff.

    Imports the sample spec's versions into a new git repository, then runs
    `specdiff log`, `specdiff compare` on the last two versions,
    `specdiff changelog` and `specdiff publish`, and says where it left the
    repository and the site."""
    from ..errors import InputError
    from ..history.importer import import_history
    from ..history.sample import sample_history
    from ..history.settings import load_config
    from ..history.store import SpecStore
    from . import run

    if folder is not None and folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise InputError(f"{folder}: already exists and is not an empty folder")
    target = folder or Path(tempfile.mkdtemp(prefix="specdiff-demo-"))
    source = sample_history()
    note(f"== importing the sample history from {source}")
    result = import_history(source, cwd=Path.cwd(), into=target, progress=note)
    config = load_config(result.root)
    store = SpecStore.open(result.root, scheme=config.version_scheme, tag_prefix=config.tag_prefix)
    versions = [tag.version for tag in store.versions()]
    first, before_last, last = versions[0], versions[-2], versions[-1]
    site = result.root / "_site"
    steps = [
        ["log"],
        ["compare", before_last, last],
        ["changelog"],
        ["publish", "--out", str(site)],
    ]
    here = Path.cwd()
    os.chdir(result.root)
    try:
        for argv in steps:
            click.echo(f"\n$ specdiff {' '.join(argv)}\n")
            status = run(argv)
            if status not in (0, 1):
                return status
    finally:
        os.chdir(here)
    note(
        f"\nThe demo repository is in {result.root}; its site is {site / 'index.html'}.\n"
        "Try, from the repository:\n"
        f"  specdiff compare {first} {last} --format markdown\n"
        f"  specdiff history {_SAMPLE_SECTION}\n"
        f"  specdiff show {last} --section {_SAMPLE_SECTION}\n"
        "  specdiff serve"
    )
    return 0
