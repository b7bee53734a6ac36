"""Everything that reads a plan's text: the only part of hbey_graph that does.

The modules, in the order a parse uses them: :mod:`~hbey_graph.extract.readers` (a file to text),
:mod:`~hbey_graph.extract.text` (text to paragraphs, extraction noise repaired),
:mod:`~hbey_graph.extract.bodies` (the names of responsible bodies),
:mod:`~hbey_graph.extract.annotation` (who leads, supports, implements),
:mod:`~hbey_graph.extract.runon` (tables whose rows and cells a copy ran together),
:mod:`~hbey_graph.extract.gazetteer`, :mod:`~hbey_graph.extract.links`,
:mod:`~hbey_graph.extract.projects` and :mod:`~hbey_graph.extract.geography` (places, links between
them, named projects), and :mod:`~hbey_graph.extract.parser`, which walks a plan and assembles the
records of :mod:`hbey_graph.records`.
"""

from hbey_graph.extract.parser import load_plan, parse_plan, parse_text

__all__ = ["load_plan", "parse_plan", "parse_text"]
