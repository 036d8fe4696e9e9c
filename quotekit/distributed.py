"""quotekit on a Dask cluster: a bag of ``(id, text)`` in, records out.

Install with ``pip install "quotekit[dask]"``. The functions here are plain per-partition
functions plus a reduce for corpus-wide names, so the same pieces serve other engines
(Spark's ``mapInPandas``, Ray Data's ``map_batches``; see ``docs/scaling.md``).

- The model is loaded once per worker process, by name, the first time a partition is
  analysed there (:func:`quotekit.load` caches it); it is never pickled from the client.
- Within a worker, analysis runs in one process: do not nest ``n_process``.
- Corpus-wide ids are a reduce step: each partition's names are gathered into one
  :class:`~quotekit.corpus.Corpus` (small: a table of names), which is then broadcast
  to relabel the records, giving the same ids as ``quotekit extract --corpus``.

Example:
    >>> import dask.bag as db
    >>> from dask.distributed import Client, LocalCluster
    >>> client = Client(LocalCluster(n_workers=2, threads_per_worker=1))
    >>> bag = db.from_sequence([("a1", "« Oui », a dit Marie Dupont.")], npartitions=2)
    >>> records = extract_bag(bag, corpus=True).compute()
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from quotekit.analyzer import load
from quotekit.corpus import Corpus
from quotekit.errors import QuotekitWarning
from quotekit.records import from_record, to_record

if TYPE_CHECKING:
    import dask.bag

__all__ = ["analyse_partition", "corpus_of_partition", "extract_bag", "link_partition"]

Record = dict[str, Any]


def analyse_partition(
    items: Iterable[tuple[str | None, str]], *, model: str | None = None, batch_size: int = 16
) -> list[Record]:
    """Analyse one partition of ``(id, text)`` pairs into records (in the worker).

    The model is loaded by name in the calling process, once (``quotekit.load`` caches).
    """
    analyzer = load(model)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QuotekitWarning)
        return [to_record(a) for a in analyzer.pipe(list(items), batch_size=batch_size)]


def corpus_of_partition(records: Iterable[Record]) -> Corpus:
    """The names of one partition's records, as a small :class:`Corpus` (map step)."""
    corpus = Corpus()
    for record in records:
        corpus.add(from_record(record))
    return corpus


def _merge(corpora: Iterable[Corpus]) -> Corpus:
    merged = Corpus()
    for corpus in corpora:
        merged.update(corpus)
    return merged


def link_partition(records: Iterable[Record], corpus: Corpus) -> list[Record]:
    """Relabel one partition's records with corpus-wide ids and names."""
    return [to_record(corpus.link(from_record(r))) for r in records]


def extract_bag(
    bag: dask.bag.Bag,
    *,
    model: str | None = None,
    corpus: bool = False,
    batch_size: int = 16,
) -> dask.bag.Bag:
    """Records (``quotekit.record/1`` dicts) for a Dask bag of ``(id, text)`` pairs.

    Args:
        bag: A ``dask.bag.Bag`` of ``(id, text)`` tuples.
        model: The spaCy pipeline each worker loads (an installed package name or a
            path that exists on the workers).
        corpus: Corpus-wide entity ids and canonical names (one reduce over the names).
        batch_size: Texts per ``nlp.pipe`` batch inside a partition.

    Returns:
        A lazy bag of records, one per input, in input order.
    """
    # dask's Bag methods carry no type information
    records: Any = bag.map_partitions(  # type: ignore[no-untyped-call]
        analyse_partition, model=model, batch_size=batch_size
    )
    if not corpus:
        return records  # type: ignore[no-any-return]
    names = records.reduction(corpus_of_partition, _merge)
    return records.map_partitions(link_partition, names)  # type: ignore[no-any-return]
