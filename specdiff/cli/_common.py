"""Options and helpers shared by the subcommands."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from ..config import Config
    from ..model.document import Spec

F = TypeVar("F", bound=Callable[..., Any])


def config_option(function: F) -> F:
    return click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Configuration file (default: specdiff.toml or [tool.specdiff] in pyproject.toml, "
        "looked for upward from the current folder).",
    )(function)


def format_option(*choices: str, default: str | None = None) -> Callable[[F], F]:
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(choices),
        default=default or choices[0],
        show_default=True,
        help="Output format.",
    )


def load_config(config_path: Path | None) -> Config:
    from ..history.settings import load_config as load

    return load(Path.cwd(), config_path)


def parse_file(path: Path, config: Config) -> Spec:
    from ..history.sources import read_spec_file
    from ..parse import parse_spec
    from ..parse.documents import parse_single

    # Keyed by the suffix: an .mdx file is read as MDX, as it is inside a folder spec.
    return parse_single(
        path.name, read_spec_file(path), lambda text: parse_spec(text, config.vocabulary)
    )[0]


def emit(text: str) -> None:
    """Write a command's data to stdout, ending with exactly one newline."""
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    sys.stdout.flush()


def note(message: str) -> None:
    """Narrative for the user (progress, warnings): stderr, never mixed with data."""
    click.echo(message, err=True)


def spec_option(function: F) -> F:
    return click.option(
        "--spec",
        "spec_path",
        metavar="PATH",
        default=None,
        help="The spec file inside the repository (default: from config, or the only Markdown file).",
    )(function)


#: Work shorter than this shows no progress at all (no flicker for quick commands).
PROGRESS_AFTER = 1.0


def progress_printer(after: float = PROGRESS_AFTER) -> Callable[[str], None]:
    """Progress lines on stderr, only when someone is watching a terminal and only once
    the work has taken longer than ``after`` seconds; each line replaces the one before."""
    if not sys.stderr.isatty():
        return lambda _message: None
    import time

    start = time.monotonic()

    def show(message: str) -> None:
        if time.monotonic() - start >= after:
            click.echo(f"\r\x1b[2K{message}", err=True, nl=False)

    return show


def end_progress() -> None:
    if sys.stderr.isatty():
        click.echo("\r\x1b[2K", err=True, nl=False)


def section_named(name: str, specs: Sequence[Spec]) -> list[str | None]:
    """In each spec, the combined id of the section ``name`` names (None where it names
    none); a bare id that several files of one spec have is an error (exit 2) that lists
    them as ``path#id``, never a silent pick."""
    from ..errors import InputError
    from ..model.section_names import SectionIndex, ambiguity

    indexes = [SectionIndex(spec) for spec in specs]
    problem = ambiguity(name, indexes)
    if problem is not None:
        raise InputError(problem)
    return [next(iter(index.candidates(name)), None) for index in indexes]


def section_hint(name: str, specs: Sequence[Spec]) -> str:
    """``"; did you mean #x?"`` over the names the sections of ``specs`` may be given."""
    from ..errors import did_you_mean
    from ..model.section_names import SectionIndex

    known = [known for spec in specs for known in SectionIndex(spec).known()]
    if not any(spec.documents for spec in specs):
        return did_you_mean(name, known, "#")
    # Many files: names read "#overview" or "api/auth.md#overview", as links do.
    shown = [k if "#" in k else f"#{k}" for k in known]
    return did_you_mean(name if "#" in name else f"#{name}", shown)


def section_label(name: str) -> str:
    """A section name as messages show it: ``#id``, or ``path#id`` as typed."""
    bare = name.removeprefix("#")
    return bare if "#" in bare else f"#{bare}"
