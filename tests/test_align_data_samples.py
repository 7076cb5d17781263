"""Data samples (JSON or YAML mappings) are compared as data: two samples whose shared
plain values all differ are samples of different things, however alike their key names
make their texts (issue 10)."""

from __future__ import annotations

from specdiff.align import align
from specdiff.align._similarity import compatible
from specdiff.model.document import ClauseKind
from specdiff.parse import parse_spec

INTRO = "# Lamp Object\n\nA lamp on the quay.\n\n## Lamp Examples\n\nA green lamp:\n\n"
GREEN = '```json\n{\n  "name": "green",\n  "kind": "lamp",\n  "height": 4\n}\n```\n\n'


def _sample(name: str, kind: str, fence: str = "json", extra: str = "") -> str:
    return (
        f'```{fence}\n{{\n  "name": "{name}",\n  "kind": "{kind}",\n'
        f'  "description": "the {name} on the quay"{extra}\n}}\n```\n\n'
    )


def _code(text: str) -> list:
    return [c for c in parse_spec(text).clauses if c.kind is ClauseKind.CODE]


def _paired_codes(old: str, new: str) -> set[tuple[str, str]]:
    before, after = parse_spec(old), parse_spec(new)
    return {
        (before.clauses[p.old].text.split("\n")[1], after.clauses[p.new].text.split("\n")[1])
        for p in align(before, after).clauses
        if before.clauses[p.old].kind is ClauseKind.CODE
    }


def test_samples_of_different_things_are_not_one_sample_edited() -> None:
    beacon = _sample("beacon", "mast", fence="js")
    buoy = _sample("buoy", "float", extra=',\n  "colour": "red"')
    assert not compatible(_code(beacon)[0], _code(buoy)[0])
    assert not compatible(_code(buoy)[0], _code(beacon)[0])
    old = INTRO + GREEN + "A beacon:\n\n" + beacon
    new = INTRO + GREEN + "A buoy:\n\n" + buoy
    assert ('  "name": "beacon",', '  "name": "buoy",') not in _paired_codes(old, new)
    assert ('  "name": "buoy",', '  "name": "beacon",') not in _paired_codes(new, old)


def test_a_sample_that_keeps_a_value_is_one_sample_edited() -> None:
    # Control: the same name, another kind and a key added: one sample edited.
    beacon = _sample("beacon", "mast", fence="js")
    edited = _sample("beacon", "tower", extra=',\n  "colour": "red"')
    assert compatible(_code(beacon)[0], _code(edited)[0])
    old = INTRO + GREEN + "A beacon:\n\n" + beacon
    new = INTRO + GREEN + "A beacon:\n\n" + edited
    assert ('  "name": "beacon",', '  "name": "beacon",') in _paired_codes(old, new)
