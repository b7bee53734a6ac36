"""``python -m hbey_graph`` runs the ``hbey-graph`` command."""

import sys

from hbey_graph.cli import main

sys.exit(main())
