"""Parse each spec blob once per run, keyed by its git blob id."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...model.document import Spec
    from ...parse import Vocabulary


class SpecCache:
    """A map from blob id to parsed :class:`~specdiff.model.Spec`, counting hits and misses.

    Two revisions that hold the same bytes share a blob id, so a history of fifty versions
    where the spec changed thirty times costs thirty parses.
    """

    __slots__ = ("_specs", "hits", "misses", "vocabulary")

    def __init__(self, vocabulary: Vocabulary | None = None) -> None:
        self.vocabulary = vocabulary
        """The normative vocabulary passed to the parser (None: the default one)."""
        self.hits = 0
        self.misses = 0
        self._specs: dict[str, Spec] = {}

    def parse(self, blob_id: str, text: str) -> Spec:
        """The parsed spec for this blob; ``text`` is parsed only the first time."""
        spec = self._specs.get(blob_id)
        if spec is not None:
            self.hits += 1
            return spec
        from ...parse import DEFAULT_VOCABULARY, parse_spec

        self.misses += 1
        spec = parse_spec(text, self.vocabulary or DEFAULT_VOCABULARY)
        self._specs[blob_id] = spec
        return spec

    def get(self, blob_id: str) -> Spec | None:
        """The cached spec, or None; does not count as a hit or a miss."""
        return self._specs.get(blob_id)

    def __contains__(self, blob_id: object) -> bool:
        return blob_id in self._specs

    def __len__(self) -> int:
        return len(self._specs)
