"""Every notebook runs top to bottom, in a kernel of this very interpreter, and is stored clean."""

import sys
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

NOTEBOOKS = sorted((Path(__file__).parent.parent / "notebooks").glob("*.ipynb"))


class ThisInterpreter(KernelSpecManager):
    """A kernel spec that runs ipykernel with the interpreter running the tests, whatever kernels
    the machine has registered, so notebooks see exactly the environment under test."""

    def get_kernel_spec(self, kernel_name):
        return KernelSpec(
            argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            display_name="Python (tests)",
            language="python",
            resource_dir=str(Path(__file__).parent),
        )


def test_the_six_notebooks_are_there():
    assert [path.name for path in NOTEBOOKS] == [
        "01-quickstart.ipynb",
        "02-lead-workload.ipynb",
        "03-coordination-clusters.ipynb",
        "04-cross-city-links.ipynb",
        "05-neo4j-cypher.ipynb",
        "06-policy-network-measures.ipynb",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_stored_without_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code
    assert all(cell.outputs == [] and cell.execution_count is None for cell in code)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_top_to_bottom(path, tmp_path):
    notebook = nbformat.read(path, as_version=4)
    manager = KernelManager(kernel_name="python3", kernel_spec_manager=ThisInterpreter())
    client = NotebookClient(
        notebook, km=manager, timeout=600, resources={"metadata": {"path": str(tmp_path)}}
    )
    try:
        client.execute()  # raises CellExecutionError, with the cell and its traceback, if a cell fails
    finally:  # a client given a manager leaves the kernel running and its sockets open
        if client.kc is not None:
            client.kc.stop_channels()
        if manager.has_kernel:
            manager.shutdown_kernel(now=True)
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    if path.stem != "05-neo4j-cypher":
        images = [o for o in outputs if "image/png" in o.get("data", {})]
        texts = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
        assert images or "01" in path.stem, "the notebook's charts were not displayed"
        assert "Glyph" not in texts and "missing from font" not in texts


def test_a_chart_returned_by_a_cell_is_shown_as_the_chart(tmp_path):
    """``plot_lead_workload(G)`` alone at the end of a cell shows the chart, not ``(<Figure>, <Axes>)``."""
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell(
            "from hbey_graph import load_plan\n"
            "from hbey_graph.graph import build_graph\n"
            "from hbey_graph.plot import plot_lead_workload\n"
            "G = build_graph(load_plan())"
        ),
        nbformat.v4.new_code_cell("plot_lead_workload(G, top=5)"),
    ]
    manager = KernelManager(kernel_name="python3", kernel_spec_manager=ThisInterpreter())
    client = NotebookClient(
        notebook, km=manager, timeout=300, resources={"metadata": {"path": str(tmp_path)}}
    )
    try:
        client.execute()
    finally:
        if client.kc is not None:
            client.kc.stop_channels()
        if manager.has_kernel:
            manager.shutdown_kernel(now=True)
    outputs = notebook.cells[1].outputs
    results = [output for output in outputs if output.output_type == "execute_result"]
    assert len(results) == 1 and "image/png" in results[0].data
    # shown once: the figure is not also drawn a second time by the inline backend
    assert sum("image/png" in output.get("data", {}) for output in outputs) == 1
