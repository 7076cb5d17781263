"""An include heading naming a file outside the spec's folder (spec-md's
``# [Appendix: Licensing](../LICENSE.md)``): that file is never read with the spec, so
nothing takes the heading's place; it stays a heading, as the reader of the source sees
it, and adding or removing it is reported (issue 10: no change missed)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from specdiff.compare import compare_specs
from specdiff.parse import parse_spec
from specdiff.parse.documents import parse_documents

if TYPE_CHECKING:
    from specdiff.model.document import Spec

ROOT = "# Spec\n\nIntro.\n\n# [A](a.md)\n\n# [B](b.md)\n"
OUTSIDE = ROOT + "\n# [Appendix: Terms](../TERMS.md)\n"
A = "# A\n\nA must hold.\n"
B = "# B\n\nB text.\n"


def read(root: str) -> Spec:
    return parse_documents(sorted({"index.md": root, "a.md": A, "b.md": B}.items()), parse_spec)


def _sections(root: str) -> list[tuple[str, str]]:
    spec = read(root)
    return [(s.id, s.title) for s in spec.sections if s.level]


def test_a_heading_including_a_file_outside_the_folder_stays_a_heading_after_the_others() -> None:
    assert _sections(OUTSIDE) == [
        ("spec", "Spec"),
        ("a", "A"),
        ("b", "B"),
        ("appendix-terms", "[Appendix: Terms](../TERMS.md)"),
    ]


def test_adding_and_removing_it_is_reported_as_a_section() -> None:
    added = compare_specs(read(ROOT), read(OUTSIDE)).changes
    assert [(c.scope.value, c.kind.value, c.section) for c in added] == [
        ("section", "added", "appendix-terms")
    ]
    removed = compare_specs(read(OUTSIDE), read(ROOT)).changes
    assert [(c.scope.value, c.kind.value, c.old_section) for c in removed] == [
        ("section", "removed", "appendix-terms")
    ]


def test_control_includes_inside_the_folder_are_still_placed_and_not_sections() -> None:
    assert _sections(ROOT) == [("spec", "Spec"), ("a", "A"), ("b", "B")]
    spec = read(OUTSIDE)
    assert compare_specs(spec, spec).changes == ()
