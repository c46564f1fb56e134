"""Run the extraction on a Dask cluster (``factsift extract --dask tcp://HOST:8786``).

Only strings travel: every input is read and decoded here, exactly as in a
local run, and the workers run :func:`extractors.extract` on the texts.
Documents go in batches of about ``BATCH_CHARS`` characters, since one Dask
task per short article would cost more in scheduling than in extracting.
Results come back in input order, so the output is the same as a local run's.
The workers need factsift installed (``pip install 'factsift[dask]'``), the
same version as this machine.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Iterator, Sequence

from .exit import DaskError
from .inputs import Input, expand_paths, read_input
from .pipeline import failed_document, input_messages, internal_error

CONNECT_TIMEOUT = 10.0  # seconds to reach the scheduler, and again to see a worker
BATCH_CHARS = 100_000  # characters per task: a fraction of a second of work, so scheduling costs little
BATCH_DOCUMENTS = 200  # and no more documents than this per task
BATCHES_PER_THREAD = 2  # batches in flight per worker thread: workers never wait, memory stays bounded


def connect(address: str, *, timeout: float = CONNECT_TIMEOUT):
    """A ``distributed.Client`` for the scheduler at ``address`` with at least one worker."""
    try:
        from distributed import Client
        from distributed.comm.addressing import get_address_host_port
    except ImportError as error:
        raise DaskError(f"--dask needs Dask: pip install 'factsift[dask]' ({error})") from error
    try:
        get_address_host_port(address)  # a bad address fails here, before a Client exists to hang on exit
    except ValueError as error:
        raise DaskError(f"not a Dask scheduler address (tcp://HOST:PORT): {address}: {error}") from error
    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except OSError as error:
        raise DaskError(f"cannot reach the Dask scheduler at {address}: {error}") from error
    try:
        client.wait_for_workers(1, timeout=timeout)
    except TimeoutError as error:
        client.close()
        raise DaskError(f"the Dask scheduler at {address} has no workers (waited {timeout:g} s)") from error
    return client


def extract_all(texts: list[str], paths: list[str], only: list[str]) -> list[dict]:
    """The task a worker runs: :func:`extractors.extract` on each text of a batch, in order."""
    from extractors import extract

    return [extract(text, path=path, only=only) for text, path in zip(texts, paths)]


@dataclass
class _Batch:
    """Inputs in order: (path, messages, the failed document of an unreadable input or None)."""

    entries: list[tuple[str, list[str], dict | None]] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    chars: int = 0
    future: object = None

    def add(self, item: Input) -> None:
        messages = input_messages(item)
        if item.error is not None:
            self.entries.append((item.path, messages, failed_document(item.path, item.error)))
            return
        self.entries.append((item.path, messages, None))
        self.texts.append(item.text or "")
        self.paths.append(item.path)
        self.chars += len(item.text or "")

    def full(self) -> bool:
        return self.chars >= BATCH_CHARS or len(self.entries) >= BATCH_DOCUMENTS

    def settled(self) -> bool:
        return self.future is None or self.future.done()


def process_inputs_dask(
    client, paths: Sequence[str], wanted: Sequence[str], *, max_bytes: int, debug: bool = False
) -> Iterator[tuple[dict, list[str]]]:
    """Yield ``(document, stderr messages)`` for every input, in input order; close ``client`` at the end."""
    window = BATCHES_PER_THREAD * max(1, sum(client.nthreads().values()))
    pending: deque[_Batch] = deque()
    batch = _Batch()
    try:
        for item in expand_paths(list(paths)):
            batch.add(item if isinstance(item, Input) else read_input(item, max_bytes=max_bytes))
            if batch.full():
                pending.append(_submit(client, batch, wanted))
                batch = _Batch()
            while pending and (len(pending) > window or pending[0].settled()):
                yield from _settle(client, pending.popleft(), wanted, debug)
        if batch.entries:
            pending.append(_submit(client, batch, wanted))
        while pending:
            yield from _settle(client, pending.popleft(), wanted, debug)
    finally:
        client.close()


def _submit(client, batch: _Batch, wanted: Sequence[str]) -> _Batch:
    if batch.texts:
        batch.future = client.submit(extract_all, batch.texts, batch.paths, list(wanted), pure=False)
    return batch


def _settle(client, batch: _Batch, wanted: Sequence[str], debug: bool) -> Iterator[tuple[dict, list[str]]]:
    results = iter(_results(client, batch, wanted, debug))
    for path, messages, failed in batch.entries:
        if failed is not None:
            yield failed, messages
            continue
        result = next(results)
        yield internal_error(path, result, messages) if isinstance(result, Exception) else (result, messages)


def _results(client, batch: _Batch, wanted: Sequence[str], debug: bool) -> list[dict | Exception]:
    """The batch's documents; when one failed the batch, each document again alone to tell which."""
    if batch.future is None:
        return []
    try:
        return batch.future.result()
    except Exception as error:
        _raise_if_cluster_failed(batch.future, batch.paths[0], error)
    from extractors import extract

    futures = [client.submit(extract, text, path=path, only=list(wanted), pure=False) for text, path in zip(batch.texts, batch.paths)]
    results: list[dict | Exception] = []
    for future, path in zip(futures, batch.paths):
        try:
            results.append(future.result())
        except Exception as error:
            _raise_if_cluster_failed(future, path, error)
            if debug:
                raise
            results.append(error)
    return results


def _raise_if_cluster_failed(future, path: str, error: Exception) -> None:
    """A cancelled or lost task means the cluster failed, not the document."""
    if future.status != "error":
        raise DaskError(f"lost the Dask cluster while extracting {path}: {error}") from error
