"""Types declared in code (issue 10): the members a block declares, and those a new
version of it dropped."""

from __future__ import annotations

from specdiff.classify._declarations import declared_members, removed_members

SCHEMA = """type __Directive {
  name: String!
  # arguments of the directive
  args: [__InputValue!]!
  fields(includeDeprecated: Boolean = false): [__Field!]
}

enum __DirectiveLocation {
  QUERY
  MUTATION
}"""


def test_members_are_read_by_type_in_order_without_comments():
    assert declared_members(SCHEMA) == {
        "__Directive": ["name", "args", "fields"],
        "__DirectiveLocation": ["QUERY", "MUTATION"],
    }


def test_a_protobuf_field_is_named_by_the_word_after_its_type():
    code = "message Berth {\n  string name = 1;\n  repeated Crane cranes = 2;\n}"
    assert declared_members(code) == {"Berth": ["name", "cranes"]}


def test_code_that_declares_no_type_has_no_members():
    assert declared_members("query {\n  berth(id: 4) {\n    name\n  }\n}") is None
    assert removed_members("x = 1", "x = 2") == []


def test_a_member_dropped_from_a_type_still_declared_is_removed():
    new = SCHEMA.replace("  MUTATION\n", "")
    assert removed_members(SCHEMA, new) == ["__DirectiveLocation.MUTATION"]
    assert removed_members(new, SCHEMA) == []


def test_a_type_no_longer_declared_in_the_block_removes_no_member_here():
    new = SCHEMA.split("\n\n", maxsplit=1)[0]
    assert removed_members(SCHEMA, new) == []
