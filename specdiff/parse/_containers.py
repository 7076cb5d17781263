"""MDX components as containers: a clause for each, holding the clauses of its content.

The Markdown inside a component was parsed as ordinary clauses (so its rules are read);
here each component becomes a :attr:`~specdiff.model.document.ClauseKind.COMPONENT`
clause placed just before its content, and the content's top-level clauses name it as
their :attr:`~specdiff.model.document.Clause.parent`. A component that holds a heading
lays out sections (tabs of chapters, say) rather than holding text; it gets no clause and
its content stays where the headings put it.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from typing import TYPE_CHECKING

from ..model.document import Clause, ClauseKind, SourceSpan
from ._text import fingerprint

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..model.document import Spec
    from ._mdx import Component


def with_components(spec: Spec, components: Sequence[Component]) -> Spec:
    """``spec`` with a container clause for each component that holds no heading."""
    headed = [s for s in spec.sections if s.level]
    heading_lines = [s.span.start for s in headed]
    kept: dict[int, Component] = {}
    for index, component in enumerate(components):
        first_heading = bisect.bisect_right(heading_lines, component.start)
        if first_heading < len(heading_lines) and heading_lines[first_heading] <= component.end:
            continue
        kept[index] = component
    if not kept:
        return spec

    def host(index: int | None) -> int | None:
        """The nearest enclosing component that is a container."""
        while index is not None and index not in kept:
            index = components[index].parent
        return index

    def section_at(line: int) -> str:
        slot = bisect.bisect_right(heading_lines, line) - 1
        return headed[slot].id if slot >= 0 else ""

    # Each container goes before the first clause that starts on or after its opening line.
    order: list[tuple[int, int, int]] = [(c.span.start, 1, c.index) for c in spec.clauses]
    order += [(c.start, 0, index) for index, c in kept.items()]
    order.sort()
    new_index: dict[tuple[int, int], int] = {
        (kind, index): position for position, (_, kind, index) in enumerate(order)
    }
    clauses: list[Clause] = []
    open_containers: list[int] = []  # component indices, outermost first
    for position, (_, kind, index) in enumerate(order):
        if kind == 0:
            component = kept[index]
            outer = host(component.parent)
            clauses.append(
                Clause(
                    index=position,
                    kind=ClauseKind.COMPONENT,
                    section=section_at(component.start),
                    text=component.tag,
                    span=SourceSpan(component.start, component.end),
                    fingerprint=fingerprint(component.tag),
                    parent=None if outer is None else new_index[(0, outer)],
                    info=component.name,
                )
            )
            while open_containers and kept[open_containers[-1]].end < component.start:
                open_containers.pop()
            open_containers.append(index)
            continue
        clause = spec.clauses[index]
        while open_containers and kept[open_containers[-1]].end < clause.span.start:
            open_containers.pop()
        inner = _innermost(open_containers, kept, clause)
        parent = None if clause.parent is None else new_index[(1, clause.parent)]
        if inner is not None:
            container = new_index[(0, inner)]
            if parent is None or parent < container:
                parent = container
        clauses.append(replace(clause, index=position, parent=parent))
    return _regrouped(spec, clauses)


def _innermost(
    open_containers: list[int], kept: dict[int, Component], clause: Clause
) -> int | None:
    for index in reversed(open_containers):
        component = kept[index]
        if component.start <= clause.span.start and clause.span.end <= component.end:
            return index
    return None


def _regrouped(spec: Spec, clauses: list[Clause]) -> Spec:
    by_section: dict[str, list[int]] = {}
    for clause in clauses:
        by_section.setdefault(clause.section, []).append(clause.index)
    sections = tuple(replace(s, clauses=tuple(by_section.get(s.id, ()))) for s in spec.sections)
    return replace(spec, sections=sections, clauses=tuple(clauses))
