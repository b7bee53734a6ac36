"""Reading a plan file into text.

The reader checks what it was given before anything is parsed, so that a wrong path, a directory,
an empty or binary file gives one clear line naming the file and what was expected.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hbey_graph.errors import PlanReadError

__all__ = ["Source", "read_source"]


@dataclass(frozen=True)
class Source:
    r"""The text of a plan file.

    Attributes
    ----------
    path : pathlib.Path
        The file read.
    text : str
        The text as decoded, line ends normalised to ``\\n``.
    encoding : str
        The encoding it was decoded with.
    """

    path: Path
    text: str
    encoding: str


def read_source(path: str | Path) -> Source:
    """Read a plan file as text.

    Parameters
    ----------
    path : str or pathlib.Path
        A UTF-8 text file (with or without a byte-order mark).

    Returns
    -------
    Source

    Raises
    ------
    PlanReadError
        If the path is missing, is a directory, or the file is empty, binary or not UTF-8.

    Examples
    --------
    >>> from hbey_graph.reference import data_path, BUNDLED_PLAN
    >>> source = read_source(data_path(BUNDLED_PLAN))
    >>> source.encoding, source.text.count("实施主")
    ('utf-8', 38)
    """
    path = Path(str(path))
    if not path.exists():
        raise PlanReadError(f"{path}: no such file; expected a plan text file")
    if path.is_dir():
        raise PlanReadError(f"{path}: is a directory; expected a plan text file")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise PlanReadError(f"{path}: cannot be read ({err.strerror}); expected a plan text file") from err
    if not data.strip():
        raise PlanReadError(f"{path}: is empty; expected the text of an implementation plan")
    if b"\x00" in data:
        raise PlanReadError(f"{path}: looks binary (contains NUL bytes); expected a plan text file")
    encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        raise PlanReadError(
            f"{path}: is not valid UTF-8 text (byte {err.start}); expected a plan text file"
        ) from err
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise PlanReadError(f"{path}: is empty; expected the text of an implementation plan")
    return Source(path=path, text=text, encoding="utf-8")
