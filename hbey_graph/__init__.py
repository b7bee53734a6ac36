"""hbey_graph: who is responsible for what in a Chinese implementation plan, as a graph.

The flow runs one way: :func:`load_plan` reads a plan into typed records, :func:`build_graph` turns
plans into a networkx graph, the analyses (:mod:`hbey_graph.analysis`) return DataFrames, and the
charts (:mod:`hbey_graph.plot`), the report (:func:`write_report`), the explorer page
(:func:`write_explorer`) and Neo4j (:mod:`hbey_graph.neo4j`, :func:`run_query`) sit at the end.
Charts, report, explorer and Neo4j are imported only when first used, so ``import hbey_graph``
stays light.

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

from hbey_graph.analysis import (
    allocation_table,
    always_together,
    area_lead_table,
    brokerage,
    centrality,
    cluster_structure,
    cluster_summary,
    co_assignment_table,
    co_classification,
    coordination_clusters,
    coordination_edges,
    core_periphery,
    cross_city_edges,
    cross_city_matrix,
    department_network,
    incidence_matrix,
    lead_workload,
    place_links,
    projection_edges,
    qap_correlation,
    qap_regression,
    responsibility_matrix,
    two_mode_degree,
    whole_network,
)
from hbey_graph.errors import HbeyGraphError, ParseWarning, PlanFormatError, PlanReadError
from hbey_graph.extract.parser import load_plan, parse_text
from hbey_graph.graph import build_graph
from hbey_graph.network_files import write_network
from hbey_graph.records import Assignment, Body, Link, Place, Plan, Project, Section, Task

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

# Public names whose modules pull in matplotlib or the Neo4j driver: imported on first use.
_LAZY = {
    "write_report": "hbey_graph.report",
    "write_explorer": "hbey_graph.explore",
    "run_query": "hbey_graph.neo4j",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'hbey_graph' has no attribute {name!r}")
