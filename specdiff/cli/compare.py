"""``specdiff compare A [B]``."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import click

from ..policy.gate import FAIL_ON_LEVELS
from ._common import (
    config_option,
    emit,
    end_progress,
    progress_printer,
    section_hint,
    section_label,
    section_named,
)

if TYPE_CHECKING:
    from pathlib import Path

    from ..history.workspace import Loaded, Workspace
    from ..model.changes import Report


@click.command("compare")
@click.argument("base")
@click.argument("head", required=False)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "markdown", "json", "html", "github"]),
    default="text",
    show_default=True,
    help="text for a terminal, markdown for a pull-request comment, json for tools "
    "(specdiff.compare/1), html for one self-contained page, github for workflow annotations.",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON_LEVELS),
    default=None,
    help="Exit 1 when the bump reaches this level (accepted changes do not count).",
)
@click.option(
    "--section",
    "section",
    metavar="ID",
    default=None,
    help="Only changes in this section and its sub-sections. In a spec made of many "
    "files, PATH#ID names the section ID of the file PATH (an ID several files have "
    "must be named so).",
)
@click.option(
    "--document",
    "document",
    metavar="PATH",
    default=None,
    help="For a spec made of many files: only changes in this document (its path "
    "relative to the spec root, on either side).",
)
@click.option("--stat", is_flag=True, help="Only the headline and the counts.")
@click.option(
    "--spec",
    "spec_path",
    metavar="PATH",
    default=None,
    help="The spec file inside the repository (default: from config, or the only Markdown file).",
)
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour the text format (default: on a terminal, unless NO_COLOR is set).",
)
@config_option
def command(
    base: str,
    head: str | None,
    output_format: str,
    fail_on: str | None,
    section: str | None,
    document: str | None,
    stat: bool,
    spec_path: str | None,
    color: bool | None,
    config_path: Path | None,
) -> int:
    """Show what changed in meaning between BASE and HEAD, clause by clause.

    \b
    BASE and HEAD are each a file, a folder (a spec made of many files),
    REV:PATH, a version label (1.2.0), a tag, or any git revision (HEAD~3, a
    branch, a commit); `latest` is the latest released version (unless a file
    or revision has that name). HEAD defaults to the working-tree copy of the
    spec.

    \b
    Examples:
      specdiff compare v1.0.0 v2.0.0
      specdiff compare 1.1.0 --format markdown --fail-on major
      specdiff compare old.md new.md --section be_honest
      specdiff compare latest --fail-on major     (the pre-commit hook)
      specdiff compare spec-v1/ spec-v2/ --document overview.md
    """
    from ..compare import compare_specs
    from ..history.workspace import Workspace
    from ..policy.gate import fail_on_level, reaches

    workspace = Workspace.discover(config_path=config_path, spec=spec_path)
    progress = progress_printer()  # big specs take seconds: say which step is running
    progress(f"reading {base}")
    old = _load_base(workspace, base)
    progress(f"reading {head or 'the working tree'}")
    new = workspace.load(head)
    if document is not None and not (old.spec.documents or new.spec.documents):
        raise click.UsageError("--document needs a spec made of many files (a folder or globs)")
    if section is not None and not any(section_named(section, [old.spec, new.spec])):
        from ..errors import InputError

        hint = section_hint(section, [new.spec, old.spec])
        raise InputError(
            f"--section {section}: no section {section_label(section)} in "
            f"{old.endpoint.label} or {new.endpoint.label}{hint}"
        )
    progress(f"comparing {old.endpoint.label} → {new.endpoint.label}")
    report = compare_specs(
        old.spec,
        new.spec,
        workspace.config,
        base=old.endpoint,
        head=new.endpoint,
        section=section,
        document=document,
    )
    end_progress()
    root = workspace.selection.root if workspace.selection is not None else None
    emit(
        _render(report, output_format, color, stat, workspace.config.site.title or "specdiff", root)
    )
    if reaches(report, fail_on_level(fail_on)):
        click.echo(f"specdiff: bump {report.blocking_bump} reaches --fail-on {fail_on}", err=True)
        return 1
    return 0


def _load_base(workspace: Workspace, base: str) -> Loaded:
    """``base`` as any ref names it; ``latest`` that names nothing else is the last version."""
    from ..errors import InputError, RevisionError

    try:
        return workspace.load(base)
    except (InputError, RevisionError):
        if base != "latest":
            raise
    versions = workspace.store.versions()
    if not versions:
        raise InputError("`latest` names the latest released version, and there is none yet")
    return workspace.load(versions[-1].name)


def _render(
    report: Report,
    output_format: str,
    color: bool | None,
    stat: bool,
    title: str,
    document_root: str | None = None,
) -> str:
    if output_format == "json":
        from ..render.json import render_json

        return render_json(report)
    if output_format == "markdown":
        from ..render.markdown import render_markdown

        return render_markdown(report, title=title)
    if output_format == "html":
        from ..render.html import render_html

        return render_html(report, title=title)
    if output_format == "github":
        from ..render.github import render_github

        return render_github(report, document_root=document_root)
    from ..render.text import render_text

    use_color = (
        color if color is not None else (sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    )
    return render_text(report, color=use_color, stat=stat)
