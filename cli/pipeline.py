"""Read inputs and run the extractors, in parallel when asked, output in input order."""

from __future__ import annotations

import os
import sys
from collections import deque
from typing import TYPE_CHECKING, Iterator, Sequence

from .inputs import Input, expand_paths, read_input

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

WINDOW_PER_JOB = 4  # documents in flight per worker: bounded memory, steady workers
BYTES_PER_JOB = 256 * 1024  # a worker first loads the extractors' data (about 0.5 s): worth it for this much text


def failed_document(path: str, message: str) -> dict:
    """The document entry of an input that could not be read."""
    return {"path": path, "chars": None, "errors": [message]}


def process_one(item: Input, wanted: Sequence[str], debug: bool, keep_text: bool = False) -> tuple[dict, list[str]]:
    """Extract from one read input; an internal error becomes the document's error."""
    from extractors import extract

    messages = input_messages(item)
    if item.error is not None:
        return failed_document(item.path, item.error), messages
    try:
        doc = extract(item.text or "", path=item.path, only=wanted)
    except Exception as error:  # one bad document must not stop the others
        if debug:
            raise
        return internal_error(item.path, error, messages)
    if keep_text:
        doc["_text"] = item.text
    return doc, messages


def input_messages(item: Input) -> list[str]:
    """The stderr messages of reading one input: its warnings, then its error."""
    messages = [f"warning: {item.path}: {warning}" for warning in item.warnings]
    if item.error is not None:
        messages.append(f"{item.path}: {item.error}")
    return messages


def internal_error(path: str, error: Exception, messages: list[str]) -> tuple[dict, list[str]]:
    """The failed document and messages of an extractor that raised on one input."""
    reason = f"internal error: {type(error).__name__}: {error} (run with --debug for a traceback)"
    return failed_document(path, reason), messages + [f"{path}: {reason}"]


def process_path(path: str, wanted: Sequence[str], max_bytes: int, debug: bool, keep_text: bool = False) -> tuple[dict, list[str]]:
    """Read and extract one file path: the unit of work a worker process runs."""
    return process_one(read_input(path, max_bytes=max_bytes), wanted, debug, keep_text)


def process_inputs(
    paths: Sequence[str],
    wanted: Sequence[str],
    *,
    max_bytes: int,
    jobs: int | None = None,
    debug: bool = False,
    keep_text: bool = False,
) -> Iterator[tuple[dict, list[str]]]:
    """Yield ``(document, stderr messages)`` for every input, in input order."""
    items = list(expand_paths(list(paths)))
    jobs = jobs or default_jobs(items)
    files = sum(1 for item in items if isinstance(item, str) and item != "-")
    progress = _progress(len(items)) if len(items) > 1 and sys.stderr.isatty() else None
    executor = _process_pool(min(jobs, files)) if jobs > 1 and files > 1 else None
    try:
        pending: deque[Future | tuple[dict, list[str]]] = deque()
        for item in items:
            if isinstance(item, Input):
                pending.append(process_one(item, wanted, debug))
            elif item == "-":
                pending.append(process_one(read_input("-", max_bytes=max_bytes), wanted, debug, keep_text))
            elif executor is not None:
                pending.append(executor.submit(process_path, item, wanted, max_bytes, debug, keep_text))
            else:
                pending.append(process_path(item, wanted, max_bytes, debug, keep_text))
            while pending and (len(pending) > jobs * WINDOW_PER_JOB or isinstance(pending[0], tuple)):
                yield _settle(pending.popleft(), progress)
        while pending:
            yield _settle(pending.popleft(), progress)
    finally:
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)
        if progress is not None:
            progress.stop()


def _process_pool(workers: int) -> Executor:
    """A pool of worker processes; imported only here: a one-file run needs none, and the import costs it about 20 ms."""
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=workers)


def default_jobs(items: Sequence[Input | str]) -> int:
    """One job per core this process may run on (a container's CPU set, not the host's), one per BYTES_PER_JOB at most."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    size = sum(_file_size(item) for item in items if isinstance(item, str) and item != "-")
    return max(1, min(cores, size // BYTES_PER_JOB))


def _file_size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # reading it reports the error


def _settle(entry, progress) -> tuple[dict, list[str]]:
    result = entry if isinstance(entry, tuple) else entry.result()
    if progress is not None:
        progress.advance(progress.task_ids[0])
    return result


def _progress(total: int):
    from rich.console import Console
    from rich.progress import Progress

    progress = Progress(console=Console(stderr=True), transient=True)
    progress.add_task("extracting", total=total)
    progress.start()
    return progress
