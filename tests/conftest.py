"""Shared fixtures: databases, sample folders, the seed corpus when it is present."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

try:
    from . import pgserver
except ImportError:  # tests/ collected as plain folder (no __init__.py): it is on sys.path
    import pgserver

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold" / "seeds.jsonl"
SCORER = SHARED / "eval" / "score.py"


@pytest.fixture(scope="session")
def postgres_server():
    """The admin URL of a PostgreSQL server for this session (ours, or NEWSGRAPH_TEST_POSTGRES)."""

    if os.environ.get("NEWSGRAPH_TEST_POSTGRES"):
        yield os.environ["NEWSGRAPH_TEST_POSTGRES"]
        return
    bindir = pgserver.find_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not found: apt-get install postgresql "
                    "(or set NEWSGRAPH_PG_BINDIR, or NEWSGRAPH_TEST_POSTGRES to a server URL)")
    server = pgserver.Server(bindir).start()
    try:
        yield server.admin_url
    finally:
        server.stop()


@pytest.fixture
def postgres_url(postgres_server) -> str:
    """A fresh, empty PostgreSQL database URL, dropped after the test."""
    url, name = pgserver.create_database(postgres_server)
    yield url
    pgserver.drop_database(postgres_server, name)


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    """A fresh, empty SQLite database (a file path in a temp folder)."""
    return str(tmp_path / "kb.db")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> str:
    """A fresh, empty database URL: every test using it runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return str(tmp_path / "kb.db")
    return request.getfixturevalue("postgres_url")


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
