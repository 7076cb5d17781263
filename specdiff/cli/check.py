"""``specdiff check FILE``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ._common import config_option, emit, format_option, load_config, parse_file


@click.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@format_option("text", "json", "github")
@config_option
def command(files: tuple[Path, ...], output_format: str, config_path: Path | None) -> int:
    """Lint spec FILES: duplicate section ids, links to anchors that do not exist,
    malformed attribute blocks, and attribute values outside those the config declares.

    Exits 1 when it finds errors, 0 when there are only warnings or nothing."""
    from ..parse.lint import Severity, lint
    from ..render.github import annotation

    config = load_config(config_path)
    results = [(file, lint(parse_file(file, config), config)) for file in files]
    errors = sum(1 for _, findings in results for f in findings if f.severity is Severity.ERROR)
    if output_format == "json":
        emit(
            json.dumps(
                {
                    "schema": "specdiff.check/1",
                    "errors": errors,
                    "findings": [
                        {
                            "path": str(file),
                            "line": f.line,
                            "severity": str(f.severity),
                            "code": f.code,
                            "message": f.message,
                        }
                        for file, findings in results
                        for f in findings
                    ],
                },
                indent=2,
            )
        )
    else:
        lines = []
        for file, findings in results:
            for f in findings:
                if output_format == "github":
                    lines.append(
                        annotation(
                            str(f.severity), f.message, file=str(file), line=f.line, title=f.code
                        )
                    )
                else:
                    lines.append(f"{file}:{f.line}: {f.severity}: {f.message} [{f.code}]")
        total = sum(len(findings) for _, findings in results)
        summary = f"{errors} error(s), {total - errors} warning(s) in {len(files)} file(s)"
        if output_format == "text":
            lines.append(summary if total else f"no problems found in {len(files)} file(s)")
        emit("\n".join(lines))
    return 1 if errors else 0
