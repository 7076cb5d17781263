"""The public API: every exported name resolves, and importing it stays cheap."""

from __future__ import annotations

import subprocess
import sys

import specdiff


def test_every_exported_name_resolves() -> None:
    for name in specdiff.__all__:
        assert getattr(specdiff, name) is not None, name


def test_the_command_line_does_not_load_the_core_to_print_help() -> None:
    code = "import sys; from specdiff.cli import cli; print(sorted(m for m in sys.modules if m.startswith('specdiff')))"
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert "specdiff.parse" not in loaded
    assert "specdiff.model" not in loaded
    assert "markdown_it" not in loaded


def test_api_round_trip() -> None:
    old = specdiff.parse_spec("# Rules {#rules}\n\nThe assistant should cite sources.\n")
    new = specdiff.parse_spec("# Rules {#rules}\n\nThe assistant must cite sources.\n")
    report = specdiff.compare_specs(old, new)
    assert report.bump is specdiff.Level.MAJOR
    assert "strengthens 1 rule" in specdiff.summarize(report).why


def test_every_name_render_exports_resolves() -> None:
    import specdiff.render as render

    assert render.__all__ == sorted(render._EXPORTS)
    for name in render.__all__:
        assert getattr(render, name) is not None, name
