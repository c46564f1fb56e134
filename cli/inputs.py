"""Turn command-line paths into decoded texts, one error message per bad input.

Folders are read recursively for ``*.txt`` and ``*.md`` files in sorted order;
``-`` reads standard input.  Nothing here raises for a bad file: each input
becomes an :class:`Input` carrying either its text or the reason it failed, so
the other inputs are still processed.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
import sys
from dataclasses import dataclass, field
from typing import BinaryIO, Iterator

TEXT_SUFFIXES = (".txt", ".md")
# Dense text costs up to ~85 bytes of memory per character while it is processed (a 20 MB page of
# figures peaked at 1.7 GB): 16 MiB keeps a run under ~1.5 GB; raise it with --max-bytes.
DEFAULT_MAX_BYTES = 16 * 1024 * 1024


@dataclass
class Input:
    """One input: its path as given, and either its text or an error message."""

    path: str
    text: str | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)


def expand_paths(paths: list[str]) -> Iterator[Input | str]:
    """Yield each file path to read (``-`` for stdin), or an :class:`Input` error."""
    for given in paths:
        if given == "-":
            yield "-"
            continue
        try:
            info = os.stat(given)
        except OSError as error:
            yield Input(given, error=_describe(error))
            continue
        if stat.S_ISDIR(info.st_mode):
            found = list(_walk_folder(given))
            if not found:
                yield Input(given, error="folder has no .txt or .md files")
            yield from found
        else:
            yield given


def _walk_folder(folder: str) -> Iterator[Input | str]:
    """Text files below ``folder`` sorted by path, following links but never in a loop."""
    seen: set[tuple[int, int]] = set()
    stack = [folder]
    files: list[str] = []
    while stack:
        current = stack.pop()
        try:
            info = os.stat(current)
            if (info.st_dev, info.st_ino) in seen:
                continue
            seen.add((info.st_dev, info.st_ino))
            entries = list(os.scandir(current))
        except OSError as error:
            yield Input(current, error=_describe(error))
            continue
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                stack.append(os.path.join(current, entry.name))
            elif entry.name.lower().endswith(TEXT_SUFFIXES):
                files.append(os.path.join(current, entry.name))
    yield from sorted(files)


def read_input(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None) -> Input:
    """Read and decode one path (``-`` is stdin); never raises for a bad file."""
    try:
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read(max_bytes + 1)
        else:
            data = _read_regular_file(path, max_bytes)
    except OSError as error:
        return Input(path, error=_describe(error))
    except ValueError as error:
        return Input(path, error=str(error))
    if len(data) > max_bytes:
        return Input(path, error=f"larger than --max-bytes ({max_bytes} bytes)")
    return decode(path, data)


def _read_regular_file(path: str, max_bytes: int) -> bytes:
    # Check before opening: opening a FIFO blocks until a writer appears.
    info = os.stat(path)
    if stat.S_ISDIR(info.st_mode):
        raise ValueError("is a folder")
    if not stat.S_ISREG(info.st_mode):
        raise ValueError("not a regular file (a FIFO, device or socket)")
    size = info.st_size
    if size > max_bytes:  # refuse before reading: a 100 MB file never enters memory
        raise ValueError(f"{size} bytes, larger than --max-bytes ({max_bytes} bytes)")
    with open(path, "rb") as handle:
        return handle.read(max_bytes + 1)  # one byte more tells a file that grew past the limit


def decode(path: str, data: bytes) -> Input:
    """Decode bytes: UTF-8 (BOM stripped), UTF-16 with a BOM, else cp1252 with a warning."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Input(path, text=data.decode("utf-16"))
        except UnicodeDecodeError:
            return Input(path, error="undecodable bytes (UTF-16 byte-order mark, invalid UTF-16)")
    if b"\x00" in data:
        return Input(path, error="binary file (contains NUL bytes)")
    try:
        return Input(path, text=data.decode("utf-8-sig"))
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            return Input(path, error=f"undecodable bytes (not UTF-8 at byte {utf8_error.start}, not cp1252)")
        return Input(path, text=text, warnings=[f"not UTF-8 (byte {utf8_error.start}); decoded as cp1252"])


def _describe(error: OSError) -> str:
    """A short, human reason for an OS error."""
    reasons = {
        errno.ENOENT: "no such file or folder",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ELOOP: "too many levels of symbolic links (a link loop)",
        errno.EISDIR: "is a folder",
        errno.ENOTDIR: "a part of the path is not a folder",
    }
    return reasons.get(error.errno, error.strerror or str(error))
