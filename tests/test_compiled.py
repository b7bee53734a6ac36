"""The compiled parser modules: what the install compiled, and compiled files older than their source."""

import os
from importlib.machinery import EXTENSION_SUFFIXES

import pytest

import hbey_graph
from hbey_graph._compiled import compiled_modules, stale_modules, warn_if_stale

SUFFIX = EXTENSION_SUFFIXES[0]  # one this interpreter imports: places.cpython-311-x86_64-linux-gnu.so
OTHER_SUFFIX = ".cpython-27-x86_64-linux-gnu.so"  # another interpreter's, which this one never imports


def _module(folder, name, *, source_time=None, compiled_time=None):
    """Write a module's source and/or compiled file into `folder`, with the modification times given."""
    for path, when in ((folder / f"{name}.py", source_time), (folder / f"{name}{SUFFIX}", compiled_time)):
        if when is not None:
            path.write_bytes(b"")
            os.utime(path, (when, when))


def test_a_module_compiled_before_its_source_changed_is_stale(tmp_path):
    _module(tmp_path, "places", source_time=2_000, compiled_time=1_000)  # edited after the install
    _module(tmp_path, "parser", source_time=1_000, compiled_time=2_000)  # compiled from this source
    _module(tmp_path, "graph", source_time=2_000)  # never compiled
    _module(tmp_path, "orphan", compiled_time=1_000)  # no source to compare with
    (tmp_path / f"text{OTHER_SUFFIX}").write_bytes(b"")  # another interpreter's build
    os.utime(tmp_path / f"text{OTHER_SUFFIX}", (1_000, 1_000))
    _module(tmp_path, "text", source_time=2_000)

    assert stale_modules(tmp_path) == ["places"]


def test_a_stale_module_is_named_in_a_warning(tmp_path):
    _module(tmp_path, "places", source_time=2_000, compiled_time=1_000)
    _module(tmp_path, "text", source_time=3_000, compiled_time=1_000)

    with pytest.warns(RuntimeWarning, match=r"places\.py, text\.py changed after they were compiled"):
        warn_if_stale(tmp_path)


def test_no_warning_when_every_compiled_module_is_current(tmp_path, recwarn):
    _module(tmp_path, "places", source_time=1_000, compiled_time=2_000)

    warn_if_stale(tmp_path)

    assert not [w for w in recwarn if issubclass(w.category, RuntimeWarning)]


@pytest.mark.skipif(
    os.environ.get("HBEY_GRAPH_PURE_PYTHON", "") not in ("", "0"), reason="installed without compiling"
)
def test_the_install_compiled_the_parser_modules():
    # a C compiler that failed leaves a module in Python without stopping the install (setup.py)
    assert hbey_graph.parse_text.__module__ == "hbey_graph.parser"  # the parser and its modules are loaded
    assert compiled_modules() == ["annotation", "bodies", "parser", "places", "text"]
