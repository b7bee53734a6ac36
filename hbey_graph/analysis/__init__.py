"""Analyses of the responsibility graph: pure functions from a graph to pandas DataFrames.

One module per family, each usable on its own:

- :mod:`~hbey_graph.analysis.workload`: lead workload and the area × lead table;
- :mod:`~hbey_graph.analysis.coordination`: the lead → support graph and the co-assignment
  projection with raw and Newman weights;
- :mod:`~hbey_graph.analysis.clusters`: consensus Louvain communities of bodies, their labels,
  modularity against a random null, stability, and a warning when the structure is weak;
- :mod:`~hbey_graph.analysis.centrality`: centrality, structural holes and k-cores;
- :mod:`~hbey_graph.analysis.links`: cross-city links;
- :mod:`~hbey_graph.analysis.matrix`: the responsibility matrix and the task allocation table;
- :mod:`~hbey_graph.analysis.brokerage`: Gould–Fernandez brokerage roles (R's ``sna::brokerage``);
- :mod:`~hbey_graph.analysis.whole`: whole-network measures (density, centralisation, …) and the
  task × body two-mode network;
- :mod:`~hbey_graph.analysis.qap`: QAP correlation and regression between networks;
- :mod:`~hbey_graph.analysis.core_periphery`: Borgatti–Everett core–periphery, discrete and
  continuous;
- :mod:`~hbey_graph.analysis.department`: the department network with every attribute, for files;
- :mod:`~hbey_graph.analysis.two_mode`: task × body and area × body incidence matrices, their
  projections and two-mode degree.

Column names and definitions are stated in each function's docstring and are kept stable: the
Cypher queries shipped with the package return the same numbers under the same names.

Examples
--------
>>> from hbey_graph import load_plan
>>> from hbey_graph.graph import build_graph
>>> from hbey_graph.analysis import lead_workload
>>> lead_workload(build_graph(load_plan())).loc[0, "body"]
'自治区发展改革委'
"""

from hbey_graph.analysis.brokerage import BROKERAGE_ROLES, brokerage, brokerage_roles
from hbey_graph.analysis.centrality import centrality
from hbey_graph.analysis.clusters import (
    always_together,
    cluster_structure,
    cluster_summary,
    co_classification,
    coordination_clusters,
)
from hbey_graph.analysis.coordination import (
    DEPARTMENT_ROLES,
    co_assignment_graph,
    co_assignment_table,
    coordination_edges,
    coordination_graph,
)
from hbey_graph.analysis.core_periphery import (
    continuous_core_periphery,
    core_periphery,
    discrete_core_periphery,
)
from hbey_graph.analysis.department import PROJECTIONS, department_network
from hbey_graph.analysis.links import cross_city_edges, cross_city_matrix, place_links
from hbey_graph.analysis.matrix import MARKERS, allocation_table, responsibility_matrix
from hbey_graph.analysis.qap import network_matrix, qap_correlation, qap_regression
from hbey_graph.analysis.two_mode import ROLE_WEIGHTS, incidence_matrix, projection_edges, two_mode_degree
from hbey_graph.analysis.whole import network_measures, two_mode_graph, whole_network
from hbey_graph.analysis.workload import area_lead_table, lead_workload

__all__ = [
    "BROKERAGE_ROLES",
    "DEPARTMENT_ROLES",
    "MARKERS",
    "PROJECTIONS",
    "ROLE_WEIGHTS",
    "allocation_table",
    "always_together",
    "area_lead_table",
    "brokerage",
    "brokerage_roles",
    "centrality",
    "cluster_structure",
    "cluster_summary",
    "co_assignment_graph",
    "co_assignment_table",
    "co_classification",
    "continuous_core_periphery",
    "coordination_clusters",
    "coordination_edges",
    "coordination_graph",
    "core_periphery",
    "cross_city_edges",
    "cross_city_matrix",
    "department_network",
    "discrete_core_periphery",
    "incidence_matrix",
    "lead_workload",
    "network_matrix",
    "network_measures",
    "place_links",
    "projection_edges",
    "qap_correlation",
    "qap_regression",
    "responsibility_matrix",
    "two_mode_degree",
    "two_mode_graph",
    "whole_network",
]
