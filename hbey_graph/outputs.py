"""Writing output files and folders without harming what is already there.

Every file hbey_graph writes for a user goes through here:

- :func:`write_file` writes a file to a temporary name beside the target and renames it into place
  only once it is complete, so a failure part-way (a full disk, an interrupt) leaves the earlier
  file as it was; it refuses to write over a file the command reads (``-o`` naming the plan).
- :func:`output_folder` builds a folder of outputs (the report, the corpus tables) inside a
  temporary folder, then moves each finished file into place. The folder is taken only if it is
  new, empty, or holds a manifest written by the same command (:data:`MANIFEST`); then only the
  files that command wrote before are replaced or removed. A symbolic link is followed (the link
  stays), and the current folder (``--out .``) or a mount point are written into, never renamed.

Each failure is an :class:`~hbey_graph.errors.OutputError` (or
:class:`~hbey_graph.errors.ReportFolderError` for a folder that is not the command's) with one line
naming the path and what went wrong.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import uuid
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from hbey_graph.errors import OutputError, ReportFolderError
from hbey_graph.interrupts import raise_if_stopped

__all__ = ["MANIFEST", "check_output_file", "check_output_folder", "output_folder", "same_file", "write_file"]

#: Names of the temporary files and folders written here: left behind only if the process was
#: killed outright (SIGKILL, a power cut), and then removed by the next run into that folder.
_TEMPORARY = re.compile(r"^\..+\.tmp-[0-9a-f]{8}$")

#: Name of the file that marks a folder as written by a command and lists what it wrote there.
MANIFEST = ".hbey-graph-output"


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether `a` and `b` name one existing file (through links and relative paths)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _describe(err: OSError) -> str:
    return err.strerror or type(err).__name__


def write_file(
    target: str | os.PathLike[str],
    write: Callable[[IO[bytes]], None],
    *,
    inputs: Iterable[str | os.PathLike[str] | None] = (),
) -> Path:
    r"""Write a file through `write`, replacing `target` only once the whole file is written.

    Parameters
    ----------
    target : str or path-like
        The file to write. A symbolic link is followed: the file it points to is replaced and the
        link kept.
    write : callable
        Called with a binary file open for writing.
    inputs : iterable of paths
        Files the command read; `target` may not be one of them.

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    OutputError
        If `target` is an input, a folder, lies in a folder that does not exist, or cannot be
        written (no permission, a full disk, a name too long); the earlier file is left unchanged.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> write_file(folder / "out.csv", lambda f: f.write(b"a,b\\n")).read_text()
    'a,b\\n'
    """
    path = check_output_file(target, inputs=inputs)
    tmp = path.with_name(f".{path.name[:100]}.tmp-{uuid.uuid4().hex[:8]}")
    try:
        with open(tmp, "wb") as f:
            write(f)
        if path.exists():
            with contextlib.suppress(OSError):
                shutil.copymode(path, tmp)
        raise_if_stopped()
        os.replace(tmp, path)
    except OSError as err:
        raise OutputError(f"{target}: cannot be written ({_describe(err)}); left as it was") from err
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return path


def check_output_file(
    target: str | os.PathLike[str], *, inputs: Iterable[str | os.PathLike[str] | None] = ()
) -> Path:
    """Check that a file may be written at `target`; return the path to write (a link followed).

    Raises
    ------
    OutputError
        If `target` is one of `inputs`, a folder, or lies in a folder that does not exist.
    """
    path = Path(os.path.realpath(target)) if Path(target).is_symlink() else Path(target)
    for source in inputs:
        if source is not None and same_file(path, source):
            raise OutputError(f"{target}: is the input file; refusing to write over it (choose another -o)")
    if path.is_dir():
        raise OutputError(f"{target}: is a folder; expected the name of a file to write")
    if not path.parent.is_dir():
        what = "is not a folder" if path.parent.exists() else "does not exist"
        raise OutputError(f"{target}: cannot be written: {path.parent} {what}")
    return path


def _read_manifest(folder: Path) -> list[str] | None:
    """The entries a command wrote into `folder` before, or None when it holds no manifest."""
    manifest = folder / MANIFEST
    if not manifest.is_file():
        return None
    lines = manifest.read_text(encoding="utf-8", errors="replace").splitlines()
    return [line for line in lines[1:] if line and "/" not in line and line not in (".", "..")]


def earlier_outputs(folder: str | os.PathLike[str]) -> list[Path]:
    """The files and folders a command wrote into `folder` last time (its manifest), that are there."""
    entries = _read_manifest(Path(folder)) or []
    return [Path(folder) / name for name in entries if (Path(folder) / name).exists()]


def check_output_folder(out: str | os.PathLike[str], command: str) -> Path:
    """Check that `command` may write its outputs into `out`; return the folder, links resolved.

    Raises
    ------
    ReportFolderError
        If `out` is a file, lies below a file, or is a non-empty folder `command` did not write.
    OutputError
        If `out` is a folder that cannot be read.
    """
    shown = str(out)
    folder = Path(os.path.realpath(out))
    if folder.exists() and not folder.is_dir():
        raise ReportFolderError(f"{shown} is a file; {command} needs a folder there")
    for parent in folder.parents:
        if parent.exists() and not parent.is_dir():
            raise ReportFolderError(f"{shown}: {parent} is a file, so no folder can be made below it")
    if not folder.is_dir():
        return folder
    try:
        entries = [entry.name for entry in folder.iterdir() if not _TEMPORARY.match(entry.name)]
    except OSError as err:
        raise OutputError(f"{shown}: cannot be read ({_describe(err)})") from err
    if not entries:
        return folder
    manifest = folder / MANIFEST
    owner = manifest.read_text(encoding="utf-8", errors="replace") if manifest.is_file() else ""
    if owner.partition("\n")[0].strip() != command:
        raise ReportFolderError(
            f"{shown} is a non-empty folder that {command} did not write; choose another --out or empty it"
        )
    return folder


@contextlib.contextmanager
def output_folder(out: str | os.PathLike[str], command: str) -> Iterator[Path]:
    r"""Build the outputs of `command` in a temporary folder; move them into `out` on success.

    Use as ``with output_folder(out, "hbey-graph report") as tmp:`` and write every output below
    ``tmp``. When the block ends without an error, each top-level entry of ``tmp`` replaces the entry
    of the same name in `out`, entries the command wrote there before and did not write now are
    removed, and a manifest listing the entries is written. When the block fails, `out` is left as
    it was and the temporary folder is removed (a folder this call created is removed too).

    Parameters
    ----------
    out : str or path-like
        The output folder: new, empty, or one `command` wrote before.
    command : str
        The command writing it (the first line of the manifest).

    Raises
    ------
    ReportFolderError
        If `out` is a file, lies below a file, or is a non-empty folder `command` did not write.
    OutputError
        If the folder cannot be created or written.

    Examples
    --------
    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp()) / "tables"
    >>> with output_folder(out, "example") as tmp:
    ...     _ = (tmp / "a.csv").write_text("x\\n")
    >>> sorted(p.name for p in out.iterdir())
    ['.hbey-graph-output', 'a.csv']
    """
    shown = str(out)
    folder = check_output_folder(out, command)
    created = not folder.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{command.split()[-1]}.tmp-{uuid.uuid4().hex[:8]}"
        tmp.mkdir()
    except OSError as err:
        raise OutputError(f"{shown}: the output folder cannot be created ({_describe(err)})") from err
    try:
        yield tmp
        raise_if_stopped()
        _move_into_place(tmp, folder, command)
    except OSError as err:
        raise OutputError(f"{shown}: cannot be written ({_describe(err)})") from err
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if created and not any(folder.iterdir()):
            folder.rmdir()


def _move_into_place(tmp: Path, folder: Path, command: str) -> None:
    """Replace the entries of `folder` with those of `tmp`, removing the command's earlier entries."""
    for entry in folder.iterdir():  # left by a run that was killed outright
        if not _TEMPORARY.match(entry.name) or entry == tmp:
            continue
        if entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
    earlier = _read_manifest(folder) or []
    new = sorted(entry.name for entry in tmp.iterdir())
    trash = tmp / f".earlier-{uuid.uuid4().hex[:8]}"
    trash.mkdir()
    for name in new:
        if (folder / name).exists() or (folder / name).is_symlink():
            os.replace(folder / name, trash / name)
        os.replace(tmp / name, folder / name)
    for name in earlier:
        if name not in new and (folder / name).exists() and name != MANIFEST:
            os.replace(folder / name, trash / name)
    manifest = "\n".join([command, *new]) + "\n"
    (tmp / MANIFEST).write_text(manifest, encoding="utf-8")
    os.replace(tmp / MANIFEST, folder / MANIFEST)
