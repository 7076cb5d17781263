"""What a fenced code block shows by its info string, as spec-md marks it."""

from __future__ import annotations

import pytest

from specdiff.model.document import Verdict
from specdiff.parse import fence_verdict


@pytest.mark.parametrize(
    ("info", "verdict"),
    [
        ("tea example", Verdict.GOOD),
        ("example", Verdict.GOOD),
        ("raw tea example", Verdict.GOOD),
        ("tea counter-example", Verdict.BAD),
        ("json Counter-Example", Verdict.BAD),
        ("!tea", Verdict.BAD),
        ("tea", None),
        ("", None),
        ("tea examples-of-use", None),
    ],
)
def test_the_fence_info_marks_an_example_or_a_counter_example(info, verdict):
    assert fence_verdict(info) == verdict
