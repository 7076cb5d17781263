"""The project configuration: defaults, and strict validation of a TOML mapping.

Finding and reading the file is the shell's job (:mod:`specdiff.history.settings`); this module
only checks a mapping and turns it into a :class:`Config`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import ConfigError
from ..model.document import Strength
from ..model.vocabulary import KIND_NAMES, TAGS, Level
from ..parse import DEFAULT_VOCABULARY, Phrase, Vocabulary
from ._tables import TableReader as TableReader
from ._toml import toml_string as toml_string

SCHEMES = ("semver", "calver")


@dataclass(frozen=True, slots=True)
class AttributeRule:
    """The values a section attribute may take."""

    values: tuple[str, ...]
    ordered: bool = True
    """When ordered, ``values`` runs from highest to lowest and changes read raised/lowered."""

    def rank(self, value: str) -> int | None:
        """Higher is more authoritative; None for a value outside the declared ones."""
        if not self.ordered or value not in self.values:
            return None
        return len(self.values) - self.values.index(value)


@dataclass(frozen=True, slots=True)
class Acceptance:
    """A change a maintainer has reviewed and accepted by its id."""

    id: str
    reason: str


@dataclass(frozen=True, slots=True)
class Policy:
    """Overrides of the default severities."""

    kinds: tuple[tuple[str, Level], ...] = ()
    """``scope.kind`` (e.g. ``clause.added``) to severity."""
    tags: tuple[tuple[str, Level], ...] = ()
    """A tag (e.g. ``editorial``) to severity; wins over kinds."""
    attributes: tuple[tuple[str, str, Level], ...] = ()
    """``(attribute, value, ceiling)``: changes in such sections are at most ``ceiling``."""


@dataclass(frozen=True, slots=True)
class SiteConfig:
    title: str = ""
    base_url: str = ""
    keep: tuple[str, ...] = ()
    """Files and folders (``CNAME``, ``.nojekyll``, ``static/``) a rebuild carries over
    from the published site, relative to its top."""
    feedback_url: str = ""
    """Where "Suggest a change" on a published change leads: a URL template with
    ``{permalink}``, ``{title}``, ``{text}``, ``{section}``, ``{version}`` ('' : a new
    GitHub issue when the repository is on GitHub, else no link)."""


@dataclass(frozen=True, slots=True)
class Rename:
    """A spec file renamed in a way git's rename detection cannot see (a rename and a
    rewrite in one commit, say): ``[[renames]] from = "old.md"  to = "new.md"``."""

    old: str
    new: str


@dataclass(frozen=True, slots=True)
class GitHubConfig:
    accept_labels: tuple[tuple[Level, str], ...] = (
        (Level.MAJOR, "spec-major-ok"),
        (Level.MINOR, "spec-minor-ok"),
    )
    """A pull-request label that lets a bump of that size pass ``fail-on``."""


@dataclass(frozen=True, slots=True)
class Config:
    """Everything a project can configure; every field has a working default."""

    specs: tuple[str, ...] = ()
    """Spec path(s) relative to the repository root; empty means "find it"."""
    version_scheme: str = "semver"
    tag_prefix: str = "v"
    changelog: str = "CHANGELOG.md"
    attributes: tuple[tuple[str, AttributeRule], ...] = ()
    vocabulary: Vocabulary = DEFAULT_VOCABULARY
    policy: Policy = field(default_factory=Policy)
    ignore_sections: tuple[str, ...] = ()
    ignore_kinds: tuple[str, ...] = ()
    accept: tuple[Acceptance, ...] = ()
    renames: tuple[Rename, ...] = ()
    """Renames of spec files that history commands follow besides git's own detection."""
    site: SiteConfig = field(default_factory=SiteConfig)
    github: GitHubConfig = field(default_factory=GitHubConfig)
    origin: str = "defaults"
    """Where the configuration came from, for messages."""

    def attribute_rule(self, name: str) -> AttributeRule | None:
        for key, rule in self.attributes:
            if key == name:
                return rule
        return None


DEFAULT_CONFIG = Config()

_TOP_KEYS = (
    "spec", "version_scheme", "tag_prefix", "changelog", "attributes", "normative",
    "policy", "ignore", "accept", "renames", "site", "github",
)  # fmt: skip
_FORCES = {
    "must": (Strength.MUST, False),
    "must not": (Strength.MUST, True),
    "should": (Strength.SHOULD, False),
    "should not": (Strength.SHOULD, True),
    "may": (Strength.MAY, False),
    "may not": (Strength.MAY, True),
}
_LEVELS = tuple(str(level) for level in Level)


def config_from_mapping(data: Mapping[str, Any], origin: str) -> Config:
    """Validate a parsed TOML table strictly; unknown keys are errors with a suggestion."""
    reader = _Reader(origin)
    data = reader.table(data, "tool.specdiff")
    reader.keys(data, _TOP_KEYS, "")
    specs = data.get("spec", ())
    if isinstance(specs, str):
        specs = (specs,)
    return Config(
        specs=tuple(reader.strings(specs, "spec")),
        version_scheme=reader.choice(
            data.get("version_scheme", "semver"), SCHEMES, "version_scheme"
        ),
        tag_prefix=reader.string(data.get("tag_prefix", "v"), "tag_prefix"),
        changelog=reader.string(data.get("changelog", "CHANGELOG.md"), "changelog"),
        attributes=reader.attributes(reader.table(data.get("attributes", {}), "attributes")),
        vocabulary=reader.vocabulary(reader.table(data.get("normative", {}), "normative")),
        policy=reader.policy(reader.table(data.get("policy", {}), "policy")),
        ignore_sections=reader.ignore(data, "sections"),
        ignore_kinds=tuple(
            reader.choice(k, KIND_NAMES, "ignore.kinds") for k in reader.ignore(data, "kinds")
        ),
        accept=reader.accept(data.get("accept", [])),
        renames=reader.renames(data.get("renames", [])),
        site=reader.site(reader.table(data.get("site", {}), "site")),
        github=reader.github(reader.table(data.get("github", {}), "github")),
        origin=origin,
    )


class _Reader(TableReader):
    """Checks one config mapping and reports the first problem with its dotted key."""

    def __init__(self, origin: str) -> None:
        super().__init__(origin, ConfigError)

    def level(self, value: Any, where: str) -> Level:
        return Level.parse(self.choice(value, _LEVELS, where))

    def attributes(self, data: Mapping[str, Any]) -> tuple[tuple[str, AttributeRule], ...]:
        rules: list[tuple[str, AttributeRule]] = []
        for name, value in data.items():
            where = f"attributes.{name}"
            if isinstance(value, Mapping):
                self.keys(value, ("values", "ordered"), where)
                ordered = value.get("ordered", True)
                if not isinstance(ordered, bool):
                    raise self.fail(f"'{where}.ordered' must be true or false")
                rule = AttributeRule(
                    tuple(self.strings(value.get("values", []), f"{where}.values")), ordered
                )
            else:
                rule = AttributeRule(tuple(self.strings(value, where)))
            if len(set(rule.values)) != len(rule.values):
                raise self.fail(f"{where!r} lists a value twice")
            rules.append((name, rule))
        return tuple(rules)

    def vocabulary(self, data: Mapping[str, Any]) -> Vocabulary:
        self.keys(data, ("words", "parties"), "normative")
        words = self.table(data.get("words", {}), "normative.words")
        parties = tuple(self.strings(data.get("parties", ()), "normative.parties"))
        phrases: list[Phrase] = []
        for phrase, force in words.items():
            strength, negative = _FORCES[
                self.choice(force, tuple(_FORCES), f"normative.words.{phrase!r}")
            ]
            words_of = " ".join(phrase.lower().split())
            if not words_of:
                raise self.fail(f"normative.words: {phrase!r} is not a word or phrase")
            phrases.append(Phrase(words_of, strength, negative))
        vocabulary = DEFAULT_VOCABULARY.extended(tuple(phrases)) if phrases else DEFAULT_VOCABULARY
        return vocabulary.with_parties(parties) if parties else vocabulary

    def policy(self, data: Mapping[str, Any]) -> Policy:
        self.keys(data, ("kinds", "tags", "attributes"), "policy")
        kinds = self.table(data.get("kinds", {}), "policy.kinds")
        tags = self.table(data.get("tags", {}), "policy.tags")
        attributes = self.table(data.get("attributes", {}), "policy.attributes")
        ceilings: list[tuple[str, str, Level]] = []
        for selector, level in attributes.items():
            name, sep, value = selector.partition("=")
            if not sep or not name or not value:
                raise self.fail(f"policy.attributes key {selector!r} must read 'attribute=value'")
            ceilings.append(
                (name.strip(), value.strip(), self.level(level, f"policy.attributes.{selector}"))
            )
        return Policy(
            kinds=tuple(
                (self.choice(k, KIND_NAMES, "policy.kinds"), self.level(v, f"policy.kinds.{k}"))
                for k, v in kinds.items()
            ),
            tags=tuple(
                (self.choice(t, TAGS, "policy.tags"), self.level(v, f"policy.tags.{t}"))
                for t, v in tags.items()
            ),
            attributes=tuple(ceilings),
        )

    def ignore(self, data: Mapping[str, Any], key: str) -> tuple[str, ...]:
        table = self.table(data.get("ignore", {}), "ignore")
        self.keys(table, ("sections", "kinds"), "ignore")
        return tuple(self.strings(table.get(key, []), f"ignore.{key}"))

    def accept(self, value: Any) -> tuple[Acceptance, ...]:
        if not isinstance(value, list):
            raise self.fail("'accept' must be an array of tables: [[accept]] id = ... reason = ...")
        accepted: list[Acceptance] = []
        for item in value:
            entry = self.table(item, "accept")
            self.keys(entry, ("id", "reason"), "accept")
            if "id" not in entry:
                raise self.fail("each [[accept]] needs an 'id'")
            accepted.append(
                Acceptance(
                    self.string(entry["id"], "accept.id"),
                    self.string(entry.get("reason", ""), "accept.reason"),
                )
            )
        return tuple(accepted)

    def renames(self, value: Any) -> tuple[Rename, ...]:
        if not isinstance(value, list):
            raise self.fail("'renames' must be an array of tables: [[renames]] from = ... to = ...")
        renames: list[Rename] = []
        for item in value:
            entry = self.table(item, "renames")
            self.keys(entry, ("from", "to"), "renames")
            old = _relative_path(
                self,
                self.string(self.required(entry, "from", "renames"), "renames.from"),
                "renames.from",
            )
            new = _relative_path(
                self, self.string(self.required(entry, "to", "renames"), "renames.to"), "renames.to"
            )
            if old == new:
                raise self.fail(f"[[renames]] from and to are the same path ({old!r})")
            renames.append(Rename(old, new))
        return tuple(renames)

    def site(self, data: Mapping[str, Any]) -> SiteConfig:
        self.keys(data, ("title", "base_url", "keep", "feedback_url"), "site")
        feedback_url = self.string(data.get("feedback_url", ""), "site.feedback_url")
        if feedback_url and not feedback_url.lower().startswith(("https://", "http://", "mailto:")):
            raise self.fail(
                f"site.feedback_url = {feedback_url!r} must start with https://, http:// or mailto:"
            )
        return SiteConfig(
            title=self.string(data.get("title", ""), "site.title"),
            base_url=self.string(data.get("base_url", ""), "site.base_url"),
            keep=tuple(
                _relative_path(self, item, "site.keep")
                for item in self.strings(data.get("keep", []), "site.keep")
            ),
            feedback_url=feedback_url,
        )

    def github(self, data: Mapping[str, Any]) -> GitHubConfig:
        self.keys(data, ("accept_labels",), "github")
        if "accept_labels" not in data:
            return GitHubConfig()
        labels = self.table(data["accept_labels"], "github.accept_labels")
        return GitHubConfig(
            tuple(
                (self.level(k, "github.accept_labels"), self.string(v, f"github.accept_labels.{k}"))
                for k, v in labels.items()
            )
        )


def _relative_path(reader: TableReader, value: str, where: str) -> str:
    """A plain relative POSIX path (``./`` and a trailing ``/`` dropped); no ``..``, not absolute."""
    clean = value.replace("\\", "/").strip()
    parts = [part for part in clean.split("/") if part not in ("", ".")]
    if not parts or clean.startswith("/") or ".." in parts or (len(clean) > 1 and clean[1] == ":"):
        raise reader.fail(f"{where} = {value!r} must be a relative path inside the repository")
    return "/".join(parts)
