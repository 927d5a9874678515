"""Shared fixtures: databases, sample folders, the seed corpus when it is present."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold" / "seeds.jsonl"
SCORER = SHARED / "eval" / "score.py"


@pytest.fixture
def db_url(tmp_path) -> str:
    """A fresh, empty database URL (SQLite file in a temp folder)."""
    return str(tmp_path / "kb.db")


@pytest.fixture
def kb(db_url):
    import newsgraph

    with newsgraph.open(db_url) as handle:
        yield handle


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present in this checkout")
    return SEEDS


@pytest.fixture
def examples() -> Path:
    return EXAMPLES


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def cli_env() -> dict:
    env = dict(os.environ)
    env.pop("NEWSGRAPH_DB", None)
    return env
