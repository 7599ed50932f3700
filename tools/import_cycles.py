"""List the import cycles of a package, type-only (``if TYPE_CHECKING``) and lazy imports included.

    .venv/bin/python tools/import_cycles.py playground.core playground.app

Prints each strongly connected group of modules (every module in it reaches every other through
imports) and, for each import inside the group, the line that makes it. import-linter's
``acyclic_siblings`` contract keeps the core free of them; this finds what to cut elsewhere.
"""

from __future__ import annotations

import sys

import grimp


def cycles(graph: grimp.ImportGraph, package: str) -> list[list[str]]:
    """Strongly connected components of more than one module under ``package`` (Tarjan's algorithm)."""
    nodes = sorted(m for m in graph.modules if m == package or m.startswith(package + "."))
    inside = set(nodes)
    edges = {m: sorted(graph.find_modules_directly_imported_by(m) & inside) for m in nodes}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    sys.setrecursionlimit(10_000)
    for v in nodes:
        if v not in index:
            visit(v)
    return groups


def main(packages: list[str]) -> int:
    graph = grimp.build_graph("playground", include_external_packages=False)
    found = 0
    for package in packages:
        for group in cycles(graph, package):
            found += 1
            print(f"cycle of {len(group)} modules in {package}:")
            members = set(group)
            for importer in group:
                for imported in sorted(graph.find_modules_directly_imported_by(importer) & members):
                    details = graph.get_import_details(importer=importer, imported=imported)
                    lines = ", ".join(str(d["line_number"]) for d in details)
                    print(f"    {importer} -> {imported}  (line {lines})")
    if not found:
        print("no import cycles in " + ", ".join(packages))
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:] or ["playground.core", "playground.app"]))
