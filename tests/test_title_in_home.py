"""A bold line that names a section's title, whole or shortened by its home's words."""

from specdiff.classify.differ import _title_in_home


def test_the_whole_title_is_kept() -> None:
    assert _title_in_home(["breakwater", "lamps"], "Breakwater Lamps", "Lamps")


def test_words_the_home_title_says_may_go_at_the_start() -> None:
    assert _title_in_home(["type", "validation"], "Object type validation", "Objects")
    assert _title_in_home(["type", "validation"], "Input Object type validation", "Input Objects")


def test_words_the_home_title_says_may_go_at_the_end() -> None:
    assert _title_in_home(["inspection"], "Inspection of beacons", "Of Beacons")


def test_other_words_may_not_go() -> None:
    assert not _title_in_home(["inspection"], "Harbour inspection", "Beacons")
    assert not _title_in_home(["validation"], "Object type validation", "Objects")


def test_words_from_the_middle_may_not_go() -> None:
    assert not _title_in_home(["beacon", "rules"], "Beacon lamp rules", "Lamps")


def test_a_longer_line_is_not_the_title() -> None:
    assert not _title_in_home(["beacon", "inspection", "rules"], "Beacon inspection", "Beacons")
