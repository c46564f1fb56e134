"""Run the extraction on a Dask cluster (``factsift extract --dask tcp://HOST:8786``).

Only strings travel: every input is read and decoded here, exactly as in a
local run, and the workers run :func:`extractors.extract` on its text.  Results
come back in input order, so the output is the same as a local run's.  The
workers need factsift installed (``pip install 'factsift[dask]'``), the same
version as this machine.
"""

from __future__ import annotations

from collections import deque
from typing import Iterator, Sequence

from .inputs import Input, expand_paths, read_input
from .pipeline import failed_document, input_messages, internal_error

CONNECT_TIMEOUT = 10.0  # seconds to reach the scheduler, and again to see a worker
WINDOW_PER_THREAD = 4  # documents in flight per worker thread: bounded memory here and on the cluster


class DaskError(Exception):
    """Dask is not installed, or the scheduler cannot be reached or was lost."""


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


def process_inputs_dask(
    client, paths: Sequence[str], wanted: Sequence[str], *, max_bytes: int, debug: bool = False
) -> Iterator[tuple[dict, list[str]]]:
    """Yield ``(document, stderr messages)`` for every input, in input order; close ``client`` at the end."""
    from extractors import extract

    window = WINDOW_PER_THREAD * max(1, sum(client.nthreads().values()))
    pending: deque[tuple[object, str, list[str]]] = deque()
    try:
        for item in expand_paths(list(paths)):
            if not isinstance(item, Input):
                item = read_input(item, max_bytes=max_bytes)
            messages = input_messages(item)
            if item.error is not None:
                pending.append((failed_document(item.path, item.error), item.path, messages))
            else:
                future = client.submit(extract, item.text or "", path=item.path, only=list(wanted), pure=False)
                pending.append((future, item.path, messages))
            while pending and (len(pending) > window or _is_settled(pending[0][0])):
                yield _settle(*pending.popleft(), debug=debug)
        while pending:
            yield _settle(*pending.popleft(), debug=debug)
    finally:
        client.close()


def _is_settled(entry) -> bool:
    return isinstance(entry, dict) or entry.done()


def _settle(entry, path: str, messages: list[str], *, debug: bool) -> tuple[dict, list[str]]:
    if isinstance(entry, dict):
        return entry, messages
    try:
        return entry.result(), messages
    except Exception as error:
        if entry.status != "error":  # cancelled or lost: the cluster, not the document, failed
            raise DaskError(f"lost the Dask cluster while extracting {path}: {error}") from error
        if debug:
            raise
        return internal_error(path, error, messages)
