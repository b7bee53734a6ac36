"""hbey_graph: who is responsible for what in a Chinese implementation plan, as a graph.

Examples
--------
>>> import hbey_graph
>>> plan = hbey_graph.load_plan()
>>> plan.title
'《呼包鄂榆城市群发展规划》内蒙古实施方案'
"""

from hbey_graph.errors import HbeyGraphError, ParseWarning, PlanFormatError, PlanReadError
from hbey_graph.parser import load_plan, parse_text
from hbey_graph.records import Assignment, Body, Plan, Section, Task

__all__ = [
    "Assignment",
    "Body",
    "HbeyGraphError",
    "ParseWarning",
    "Plan",
    "PlanFormatError",
    "PlanReadError",
    "Section",
    "Task",
    "load_plan",
    "parse_text",
]
__version__ = "0.1.0"
