"""The import graph follows the flow corpus -> analysis -> jobs -> dashboard -> faces (cli, pages),
with no cycle. Read from the sources (ast), so a function-level import counts too."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("corpus", "analysis", "jobs", "dashboard", "cli", "app_pages")
# what each layer may import from the project (its own package always)
ALLOWED = {
    "corpus": set(),
    "analysis": {"corpus"},
    "jobs": {"corpus", "analysis"},
    "dashboard": {"corpus", "analysis", "jobs"},
    "cli": {"corpus", "analysis", "jobs", "dashboard"},
    "app_pages": {"corpus", "analysis", "jobs", "dashboard"},
    "app": {"dashboard"},
}
# entry points that no module imports: `python -m analysis` is the README's alias of the command line
ENTRY_POINTS = {"analysis.__main__": {"cli"}}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules() -> dict[str, Path]:
    files = [ROOT / "app.py", *(p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py"))]
    return {module_name(p): p for p in files}


MODULES = project_modules()


def imports_of(name: str) -> set[str]:
    """The project modules a module imports (a `from package import module` names the module)."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {m for m in found if m in MODULES}


GRAPH = {name: imports_of(name) - {name} for name in MODULES}


def layer(name: str) -> str:
    return name.split(".")[0]


@pytest.mark.parametrize("name", sorted(MODULES))
def test_imports_follow_the_flow(name):
    allowed = ENTRY_POINTS.get(name, ALLOWED[layer(name)]) | {layer(name)}
    against = sorted(m for m in GRAPH[name] if layer(m) not in allowed)
    assert against == [], f"{name} imports against the flow"


def test_storage_layer_imports_no_importer_or_network_code():
    store = [m for m in MODULES if m.startswith("corpus.store")]
    above = {"corpus.ingest", "corpus.importers", "corpus.web", "corpus.htmlpage", "corpus.webcopy"}
    assert sorted((m, sorted(GRAPH[m] & above)) for m in store if GRAPH[m] & above) == []


def test_only_dashboard_ui_and_pages_import_streamlit():
    users = set()
    for name, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n == "streamlit" or n.startswith("streamlit.") for n in names):
                users.add(name)
    # dashboard.serve starts Streamlit's server (what `make run` runs); it draws nothing
    assert {u for u in users if not u.startswith("app_pages") and u != "app"} == {"dashboard.ui", "dashboard.serve"}


def test_no_import_cycle():
    # Tarjan's strongly connected components: any component of two or more modules is a cycle
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(GRAPH[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for name in sorted(GRAPH):
        if name not in index:
            visit(name)
    assert cycles == []


def test_the_graph_sees_imports():
    assert "corpus.store.articles" in GRAPH["jobs.analyze"] or "corpus.store" in GRAPH["jobs.analyze"]
    assert "analysis.pipeline" in GRAPH["jobs.analyze"]
