"""``specdiff import DIR``."""

from __future__ import annotations

from pathlib import Path

import click

from ._common import note


@click.command("import")
@click.argument("source", metavar="DIR", type=click.Path(path_type=Path))
@click.option(
    "--into",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Create a new repository in this folder (missing or empty) instead of using the "
    "current one.",
)
@click.option(
    "--spec-path",
    default=None,
    help="Where the spec goes in the repository (default: the manifest's spec_path, the "
    "configured spec, or spec.md).",
)
@click.option(
    "--scheme",
    type=click.Choice(["semver", "calver"]),
    default=None,
    help="Version scheme (default: the configuration's; calver when every version is a date).",
)
@click.option(
    "--tag-prefix",
    default=None,
    help="Tag prefix (default: the configuration's; 'v' for semver, '' for calver).",
)
def command(
    source: Path,
    into: Path | None,
    spec_path: str | None,
    scheme: str | None,
    tag_prefix: str | None,
) -> int:
    """Replay DIR (manifest.toml plus one file per version) as dated git commits and tags.

    One commit per version, dated and authored as the manifest says, and an annotated tag
    per version. Into the current repository (which must be clean) or a new one with
    --into. Running it again adds nothing: versions already tagged are skipped."""
    from ..history.importer import import_history

    result = import_history(
        source,
        cwd=Path.cwd(),
        into=into,
        spec_path=spec_path,
        scheme=scheme,
        tag_prefix=tag_prefix,
        progress=note,
    )
    done, skipped = len(result.imported), len(result.skipped)
    if done:
        note(
            f"imported {done} version{'' if done == 1 else 's'} of {result.spec_path} into {result.root}"
            + (f" ({skipped} already there)" if skipped else "")
        )
    else:
        note(
            f"nothing to import: {'the' if skipped == 1 else 'all'} {skipped} "
            f"version{' is' if skipped == 1 else 's are'} already in {result.root}"
        )
    return 0
