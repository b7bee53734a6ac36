"""A large corpus made from the real documents of ``tests/corpus/``: varied, not copies of one file.

Run: ``.venv/bin/python tests/benchmarks/make_real_corpus.py DIR [--plans 10000] [--seed 0]``.

Each generated plan starts from one real document (its text after the header lines) and is varied
the way real collections vary: a window of its lines (a page cut from the middle, as law-database
sites store them), a second real document appended to some (two plans pasted into one file), body
names swapped for other real names of the same kind from the whole corpus (``省发改委`` for
``市财政局``: same ending, so the parser sees the same forms with other names), tasks in another
order, and some files in GB18030 or with a byte-order mark. A few files that cannot be parsed (an
empty file, a binary one, one without any annotation) are among them, as in any real folder.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
#: Endings of body names: a name is swapped only for one of the same ending.
ENDINGS = ("人民政府", "政府", "委员会", "管委会", "办公室", "委", "厅", "局", "办", "部", "院", "会", "中心",
           "集团", "公司")


def real_documents() -> list[str]:
    """The text of every document of the corpus, without its header lines."""
    texts = []
    for path in sorted((CORPUS / "plans").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        texts.append(text.split("\n---\n", 1)[1] if "\n---\n" in text else text)
    return texts


def body_names() -> dict[str, list[str]]:
    """Every body the hand-made answers name, grouped by the ending of its name."""
    gold = json.loads((CORPUS / "gold.json").read_text(encoding="utf-8"))
    names: set[str] = set()
    for key, tasks in gold.items():
        if key.startswith("_"):
            continue
        for task in tasks:
            for role in ("lead", "support", "responsible"):
                names.update(task.get(role, []))
    groups: dict[str, list[str]] = {}
    for name in sorted(names):
        ending = next((e for e in ENDINGS if name.endswith(e)), None)
        if ending and len(name) >= 3:
            groups.setdefault(ending, []).append(name)
    return groups


def _swap_names(text: str, groups: dict[str, list[str]], rng: random.Random) -> str:
    """Swap some body names of `text` for other real names of the same ending."""
    present = [name for names in groups.values() for name in names if name in text]
    for name in rng.sample(present, k=len(present) // 3):
        ending = next(e for e in ENDINGS if name.endswith(e))
        text = text.replace(name, rng.choice(groups[ending]))
    return text


def _window(lines: list[str], rng: random.Random) -> list[str]:
    """The whole document, or a window of its lines (at least half)."""
    if len(lines) < 8 or rng.random() < 0.5:
        return lines
    size = rng.randint(len(lines) // 2, len(lines))
    start = rng.randint(0, len(lines) - size)
    return lines[start : start + size]


def _reordered(lines: list[str], rng: random.Random) -> list[str]:
    """The numbered items of `lines` in another order (each with the lines that follow it)."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if re.match(r"\s*(\d+[.、．﹒]|（\d+）|[①-⑳])", line):
            blocks.append([])
        blocks[-1].append(line)
    head, items = blocks[0], blocks[1:]
    rng.shuffle(items)
    return head + [line for block in items for line in block]


def make_real_corpus(folder: Path, plans: int = 10_000, seed: int = 0) -> dict[str, int]:
    """Write `plans` plan files into `folder` (sub-folders of 500); return counts by variation."""
    rng = random.Random(seed)
    documents = real_documents()
    groups = body_names()
    counts = {"window": 0, "pasted": 0, "renamed": 0, "reordered": 0, "gb18030": 0, "bom": 0, "unparsable": 0}
    for n in range(plans):
        path = folder / f"batch-{n // 500:03d}" / f"plan-{n:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        if n % 997 == 996:  # now and then a file no parser can read
            counts["unparsable"] += 1
            path.write_bytes([b"", b"\x00\x01\x02binary\xff" * 20, "会议纪要：无分工。\n".encode()][n % 3])
            continue
        lines = documents[rng.randrange(len(documents))].splitlines()
        window = _window(lines, rng)
        counts["window"] += window is not lines
        lines = window
        if rng.random() < 0.3:
            counts["reordered"] += 1
            lines = _reordered(lines, rng)
        text = "\n".join(lines)
        if rng.random() < 0.15:
            counts["pasted"] += 1
            text += "\n\n" + documents[rng.randrange(len(documents))]
        if rng.random() < 0.6:
            counts["renamed"] += 1
            text = _swap_names(text, groups, rng)
        roll = rng.random()
        if roll < 0.1:
            counts["gb18030"] += 1
            path.write_bytes(text.encode("gb18030", errors="replace"))
        elif roll < 0.15:
            counts["bom"] += 1
            path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
        else:
            path.write_text(text, encoding="utf-8")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--plans", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    counts = make_real_corpus(args.folder, args.plans, args.seed)
    size = sum(p.stat().st_size for p in args.folder.rglob("*.txt"))
    print(f"{args.plans} plans ({size / 2**20:.1f} MB) in {args.folder}: {counts}")


if __name__ == "__main__":
    main()
