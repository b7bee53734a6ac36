"""Write data/equivalent_ideographs.csv from Unicode's EquivalentUnifiedIdeograph.txt.

The Unicode Character Database file (Debian's ``unicode-data`` package installs it under
``/usr/share/unicode/``) maps each Kangxi radical (U+2F00-U+2FD5) and CJK radical supplement
(U+2E80-U+2EF3), and some CJK strokes, to the unified ideograph it looks like. PDFs often print
人, 民, 工 as those radicals (their fonts' character maps point there), so the reader reads them
back as the ideographs. Run: ``python tests/reference/equivalent_ideographs.py [PATH_TO_THE_UCD_FILE]``.
"""

import csv
import sys
import unicodedata
from pathlib import Path

DEFAULT_SOURCE = Path("/usr/share/unicode/EquivalentUnifiedIdeograph.txt")
TARGET = Path(__file__).resolve().parents[2] / "data" / "equivalent_ideographs.csv"


def equivalents(source: Path) -> list[tuple[str, str, str]]:
    """Each character the Unicode file maps, its ideograph, and its code point and name."""
    rows = []
    for line in source.read_text(encoding="utf-8").splitlines():
        fields = line.split("#")[0].split(";")
        if len(fields) != 2:
            continue
        codes, ideograph = fields[0].strip(), chr(int(fields[1].strip(), 16))
        first, _, last = codes.partition("..")
        for code in range(int(first, 16), int(last or first, 16) + 1):
            rows.append((chr(code), ideograph, f"U+{code:04X} {unicodedata.name(chr(code))}"))
    return rows


def main() -> None:
    rows = equivalents(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE)
    with TARGET.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["character", "ideograph", "note"])
        writer.writerows(rows)
    print(f"{TARGET}: {len(rows)} radicals and strokes")


if __name__ == "__main__":
    main()
