"""Configuration is read strictly; ``check`` applies it and reports what it finds."""

from __future__ import annotations

import json

import pytest

from specdiff.config import DEFAULT_CONFIG, config_from_mapping
from specdiff.errors import ConfigError, ExitCode
from specdiff.history.settings import config_from_text, find_config_file, load_config
from specdiff.model.document import Strength
from specdiff.model.vocabulary import Level

CLEAN = """\
# Kettle {#kettle authority=root}

The kettle MUST boil. See [the lid](#lid).

## Lid {#lid authority=user}

Lift it gently.
"""

FLAWED = """\
# Kettle {#kettle authority=root}

See [the spout](#spout) and [the lid](#lid).

## Lid {#lid authority=owner}

## Handle {#handle authority=}

## Lid again {#lid}
"""

AUTHORITY = '[attributes]\nauthority = ["root", "system", "developer", "user"]\n'


@pytest.fixture
def project(tmp_path, monkeypatch):
    """An empty project folder (a git root, so the config search stops there) as the cwd.

    It sits one level inside ``tmp_path``, so that tests may write above it safely.
    """
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    monkeypatch.chdir(root)
    return root


def write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# -- strict validation -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("tag_prefx = 'v'", "unknown key 'tag_prefx'; did you mean 'tag_prefix'?"),
        ("atributes = {}", "unknown key 'atributes'; did you mean 'attributes'?"),
        ("[policy]\nkind = {}", "unknown key 'policy.kind'; did you mean 'policy.kinds'?"),
        ("[site]\ntitel = 'x'", "unknown key 'site.titel'; did you mean 'site.title'?"),
        (
            "[attributes.authority]\nvalues = ['a']\norder = true",
            "did you mean 'attributes.authority.ordered'?",
        ),
        ("zzzz = 1", "unknown key 'zzzz'; valid keys: spec, version_scheme, tag_prefix"),
        (
            "version_scheme = 'calvar'",
            "version_scheme = 'calvar' is not valid; did you mean 'calver'?",
        ),
        ("spec = 3", "'spec' must be a list of strings"),
        ("attributes = 1", "'attributes' must be a table"),
        (
            "[attributes]\nauthority = ['root', 'root']",
            "'attributes.authority' lists a value twice",
        ),
        ("[normative.words]\n'is obliged to' = 'mustt'", "is not valid; did you mean 'must'?"),
        ("[normative.words]\n' ' = 'must'", "is not a word or phrase"),
        ("[policy.kinds]\n'clause.addded' = 'major'", "did you mean 'clause.added'?"),
        ("[policy.tags]\neditorial = 'huge'", "policy.tags.editorial = 'huge' is not valid"),
        ("[policy.attributes]\nauthority = 'patch'", "must read 'attribute=value'"),
        ("[[accept]]\nreason = 'x'", "each [[accept]] needs an 'id'"),
    ],
)
def test_invalid_configuration_is_an_error_that_says_what_and_where(toml, message):
    with pytest.raises(ConfigError) as raised:
        config_from_text(toml, False, "specdiff.toml")
    text = str(raised.value)
    assert text.startswith("specdiff.toml: ")
    assert message in text
    assert raised.value.exit_code is ExitCode.ERROR


def test_not_toml_at_all():
    with pytest.raises(ConfigError, match="not valid TOML"):
        config_from_text("attributes = [", False, "specdiff.toml")


def test_tool_specdiff_must_be_a_table():
    with pytest.raises(ConfigError, match=r"'tool\.specdiff' must be a table"):
        config_from_text("[tool]\nspecdiff = 1\n", True, "pyproject.toml")


def test_a_full_configuration_is_read():
    config = config_from_mapping(
        {
            "spec": "spec.md",
            "version_scheme": "calver",
            "tag_prefix": "",
            "changelog": "docs/CHANGES.md",
            "attributes": {
                "authority": ["root", "system", "user"],
                "tags": {"values": ["a", "b"], "ordered": False},
            },
            "normative": {"words": {"Is Obliged To": "must", "ought not": "should not"}},
            "policy": {
                "kinds": {"clause.added": "patch"},
                "tags": {"editorial": "none"},
                "attributes": {"authority=user": "minor"},
            },
            "ignore": {"sections": ["changelog"], "kinds": ["clause.moved"]},
            "accept": [{"id": "abc123", "reason": "reviewed"}],
            "site": {"title": "Kettle", "base_url": "https://example.org/"},
        },
        "test",
    )
    assert config.specs == ("spec.md",)
    assert (config.version_scheme, config.tag_prefix, config.changelog) == (
        "calver",
        "",
        "docs/CHANGES.md",
    )
    authority = config.attribute_rule("authority")
    assert authority is not None
    assert authority.ordered
    assert [authority.rank(v) for v in ("root", "system", "user", "other")] == [3, 2, 1, None]
    tags = config.attribute_rule("tags")
    assert tags is not None
    assert not tags.ordered
    assert tags.rank("a") is None
    assert config.attribute_rule("missing") is None
    assert config.policy.kinds == (("clause.added", Level.PATCH),)
    assert config.policy.tags == (("editorial", Level.NONE),)
    assert config.policy.attributes == (("authority", "user", Level.MINOR),)
    assert (config.ignore_sections, config.ignore_kinds) == (("changelog",), ("clause.moved",))
    assert [(a.id, a.reason) for a in config.accept] == [("abc123", "reviewed")]
    assert (config.site.title, config.site.base_url) == ("Kettle", "https://example.org/")
    words = {p.words: (p.strength, p.negative) for p in config.vocabulary.phrases}
    assert words["is obliged to"] == (Strength.MUST, False)
    assert words["ought not"] == (Strength.SHOULD, True)
    assert "must" in words  # the defaults stay


def test_empty_configuration_is_the_default():
    config = config_from_mapping({}, "empty")
    assert config.attributes == DEFAULT_CONFIG.attributes == ()
    assert config.vocabulary is DEFAULT_CONFIG.vocabulary
    assert config.origin == "empty"


# -- finding the file ------------------------------------------------------------------


def test_no_file_means_defaults(project):
    assert find_config_file(project) is None
    assert load_config(project) is DEFAULT_CONFIG


def test_specdiff_toml_is_found_upward_but_not_past_the_repository_root(project):
    write(project.parent, "specdiff.toml", "nonsense = 1\n")  # outside the repository
    sub = project / "docs" / "spec"
    sub.mkdir(parents=True)
    assert find_config_file(sub) is None
    config_file = write(project, "specdiff.toml", AUTHORITY)
    assert find_config_file(sub) == config_file
    assert load_config(sub).attribute_rule("authority") is not None


def test_pyproject_without_a_specdiff_table_is_ignored(project):
    write(project, "pyproject.toml", '[project]\nname = "kettle"\n')
    assert find_config_file(project) is None


def test_specdiff_toml_wins_over_pyproject(project):
    write(project, "pyproject.toml", "[tool.specdiff]\ntag_prefix = 'py-'\n")
    write(project, "specdiff.toml", "tag_prefix = 'toml-'\n")
    assert load_config(project).tag_prefix == "toml-"


# -- through the command line ----------------------------------------------------------


def test_unknown_key_exits_2_with_one_line(cli, project):
    write(project, "specdiff.toml", "[attributes]\nauthority = ['root']\n[sitee]\ntitle = 'x'\n")
    spec = write(project, "spec.md", CLEAN)
    for command in ("check", "outline"):
        result = cli(command, spec)
        assert result.code == 2
        assert result.out == ""
        lines = result.err.splitlines()
        assert len(lines) == 1
        assert "specdiff.toml: unknown key 'sitee'; did you mean 'site'?" in lines[0]


def test_unknown_key_in_pyproject_exits_2(cli, project):
    write(project, "pyproject.toml", "[tool.specdiff]\ntag_prefx = 'v'\n")
    result = cli("check", write(project, "spec.md", CLEAN))
    assert result.code == 2
    assert "pyproject.toml: unknown key 'tag_prefx'; did you mean 'tag_prefix'?" in result.err


def test_clean_file_exits_0(cli, project):
    write(project, "specdiff.toml", AUTHORITY)
    result = cli("check", write(project, "spec.md", CLEAN))
    assert (result.code, result.err) == (0, "")
    assert result.out == "no problems found in 1 file\n"


def test_check_reports_every_problem_and_exits_1(cli, project):
    write(project, "specdiff.toml", AUTHORITY)
    spec = write(project, "spec.md", FLAWED)
    result = cli("check", spec, "--format", "json")
    assert result.code == 1
    assert result.err == ""
    data = json.loads(result.out)
    assert data["schema"] == "specdiff.check/1"
    found = [(f["line"], f["code"], f["severity"]) for f in data["findings"]]
    assert found == [
        (3, "broken-anchor", "error"),
        (5, "unknown-attribute-value", "error"),
        (7, "malformed-attributes", "error"),
        (9, "duplicate-id", "error"),
    ]
    assert data["errors"] == 4
    messages = [f["message"] for f in data["findings"]]
    assert "#spout" in messages[0]
    assert "authority='owner' is not one of root, system, developer, user" in messages[1]
    assert "specdiff.toml" in messages[1]
    assert "{#handle authority=}" in messages[2]
    assert "'lid'" in messages[3]


def test_check_text_and_github_formats(cli, project):
    write(project, "specdiff.toml", AUTHORITY)
    spec = write(project, "spec.md", FLAWED)
    text = cli("check", spec)
    assert text.code == 1
    assert text.out.splitlines()[0] == (
        f"{spec}:3: error: link to #spout, which no heading or anchor defines [broken-anchor]"
    )
    assert text.out.splitlines()[-1] == "4 errors, 0 warnings in 1 file"
    github = cli("check", spec, "--format", "github")
    assert github.code == 1
    assert github.out.splitlines()[0].startswith(
        f"::error file={spec},line=3,title=broken-anchor::"
    )


def test_pyproject_tool_specdiff_table_is_applied(cli, project):
    write(
        project,
        "pyproject.toml",
        '[project]\nname = "kettle"\n\n[tool.specdiff]\ntag_prefix = "v"\n\n'
        + AUTHORITY.replace("[attributes]", "[tool.specdiff.attributes]"),
    )
    spec = write(project, "spec.md", CLEAN.replace("authority=user", "authority=janitor"))
    result = cli("check", spec)
    assert result.code == 1
    assert "authority='janitor' is not one of root, system, developer, user" in result.out
    assert "pyproject.toml" in result.out


def test_without_declared_values_any_attribute_value_passes(cli, project):
    spec = write(project, "spec.md", CLEAN.replace("authority=user", "authority=janitor"))
    assert cli("check", spec).code == 0


def test_explicit_config_option(cli, project):
    other = project / "elsewhere"
    other.mkdir()
    config = write(other, "strict.toml", '[attributes]\nauthority = ["root"]\n')
    spec = write(project, "spec.md", CLEAN)
    assert cli("check", spec).code == 0
    strict = cli("check", spec, "--config", config)
    assert strict.code == 1
    assert "authority='user' is not one of root" in strict.out
    missing = cli("check", spec, "--config", other / "missing.toml")
    assert missing.code == 2
    assert "configuration file not found" in missing.err


def test_configured_words_count_in_the_outline(cli, project):
    write(project, "specdiff.toml", "[normative.words]\n'is obliged to' = 'must'\n")
    spec = write(project, "spec.md", "# Duties\n\nThe kettle is obliged to whistle.\n")
    data = json.loads(cli("outline", spec, "--format", "json").out)
    assert data["sections"][0]["normative"] == 1


def test_check_several_files(cli, project):
    good = write(project, "good.md", CLEAN)
    bad = write(project, "bad.md", "# A\n\n[x](#nowhere)\n")
    result = cli("check", good, bad)
    assert result.code == 1
    assert result.out.splitlines() == [
        f"{bad}:3: error: link to #nowhere, which no heading or anchor defines [broken-anchor]",
        "1 error, 0 warnings in 2 files",
    ]


def test_nesting_warning_alone_does_not_fail_check(cli, project):
    spec = write(project, "deep.md", "# Deep\n\n" + "- " * 60 + "bottom\n")
    result = cli("check", spec)
    assert result.code == 0
    assert "warning:" in result.out
    assert "[nesting-too-deep]" in result.out
