"""The ``specdiff`` command line: a lazy click group and the one place that exits.

Subcommands live in their own modules and are imported only when run, so that
``specdiff --help`` costs little more than starting Python.
"""

from __future__ import annotations

import os
import sys
from importlib import import_module
from typing import TYPE_CHECKING, Any

import click

from ..errors import ExitCode, SpecdiffError

if TYPE_CHECKING:
    from ..history.interrupts import Interrupted

#: name -> (module, one-line help). The order is the order ``--help`` lists them in.
COMMANDS: dict[str, tuple[str, str]] = {
    "compare": ("specdiff.cli.compare", "Show what changed in meaning between two versions."),
    "outline": (
        "specdiff.cli.outline",
        "Show a spec's section tree, attributes and clause counts.",
    ),
    "check": ("specdiff.cli.check", "Lint a spec: duplicate ids, broken anchors, bad attributes."),
    "log": (
        "specdiff.cli.log",
        "List released versions and unreleased revisions with their bumps.",
    ),
    "show": ("specdiff.cli.show", "Print the spec (or one section) as it was at a version."),
    "history": ("specdiff.cli.history", "Show how one section changed across versions."),
    "release": ("specdiff.cli.release", "Tag the next version and prepend its CHANGELOG entry."),
    "changelog": ("specdiff.cli.changelog", "Rebuild the whole changelog from the version tags."),
    "publish": (
        "specdiff.cli.publish",
        "Publish the versions as a static site (pages, feed, JSON).",
    ),
    "serve": ("specdiff.cli.serve", "Build the site and serve it on localhost for a preview."),
    "import": ("specdiff.cli.import_", "Replay a folder of versions as dated commits and tags."),
    "init": (
        "specdiff.cli.init",
        "Write specdiff.toml and a GitHub workflow into a spec repository.",
    ),
    "ci": ("specdiff.cli.ci", "Run inside GitHub Actions: check pull requests, release on merge."),
    "demo": ("specdiff.cli.demo", "Run the whole pipeline on the bundled sample history."),
}


class _Stopped(Exception):
    """SIGTERM or SIGHUP, carried past click (which turns a KeyboardInterrupt into Abort)."""

    def __init__(self, signal: Interrupted) -> None:
        super().__init__(signal.name)
        self.signal = signal


class LazyGroup(click.Group):
    """A group that imports a subcommand's module only when that subcommand is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module = import_module(COMMANDS[cmd_name][0])
        command: click.Command = module.command
        return command

    def invoke(self, ctx: click.Context) -> Any:
        from ..history.interrupts import Interrupted

        try:
            return super().invoke(ctx)
        except Interrupted as exc:
            if exc.name == "SIGINT":
                raise  # click prints the newline that follows a ^C on the terminal
            raise _Stopped(exc) from None  # not a KeyboardInterrupt: click passes it on

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Commands"):
            formatter.write_dl([(name, summary) for name, (_, summary) in COMMANDS.items()])


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(package_name="specdiff", message="%(prog)s %(version)s")
def cli() -> None:
    """Clause-level semantic changelogs and semver bumps for Markdown specs kept in git.

    \b
    Exit codes: 0 success; 1 a --fail-on threshold was reached, or check found
    errors; 2 usage, input, configuration or git error; 130, 143, 129 stopped by
    Ctrl-C, SIGTERM, SIGHUP (after undoing anything half-written).
    """


def main(argv: list[str] | None = None) -> None:
    """Console entry point: run the CLI and turn every outcome into an exit code."""
    sys.exit(run(argv))


def run(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code; errors become one line on stderr."""
    from ..history.interrupts import handled

    try:
        with handled():
            result: Any = cli.main(args=argv, prog_name="specdiff", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.UsageError as exc:
        where = exc.ctx.command_path if exc.ctx is not None else "specdiff"
        _error(f"{exc.format_message()} (see '{where} --help')")
        return ExitCode.ERROR
    except click.ClickException as exc:
        _error(exc.format_message())
        return ExitCode.ERROR
    except _Stopped as exc:
        return _interrupted(exc.signal)
    except click.exceptions.Abort:
        # click turns a KeyboardInterrupt (so also SIGTERM and SIGHUP) into Abort.
        from ..history.interrupts import received

        return _interrupted(received())
    except SpecdiffError as exc:
        _error(str(exc))
        return exc.exit_code
    except KeyboardInterrupt as exc:
        from ..history.interrupts import Interrupted

        return _interrupted(exc if isinstance(exc, Interrupted) else None)
    except BrokenPipeError:
        # The reader went away (e.g. `specdiff log | head`): not an error worth a message.
        _silence_stdout()
        return ExitCode.OK
    except RecursionError:
        _error("input nested too deeply to process")
        return ExitCode.ERROR
    except Exception as exc:
        if os.environ.get("SPECDIFF_DEBUG"):
            raise
        _error(
            f"internal error: {type(exc).__name__}: {exc} (set SPECDIFF_DEBUG=1 to see the traceback)"
        )
        return ExitCode.ERROR
    return int(result) if isinstance(result, int) else ExitCode.OK


def _interrupted(signal: Interrupted | None) -> int:
    """Ctrl-C, SIGTERM and SIGHUP alike: whatever was half-written has been undone."""
    if signal is not None and signal.name != "SIGINT":
        _error(f"interrupted by {signal.name}")
        return signal.exit_code
    _error("interrupted")
    return 130


def _error(message: str) -> None:
    line = " ".join(str(message).split())
    click.echo(f"specdiff: error: {line}", err=True)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
