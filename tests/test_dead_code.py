"""Every public function and class of the packages is used somewhere (the packages, pages,
benchmarks, scripts or tests): dead code is removed, not kept "just in case"."""

import ast
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("corpus", "analysis", "jobs", "dashboard", "cli")
USERS = (*PACKAGES, "app_pages", "bench", "scripts", "tests")


def _sources(folders):
    files = [p for folder in folders for p in (ROOT / folder).rglob("*.py")]
    return [*files, ROOT / "app.py"]


def definitions() -> dict[str, Path]:
    found = {}
    for path in _sources(PACKAGES):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef | ast.ClassDef) and not node.name.startswith("_"):
                found[f"{path.relative_to(ROOT)}:{node.name}"] = path
    return found


def uses() -> Counter:
    """How often each name is read (a name, an attribute, an import) anywhere in the product."""
    counts: Counter = Counter()
    for path in _sources(USERS):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Name):
                counts[node.id] += 1
            elif isinstance(node, ast.Attribute):
                counts[node.attr] += 1
            elif isinstance(node, ast.ImportFrom):
                counts.update(alias.name for alias in node.names)
    return counts


def test_every_public_function_and_class_is_used():
    counts = uses()
    unused = sorted(key for key in definitions() if counts[key.rsplit(":", 1)[1]] == 0)
    assert unused == []
