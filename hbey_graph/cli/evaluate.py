"""``hbey-graph evaluate GOLD``: score the parser against hand-made answers for real plans."""

from __future__ import annotations

import argparse
import sys

from hbey_graph.cli._output import add_format_option, write_table

__all__ = ["register"]

_SCORES = (
    "task_recall",
    "body_precision",
    "body_recall",
    "body_f1",
    "role_f1",
    "lead_accuracy",
    "deadline_accuracy",
    "lead_official_accuracy",
)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``evaluate`` command."""
    parser = subparsers.add_parser(
        "evaluate",
        help="score the parser against hand-made answers (gold.json) for a folder of real plans",
        description="Parse every plan file that GOLD (a gold.json file) names, from the plans/ folder "
        "beside it, and print task recall, body precision/recall/F1, role F1 and lead accuracy, "
        "overall and for each value of --by. See hbey_graph.evaluation for the gold format.",
    )
    parser.add_argument("gold", metavar="GOLD", help="the gold.json file")
    parser.add_argument(
        "--plans", metavar="DIR", default=None, help="folder of the plan files (default: plans/ beside GOLD)"
    )
    parser.add_argument(
        "--by",
        metavar="COLUMN",
        default=None,
        help="also score each group of documents: script, style, or a column of the "
        "documents.csv beside GOLD (e.g. form, level, province)",
    )
    parser.add_argument("--documents", action="store_true", help="print one row per document instead")
    parser.add_argument(
        "--copy",
        metavar="FORM",
        default=None,
        help="score the documents as another copy prints them, the gold unchanged: wrapped-N (every "
        "line cut every N characters), printed-N (cut at the width of N Chinese characters, as a PDF's "
        "text), pdf-N (printed, with page numbers), ascii-punctuation, spaced-lists, no-break-spaces, "
        "html-entities, blank-lines, traditional, web-page (saved as a site's .html page), "
        "browser-pdf (that page printed to PDF by Chromium; slow) or browser-pdf-headers (so printed "
        "with the browser's headers and footers) (see hbey_graph.evaluation)",
    )
    add_format_option(parser, choices=("table", "csv", "json"), default="table")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run ``evaluate``."""
    from hbey_graph.evaluation import check_copy_form, document_scores, summary

    if args.copy is not None:
        check_copy_form(args.copy)  # an unknown form is refused before any document is read
    scores = document_scores(args.gold, plans=args.plans, progress=not args.quiet, copy=args.copy)
    if args.documents:
        frame = scores.drop(columns=["style"])
    else:
        frame = summary(scores, by=args.by)
        frame = frame.dropna(axis=1, how="all")
        if args.format == "table":
            frame = frame.round(dict.fromkeys(_SCORES, 3))
    write_table(frame, args.format, sys.stdout)
    return 0
