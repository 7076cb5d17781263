"""Parse each spec blob once per run, keyed by its git blob id."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ...model.document import Spec
    from ...parse import Vocabulary
    from ...parse.documents import ParsedFile
    from ..spec_files import SpecFile


class SpecCache:
    """A map from blob id to parsed :class:`~specdiff.model.Spec`, counting hits and misses.

    Two revisions that hold the same bytes share a blob id, so a history of fifty versions
    where the spec changed thirty times costs thirty parses. For a spec made of many files
    the unit is the file: a version that edited one file of three costs one parse, and a
    file renamed unchanged costs none. ``misses`` counts the texts parsed.
    """

    __slots__ = ("_files", "_specs", "_texts", "hits", "misses", "vocabulary")

    def __init__(self, vocabulary: Vocabulary | None = None) -> None:
        self.vocabulary = vocabulary
        """The normative vocabulary passed to the parser (None: the default one)."""
        self.hits = 0
        self.misses = 0
        self._specs: dict[str, Spec] = {}
        self._files: dict[tuple[str, str], ParsedFile] = {}
        """Per (blob id, path): the file as read at that path (its includes resolve from it)."""
        self._texts: dict[str, Spec] = {}
        """Per prepared text: its parse, so a file renamed or copied unchanged (the same blob
        at another path) is parsed once, not once per path."""

    def parse_documents(self, key: str, files: Sequence[SpecFile]) -> Spec:
        """The combined spec of a set of files; each distinct file text is parsed once."""
        spec = self._specs.get(key)
        if spec is not None:
            self.hits += 1
            return spec
        from ..._gc import collector_paused
        from ...parse.documents import combine, parse_file

        parsed = []
        with collector_paused():
            for file in files:
                found = self._files.get((file.blob_id, file.path))
                if found is None:
                    found = parse_file(file.path, file.text, self._parse_text)
                    self._files[(file.blob_id, file.path)] = found
                else:
                    self.hits += 1
                parsed.append(found)
            spec = combine(parsed)
        self._specs[key] = spec
        return spec

    def _parse_text(self, text: str) -> Spec:
        """A file's prepared text parsed, or the parse of the same text met before."""
        spec = self._texts.get(text)
        if spec is not None:
            self.hits += 1
            return spec
        from ...parse import DEFAULT_VOCABULARY, parse_spec

        self.misses += 1
        spec = parse_spec(text, self.vocabulary or DEFAULT_VOCABULARY)
        self._texts[text] = spec
        return spec

    def parse(self, blob_id: str, text: str, path: str = "") -> Spec:
        """The parsed spec for this blob; ``text`` is parsed only the first time. The
        blob's ``path`` says how it is read: an ``.mdx`` file as MDX (see
        :func:`~specdiff.parse.documents.parse_single`)."""
        from ...parse.documents import is_mdx

        # The same bytes read as MDX are another spec: they get a key of their own.
        key = f"{blob_id}:mdx" if is_mdx(path) else blob_id
        spec = self._specs.get(key)
        if spec is not None:
            self.hits += 1
            return spec
        from ...parse import DEFAULT_VOCABULARY, parse_spec
        from ...parse.documents import parse_single

        self.misses += 1
        vocabulary = self.vocabulary or DEFAULT_VOCABULARY
        spec = parse_single(path, text, lambda markdown: parse_spec(markdown, vocabulary))[0]
        self._specs[key] = spec
        return spec

    def get(self, blob_id: str) -> Spec | None:
        """The cached spec, or None; does not count as a hit or a miss."""
        return self._specs.get(blob_id)

    def __contains__(self, blob_id: object) -> bool:
        return blob_id in self._specs

    def __len__(self) -> int:
        return len(self._specs)
