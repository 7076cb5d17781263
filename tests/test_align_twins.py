"""Twin text in sibling objects (issue 10): specs repeat a paragraph in every object ("This
object MAY be extended with vendor fields."). When the copy of one object is removed or
edited, and other objects lose the sub-heading their copy stood under, each copy stays
in its own object: the record names the object whose copy changed, and a copy that only
lost its sub-heading moves within its own object, never to a sibling's.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from specdiff.compare import compare_specs
from specdiff.history.settings import config_from_text
from specdiff.parse import parse_spec

CONFIG = config_from_text("", False, "test")
NAMES = ("parcel", "courier", "depot", "crate", "manifest", "route", "ledger")
TWIN = "This object MAY be extended with vendor fields."
EDITED = "This object MAY be extended with vendor fields and tags."


def render(names: list[str], *, changed: int | None, edit: str, bare: set[int]) -> str:
    """Objects with a shared paragraph under a "Fields" sub-heading; ``changed``: the
    object whose copy is removed or edited; ``bare``: objects without the sub-heading."""
    lines = ["# Depots", ""]
    for k, name in enumerate(names):
        lines += [f"## {name.title()} Object", "", f"Describes a {name} kept at a depot.", ""]
        if k not in bare:
            lines += ["### Fields", ""]
        if k != changed:
            lines += [TWIN, ""]
        elif edit == "edited":
            lines += [EDITED, ""]
        lines += [f"Each {name} has an identifier no other {name} shares.", ""]
    return "\n".join(lines)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.sampled_from(NAMES), min_size=2, max_size=5, unique=True),
    st.data(),
)
def test_a_twin_changed_in_one_object_is_reported_in_that_object(names, data):
    changed = data.draw(st.integers(0, len(names) - 1))
    edit = data.draw(st.sampled_from(("removed", "edited")))
    bare = data.draw(st.sets(st.integers(0, len(names) - 1)))
    old_text = render(names, changed=None, edit=edit, bare=set())
    new_text = render(names, changed=changed, edit=edit, bare=bare)
    for forward in (True, False):
        before, after = (old_text, new_text) if forward else (new_text, old_text)
        old, new = parse_spec(before), parse_spec(after)
        report = compare_specs(old, new, CONFIG)

        def owner(spec, section_id):
            return spec.path(section_id)[1].id if section_id else None

        target = f"{names[changed]}-object"
        twins = [
            c
            for c in report.changes
            if str(c.scope) == "clause"
            and any("vendor fields" in side.text for side in (c.old, c.new) if side)
        ]
        changed_here = [
            c
            for c in twins
            if (c.old and c.old.text.strip() == EDITED)
            or (c.new and c.new.text.strip() == EDITED)
            or c.old is None
            or c.new is None
        ]
        assert len(changed_here) == 1, [str(c) for c in twins]
        record = changed_here[0]
        for spec, section_id in ((old, record.old_section), (new, record.section)):
            if section_id:
                assert owner(spec, section_id) == target, (names, changed, edit, bare, forward)
        for c in twins:
            if c.old is not None and c.new is not None:
                # A copy that only lost (or gained) its sub-heading stays in its object.
                assert owner(old, c.old_section) == owner(new, c.section)


def test_boilerplate_in_many_objects_is_read_object_by_object():
    """Ninety objects: a third lose their sub-heading (their copy moves within the object),
    a third lose the copy. However many copies move, each pairs within its own object."""
    names = [f"item{k}" for k in range(90)]
    lost = {k for k in range(90) if k % 3 == 1}
    old_text = render(names, changed=None, edit="removed", bare=set())
    lines = ["# Depots", ""]
    for k, name in enumerate(names):
        lines += [f"## {name.title()} Object", "", f"Describes a {name} kept at a depot.", ""]
        if k % 3 != 0:
            lines += ["### Fields", ""]
        if k not in lost:
            lines += [TWIN, ""]
        lines += [f"Each {name} has an identifier no other {name} shares.", ""]
    old, new = parse_spec(old_text), parse_spec("\n".join(lines))
    report = compare_specs(old, new, CONFIG)
    twins = [
        c
        for c in report.changes
        if str(c.scope) == "clause"
        and any("vendor fields" in side.text for side in (c.old, c.new) if side)
    ]
    removed = sorted(old.path(c.old_section)[1].id for c in twins if c.new is None)
    assert removed == sorted(f"{names[k]}-object" for k in lost)
    moved = [c for c in twins if c.old is not None and c.new is not None]
    assert len(moved) == 30
    assert all(old.path(c.old_section)[1].id == new.path(c.section)[1].id for c in moved)
