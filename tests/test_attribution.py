"""Each change of a release is attributed to the pull request or commit that made it, on
a real git repository with a merged pull request (a merge commit), a squash commit
(`Title (#N)`) and a direct commit; the entry groups changes under their titles, with
links and the authors' release notes; one commit per release falls back to sections."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from gitutil import commit, git, init_repo, isolate_git
from historyutil import edit_spec, specdiff

from specdiff.history.attribution import origin_of, release_notes

if TYPE_CHECKING:
    from pathlib import Path

SPEC = """# Spec

## Answers {#answers}

The server should answer every request.

Replies are sent in the order the requests arrived.

## Errors {#errors}

An error reply names the failing field.
"""

MERGE_MESSAGE = """Merge pull request #12 from ada/stronger-answers

Make answers mandatory

Servers that skipped answers broke clients.

## Release notes

Every request now gets an answer: servers that dropped requests under load must not.
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    isolate_git(monkeypatch, tmp_path)
    path = init_repo(tmp_path / "spec")
    commit(path, {"spec.md": SPEC}, "Write the spec")
    git(path, "tag", "-a", "-m", "One", "v1.0.0")
    git(path, "remote", "add", "origin", "git@github.com:acme/spec.git")
    # A pull request, merged with a merge commit.
    git(path, "checkout", "-q", "-b", "stronger-answers")
    edit_spec(path, "The server should answer", "The server must answer")
    commit(path, {}, "Must answer", date="2025-02-01T12:00:00+00:00")
    git(path, "checkout", "-q", "main")
    git(path, "merge", "--no-ff", "-q", "-m", MERGE_MESSAGE, "stronger-answers")
    # A pull request squashed into one commit.
    edit_spec(
        path,
        "## Errors {#errors}",
        "## Timing {#timing}\n\nA reply comes within 30 seconds.\n\n## Errors {#errors}",
    )
    commit(path, {}, "Add a timing section (#13)", date="2025-02-02T12:00:00+00:00")
    # A direct commit.
    edit_spec(path, "arrived.", "arrived in.")
    commit(path, {}, "Say where requests arrive", date="2025-02-03T12:00:00+00:00")
    monkeypatch.chdir(path)
    return path


def test_the_entry_groups_changes_by_pull_request(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = specdiff(capsys, "release", "--date", "2025-02-04")
    assert code == 0, err
    direct = git(repo, "rev-parse", "HEAD~1")
    groups = out.split("### Changes by pull request\n\n")[1].split("\n\n")[0].splitlines()
    assert groups == [
        "- **Make answers mandatory** ([#12](https://github.com/acme/spec/pull/12))",
        "  > Every request now gets an answer: servers that dropped requests under load must not.",
        "  - **Answers**: strengthened: “should” → “must” (quoted above) _(major)_",
        "- **Add a timing section** ([#13](https://github.com/acme/spec/pull/13))",
        "  - **Timing**: new section _(minor)_",
        f"- **Say where requests arrive** ([{direct[:7]}](https://github.com/acme/spec/commit/{direct}))",
        "  - **Answers**: reworded: “… order the requests arrived.” → “… order the requests arrived in.” _(patch)_",
    ]
    # `changelog` rebuilds the same entry from the tags.
    code, rebuilt, _ = specdiff(capsys, "changelog")
    assert out.strip("\n") in rebuilt


def test_one_commit_per_release_falls_back_to_sections(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    isolate_git(monkeypatch, tmp_path)
    path = init_repo(tmp_path / "plain")
    commit(path, {"spec.md": SPEC}, "Write the spec")
    git(path, "tag", "-a", "-m", "One", "v1.0.0")
    edit_spec(path, "The server should answer", "The server must answer")
    commit(path, {}, "Must answer (#4)")
    monkeypatch.chdir(path)
    code, out, err = specdiff(capsys, "release", "--dry-run")
    assert code == 0, err
    # One step: the pull request is the whole release, so sections say more.
    assert "### Changes by pull request" not in out
    assert "### Changed\n\n- **Answers** (`#answers`): strengthened" in out


def test_release_notes_of_a_release_made_by_one_pull_request_are_its_notes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    isolate_git(monkeypatch, tmp_path)
    path = init_repo(tmp_path / "plain")
    commit(path, {"spec.md": SPEC}, "Write the spec")
    git(path, "tag", "-a", "-m", "One", "v1.0.0")
    edit_spec(path, "The server should answer", "The server must answer")
    commit(path, {}, "Must answer (#4)\n\nRelease notes:\nServers may no longer drop requests.\n")
    monkeypatch.chdir(path)
    code, out, err = specdiff(capsys, "release", "--dry-run")
    assert code == 0, err
    # The notes open the entry with the highlights; the details stay grouped by section.
    highlights = out.split("### ")[0]
    assert "- Servers may no longer drop requests.\n" in highlights
    assert "### Changes by pull request" not in out
    assert out.count("Servers may no longer drop requests.") == 1


@pytest.mark.parametrize(
    ("message", "title", "number", "notes"),
    [
        (
            MERGE_MESSAGE,
            "Make answers mandatory",
            12,
            "Every request now gets an answer: servers that dropped requests under load must not.",
        ),
        (
            "Add a timing section (#13)\n\nRelease notes:\n- Replies are timed.\n- Late replies fail.\n",
            "Add a timing section",
            13,
            "- Replies are timed.\n- Late replies fail.",
        ),
        ("Fix a typo\n", "Fix a typo", None, ""),
        ("Merge pull request #7 from x/y\n", "Merge pull request #7 from x/y", 7, ""),
    ],
)
def test_origin_of_a_commit_message(
    message: str, title: str, number: int | None, notes: str
) -> None:
    origin = origin_of("a" * 40, message)
    assert (origin.title, origin.pull_request, origin.notes) == (title, number, notes)
    assert release_notes(message) == notes


def test_release_pages_link_each_change_to_its_pull_request_and_to_feedback(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import re

    code, _, err = specdiff(capsys, "release", "--date", "2025-02-04")
    assert code == 0, err
    code, _, err = specdiff(capsys, "publish", "--out", str(repo.parent / "site"))
    assert code == 0, err
    page = (repo.parent / "site" / "releases" / "2.0.0.html").read_text(encoding="utf-8")
    lines = re.findall(r'<p class="provenance">(.*?)</p>', page)
    assert len(lines) == 3
    assert_links_of_the_strengthened_answer(repo, lines[0])
    assert "<script" not in page


def test_a_configured_feedback_address_gets_the_clause(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import re

    (repo / "specdiff.toml").write_text(
        '[site]\nbase_url = "https://spec.example.org/"\n'
        'feedback_url = "https://forms.example.org/new?about={permalink}&quote={text}"\n',
        encoding="utf-8",
    )
    commit(repo, {}, "Configure feedback")
    code, _, err = specdiff(capsys, "release", "--date", "2025-02-04")
    assert code == 0, err
    code, _, err = specdiff(capsys, "publish", "--out", str(repo.parent / "site"))
    assert code == 0, err
    page = (repo.parent / "site" / "releases" / "2.0.0.html").read_text(encoding="utf-8")
    links = re.findall(r'class="feedback" href="([^"]+)"', page)
    assert links[0].startswith(
        "https://forms.example.org/new?about=https%3A%2F%2Fspec.example.org%2Freleases"
        "%2F2.0.0.html%23change-"
    )
    assert "&amp;quote=The%20server%20must%20answer%20every%20request." in links[0]
    (repo / "specdiff.toml").write_text(
        '[site]\nfeedback_url = "javascript:alert(1)"\n', encoding="utf-8"
    )
    code, _, err = specdiff(capsys, "publish", "--out", str(repo.parent / "site2"))
    assert code == 2
    assert "site.feedback_url = 'javascript:alert(1)' must start with https://" in err


def test_fragments_in_changes_are_used_verbatim_and_removed_by_the_release(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fragments = {
        "changes/13.feature.md": "Replies are timed: a slow server now fails the request.\n",
        "changes/+thanks.md": "Thanks to Grace for the review.\n",
    }
    commit(repo, fragments, "Add release-note fragments")
    code, out, err = specdiff(capsys, "release", "--date", "2025-02-04")
    assert code == 0, err
    blocks = out.split("\n\n")
    assert blocks[2].splitlines()[-1] == "- Thanks to Grace for the review."
    group = out.split("- **Add a timing section** ([#13](https://github.com/acme/spec/pull/13))\n")[
        1
    ]
    assert group.startswith("  > Replies are timed: a slow server now fails the request.\n")
    # The release commit removes the fragments it used, with the changelog.
    assert not (repo / "changes").exists()
    changed = git(repo, "show", "--name-status", "--format=", "HEAD").splitlines()
    assert sorted(changed) == [
        "A\tCHANGELOG.md",
        "D\tchanges/+thanks.md",
        "D\tchanges/13.feature.md",
    ]
    assert git(repo, "status", "--porcelain") == ""
    # The changelog rebuilt from the tags finds them in the commit before the release.
    code, rebuilt, _ = specdiff(capsys, "changelog")
    assert out.strip("\n") in rebuilt


def test_section_pages_link_each_change_to_its_pull_request_and_to_feedback(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import re

    code, _, err = specdiff(capsys, "release", "--date", "2025-02-04")
    assert code == 0, err
    code, _, err = specdiff(capsys, "publish", "--out", str(repo.parent / "site"))
    assert code == 0, err
    page = (repo.parent / "site" / "sections" / "answers.html").read_text(encoding="utf-8")
    history = page.split("<h2>History</h2>")[1].split("</ol>")[0]
    lines = re.findall(r'<p class="provenance">(.*?)</p>', history)
    assert lines, history
    assert_links_of_the_strengthened_answer(repo, lines[0])
    # The section's page and the release page give each change the same links.
    release = (repo.parent / "site" / "releases" / "2.0.0.html").read_text(encoding="utf-8")
    assert lines[0] in re.findall(r'<p class="provenance">(.*?)</p>', release)


def assert_links_of_the_strengthened_answer(repo: Path, line: str) -> None:
    """The #12 change's provenance line: its pull request, its merge commit, and a
    feedback link that opens a GitHub issue about the clause at the release's commit."""
    import html
    import re
    from urllib.parse import parse_qs, urlsplit

    merge = git(repo, "rev-parse", "HEAD~3")
    assert line.startswith(
        'Made in <a href="https://github.com/acme/spec/pull/12" rel="nofollow">'
        "#12 Make answers mandatory</a>, "
        f'<a href="https://github.com/acme/spec/commit/{merge}" rel="nofollow">commit {merge[:7]}</a>'
    )
    feedback = html.unescape(re.search(r'class="feedback" href="([^"]+)"', line).group(1))
    address = urlsplit(feedback)
    assert address.netloc == "github.com" and address.path == "/acme/spec/issues/new"
    query = parse_qs(address.query)
    assert query["title"] == ["Feedback on “Answers” (2.0.0)"]
    tag_commit = git(repo, "rev-parse", "v2.0.0^{commit}")
    assert query["body"][0].startswith(
        f"About https://github.com/acme/spec/blob/{tag_commit}/spec.md#L5-L5\n\n> The server must answer"
    )
