"""quotekit on a Dask LocalCluster of two worker processes gives the CLI's records."""

from __future__ import annotations

import json
from pathlib import Path

import dask.bag as dask_bag
import distributed
import pytest

from quotekit import cli
from quotekit.distributed import extract_bag

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "examples" / "articles").glob("*.txt"))


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def _cli_records(capsys: pytest.CaptureFixture[str], *extra: str) -> list[dict[str, object]]:
    assert cli.main(["extract", *extra, *map(str, ARTICLES)]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def _items() -> list[tuple[str, str]]:
    return [(str(p), p.read_text(encoding="utf-8")) for p in ARTICLES]


def test_records_equal_the_single_process_cli(
    client: object, capsys: pytest.CaptureFixture[str]
) -> None:
    bag = dask_bag.from_sequence(_items(), npartitions=4)
    assert extract_bag(bag).compute() == _cli_records(capsys)


def test_corpus_ids_equal_the_single_process_cli(
    client: object, capsys: pytest.CaptureFixture[str]
) -> None:
    bag = dask_bag.from_sequence(_items(), npartitions=3)
    records = extract_bag(bag, corpus=True).compute()
    assert records == _cli_records(capsys, "--corpus")
    assert any(e["id"].startswith("p:") for r in records for e in r["entities"])
    # one quotation id per quote across the corpus (quotekit.quotations), as in the CLI
    assert all(q["quotation"].startswith("q:") for r in records for q in r["quotes"])
