"""hbey_graph: who is responsible for what in a Chinese implementation plan, as a graph.

The flow runs one way: :func:`load_plan` reads a plan into typed records, :func:`build_graph` turns
plans into a networkx graph, the analyses (:mod:`hbey_graph.analysis`) return DataFrames, and the
charts (:mod:`hbey_graph.plot`), the report (:func:`write_report`), the explorer page
(:func:`write_explorer`) and Neo4j (:mod:`hbey_graph.neo4j`, :func:`run_query`) sit at the end.
Every public name is imported from its module on first use, so ``import hbey_graph`` (and the
command, and each worker process it starts) stays light until a name is needed.

Examples
--------
>>> import hbey_graph
>>> plan = hbey_graph.load_plan()
>>> plan.title
'《呼包鄂榆城市群发展规划》内蒙古实施方案'
>>> workload = hbey_graph.lead_workload(hbey_graph.build_graph(plan))
>>> print(workload.loc[0, "body"], workload.loc[0, "led"])
自治区发展改革委 10
"""

from importlib import import_module
from typing import Any

__all__ = [
    "Assignment",
    "Body",
    "HbeyGraphError",
    "Link",
    "ParseWarning",
    "Place",
    "Plan",
    "PlanFormatError",
    "PlanReadError",
    "Project",
    "Section",
    "Task",
    "allocation_table",
    "always_together",
    "area_lead_table",
    "brokerage",
    "build_graph",
    "centrality",
    "cluster_structure",
    "cluster_summary",
    "co_assignment_table",
    "co_classification",
    "coordination_clusters",
    "coordination_edges",
    "core_periphery",
    "cross_city_edges",
    "cross_city_matrix",
    "department_network",
    "incidence_matrix",
    "lead_workload",
    "load_plan",
    "parse_text",
    "place_links",
    "projection_edges",
    "qap_correlation",
    "qap_regression",
    "responsibility_matrix",
    "run_query",
    "two_mode_degree",
    "whole_network",
    "write_explorer",
    "write_network",
    "write_report",
]
__version__ = "0.1.0"

#: The module of each public name.
_MODULES = {
    "Assignment": "hbey_graph.records",
    "Body": "hbey_graph.records",
    "HbeyGraphError": "hbey_graph.errors",
    "Link": "hbey_graph.records",
    "ParseWarning": "hbey_graph.errors",
    "Place": "hbey_graph.records",
    "Plan": "hbey_graph.records",
    "PlanFormatError": "hbey_graph.errors",
    "PlanReadError": "hbey_graph.errors",
    "Project": "hbey_graph.records",
    "Section": "hbey_graph.records",
    "Task": "hbey_graph.records",
    "allocation_table": "hbey_graph.analysis",
    "always_together": "hbey_graph.analysis",
    "area_lead_table": "hbey_graph.analysis",
    "brokerage": "hbey_graph.analysis",
    "build_graph": "hbey_graph.graph",
    "centrality": "hbey_graph.analysis",
    "cluster_structure": "hbey_graph.analysis",
    "cluster_summary": "hbey_graph.analysis",
    "co_assignment_table": "hbey_graph.analysis",
    "co_classification": "hbey_graph.analysis",
    "coordination_clusters": "hbey_graph.analysis",
    "coordination_edges": "hbey_graph.analysis",
    "core_periphery": "hbey_graph.analysis",
    "cross_city_edges": "hbey_graph.analysis",
    "cross_city_matrix": "hbey_graph.analysis",
    "department_network": "hbey_graph.analysis",
    "incidence_matrix": "hbey_graph.analysis",
    "lead_workload": "hbey_graph.analysis",
    "load_plan": "hbey_graph.extract.parser",
    "parse_text": "hbey_graph.extract.parser",
    "place_links": "hbey_graph.analysis",
    "projection_edges": "hbey_graph.analysis",
    "qap_correlation": "hbey_graph.analysis",
    "qap_regression": "hbey_graph.analysis",
    "responsibility_matrix": "hbey_graph.analysis",
    "run_query": "hbey_graph.neo4j",
    "two_mode_degree": "hbey_graph.analysis",
    "whole_network": "hbey_graph.analysis",
    "write_explorer": "hbey_graph.explore",
    "write_network": "hbey_graph.network_files",
    "write_report": "hbey_graph.report",
}


def __getattr__(name: str) -> Any:
    if name in _MODULES:
        value = getattr(import_module(_MODULES[name]), name)
        globals()[name] = value  # found at once the next time
        return value
    raise AttributeError(f"module 'hbey_graph' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_MODULES])
