"""The same inputs give byte-identical output under any ``PYTHONHASHSEED``.

Sets of strings iterate in hash order, which Python randomises per process; any step of
aligning, classifying or rendering that follows such an order pairs or prints things
differently from run to run. Each seed runs in its own interpreter, compares real
version pairs (the corpus, skipped when absent, and the sample history) and prints every
renderer's output; the outputs must be equal byte for byte.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("SPECDIFF_CORPUS") or ROOT.parent / "shared" / "corpus")
SEEDS = ("0", "3", "5", "42", "1234")
CORPUS_PAIRS = (
    ("openapi-specification", "06-3.0.3.md", "07-3.0.4.md"),
    ("openapi-specification", "07-3.0.4.md", "08-3.1.0.md"),
    ("openapi-specification", "08-3.1.0.md", "09-3.1.1.md"),
    ("openai-model-spec", "01-2025-02-12.md", "02-2025-04-11.md"),
)

# Run in a fresh interpreter: compare each pair and print every format's output.
SCRIPT = """
import hashlib, sys
from pathlib import Path
from specdiff.compare import compare_specs
from specdiff.history.settings import config_from_text
from specdiff.parse import parse_spec
from specdiff.render.html import render_html
from specdiff.render.json import render_json
from specdiff.render.markdown import render_markdown
from specdiff.render.text import render_text

config_file, *paths = sys.argv[1:]
config = config_from_text(Path(config_file).read_text(encoding="utf-8"), False, "test")
for old, new in zip(paths[::2], paths[1::2]):
    report = compare_specs(
        parse_spec(Path(old).read_text(encoding="utf-8"), config.vocabulary),
        parse_spec(Path(new).read_text(encoding="utf-8"), config.vocabulary),
        config,
    )
    for text in (
        render_json(report),
        render_text(report, color=False, stat=False),
        render_markdown(report, title="t"),
        render_html(report, title="t"),
    ):
        sys.stdout.write(hashlib.sha256(text.encode("utf-8")).hexdigest() + "\\n")
"""


def outputs(seed: str, config: Path, pairs: list[tuple[Path, Path]]) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    arguments = [str(p) for pair in pairs for p in pair]
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(config), *arguments],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def assert_same_under_every_seed(config: Path, pairs: list[tuple[Path, Path]]) -> None:
    first = outputs(SEEDS[0], config, pairs)
    assert len(first.split()) == 4 * len(pairs)
    for seed in SEEDS[1:]:
        assert outputs(seed, config, pairs) == first, (
            f"PYTHONHASHSEED={seed} differs from {SEEDS[0]}"
        )


def test_the_sample_history_compares_the_same_under_every_seed():
    files = sorted((ROOT / "history").glob("0*.md"))
    pairs = list(itertools.pairwise(files))
    assert len(pairs) >= 4
    assert_same_under_every_seed(ROOT / "history" / "specdiff.toml", pairs)


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no corpus at {CORPUS} (set SPECDIFF_CORPUS)")
def test_real_spec_pairs_compare_the_same_under_every_seed(tmp_path):
    config = tmp_path / "specdiff.toml"
    config.write_text("", encoding="utf-8")
    pairs = [(CORPUS / p / a, CORPUS / p / b) for p, a, b in CORPUS_PAIRS]
    assert_same_under_every_seed(config, pairs)
