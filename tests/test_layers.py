"""Tests for the layering of kinwell/ (docs/architecture.md, "How the code is layered").

Read from the source with `ast`, imports inside functions included (a deferred import
still ties two modules together). Four rules, general enough that a new app is held to
them the day it is merged:

1. No import circle between kinwell modules. One kind of edge does not count: a
   function that imports a `tasks` module to enqueue after commit (the task calls the
   service back; django-tasks needs its tasks at module level, so that pair is the
   documented shape, not a circle).
2. Nothing imports a views module (`views.py`, `*_views.py`) except a `urls.py`.
3. Core is the ground floor: `kinwell.core` imports no other app.
4. The pure domain modules import no Django, themselves or through any kinwell module
   they import.
"""

import ast
import subprocess
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "kinwell"

# The plain-Python modules docs/architecture.md names: the crisis detector and its parts,
# instrument scoring, the support-plan rules, the message coach and conversation flow, the
# geo search and directory parsing, the check-in rules, and the other pure builders.
PURE = [
    "kinwell.safety.detector", "kinwell.safety.escalation", "kinwell.safety.safety_net",
    "kinwell.safety.text_normalise", "kinwell.safety.reasons", "kinwell.safety.readers",
    "kinwell.screening.scoring", "kinwell.screening.chart", "kinwell.screening.fhir",
    "kinwell.support.rules",
    "kinwell.talk.coach", "kinwell.talk.coach_rewrite", "kinwell.talk.flow",
    "kinwell.directory.geo", "kinwell.directory.search", "kinwell.directory.records",
    "kinwell.directory.parse_samhsa", "kinwell.directory.parse_hsds", "kinwell.directory.file_limits",
    "kinwell.checkins.signs", "kinwell.checkins.trends", "kinwell.checkins.chart",
    "kinwell.checkins.importing", "kinwell.checkins.reminders",
    "kinwell.summary.stretches", "kinwell.summary.fhir",
    "kinwell.connect.calendar_ics", "kinwell.connect.ideas",
    "kinwell.library.articles", "kinwell.library.reply_rules",
    "kinwell.daily.bank", "kinwell.daily.rules",
    "kinwell.core.localtime", "kinwell.core.csv_safety",
]

# What exists and is not yet in order, each with its reason. Keep this short: a new
# entry needs a reason a reviewer accepts.
CORE_MAY_IMPORT = {
    # The home page lists the person's circles; the apps' other parts of home come
    # through the registries in core/home.py.
    ("kinwell.core.views", "kinwell.circles.selectors"),
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def modules() -> dict[str, Path]:
    return {
        _module_name(path): path
        for path in PACKAGE.rglob("*.py")
        if "migrations" not in path.parts
    }


def _known(name: str) -> str | None:
    """The kinwell module an imported name lives in (a function's module for
    `from a.b import function`), or None outside kinwell."""
    while name:
        if name in modules():
            return name
        name = name.rpartition(".")[0]
    return None


@cache
def imports_of(module: str) -> tuple[tuple[str, bool], ...]:
    """(imported name, inside a function) for every import in the module; names as
    written, resolved for relative imports, `from a import b` as `a.b`."""
    path = modules()[module]
    tree = ast.parse(path.read_text(), filename=str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []

    def visit(node, in_function):
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if isinstance(child, ast.Import):
                found.extend((alias.name, in_function) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    parts = package.split(".")[: len(package.split(".")) - (child.level - 1)]
                    base = ".".join(parts + ([base] if base else []))
                named = [f"{base}.{alias.name}" for alias in child.names if alias.name != "*"]
                submodules = [name for name in named if name in modules()]
                if len(submodules) < len(child.names):
                    found.append((base, in_function))  # a name from the module itself
                found.extend((name, in_function) for name in submodules)
            visit(child, nested)

    visit(tree, False)
    return tuple(found)


@cache
def kinwell_edges(module: str) -> tuple[tuple[str, bool], ...]:
    edges = {}
    for name, in_function in imports_of(module):
        target = _known(name)
        if target and target != module:
            edges[target] = edges.get(target, True) and in_function
    return tuple(edges.items())


def _is_views(module: str) -> bool:
    last = module.rpartition(".")[2]
    return last == "views" or last.endswith("_views")


def _app_of(module: str) -> str | None:
    """`kinwell.<app>` for a module inside an app (a package with apps.py)."""
    parts = module.split(".")
    if len(parts) >= 2 and (PACKAGE / parts[1] / "apps.py").exists():
        return ".".join(parts[:2])
    return None


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def connect(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in graph[node]:
            if other not in index:
                connect(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10 * len(graph)))
    for node in graph:
        if node not in index:
            connect(node)
    return groups


def test_there_is_no_import_circle_between_kinwell_modules():
    graph = {
        module: {
            target for target, in_function in kinwell_edges(module)
            if not (in_function and target.rpartition(".")[2] == "tasks")
        }
        for module in modules()
    }
    circles = _circles(graph)
    assert circles == [], "\n".join(
        " <-> ".join(group) + ": " + "; ".join(f"{m} imports {sorted(graph[m] & set(group))}" for m in group)
        for group in circles
    )


def test_the_circle_finder_finds_a_circle():
    assert _circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _circles({"a": {"b"}, "b": set()}) == []


def test_nothing_imports_a_views_module_but_a_url_conf():
    wrong = [
        f"{module} imports {target}"
        for module in modules()
        for target, _in_function in kinwell_edges(module)
        if _is_views(target) and not (module == "kinwell.urls" or module.endswith(".urls"))
    ]
    assert wrong == [], "Move what is shared to a selector or a presenter module:\n" + "\n".join(wrong)


def test_core_imports_no_app_above_it():
    wrong = [
        f"{module} imports {target}"
        for module in modules()
        if module == "kinwell.core" or module.startswith("kinwell.core.")
        for target, _in_function in kinwell_edges(module)
        if _app_of(target) not in (None, "kinwell.core") and (module, target) not in CORE_MAY_IMPORT
    ]
    assert wrong == [], "Core must not import the apps; give it a registry the apps fill:\n" + "\n".join(wrong)


def test_the_exceptions_still_exist():
    # An exception nobody needs any more goes, so the list only shrinks.
    for module, target in CORE_MAY_IMPORT:
        assert target in dict(kinwell_edges(module)), f"{module} no longer imports {target}: remove the exception"


def _django_reached_from(module: str) -> list[str]:
    """Paths from the module to an import of Django, through kinwell modules."""
    found, seen, todo = [], {module}, [(module, [module])]
    while todo:
        current, path = todo.pop()
        for name, _in_function in imports_of(current):
            if name == "django" or name.startswith("django."):
                found.append(" -> ".join([*path, name]))
        for target, _in_function in kinwell_edges(current):
            if target not in seen:
                seen.add(target)
                todo.append((target, [*path, target]))
    return found


def test_the_pure_domain_modules_import_no_django():
    missing = [module for module in PURE if module not in modules()]
    assert missing == [], f"Renamed or gone: {missing} (update PURE and docs/architecture.md)"
    wrong = [line for module in PURE for line in _django_reached_from(module)]
    assert wrong == [], "\n".join(wrong)


def test_the_pure_domain_modules_load_without_django_in_a_fresh_interpreter():
    # Catches what reading the source cannot: a third-party library that loads Django.
    code = f"import sys\nfor name in {PURE!r}:\n    __import__(name)\n" \
           "print(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')))"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env={"PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
