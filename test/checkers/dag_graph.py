"""Reads an Airflow DAG file with Python's own parser (ast) and prints, as JSON, what it declares:

    {"tasks": {task_id: {"variable", "operator", "keywords", "image"}},
     "nodes": [task_id...], "edges": [[upstream, downstream]...],
     "imports": [module...], "problems": [text...]}

Tasks are `VAR = SomeOperator(task_id="...", ...)` assignments anywhere in the file (module level or
inside `with DAG(...)`). Dependencies come from `a >> b`, `a << b`, `[a, b] >> c`, `a >> [b, c]`, chains
`a >> b >> c`, `chain(a, [b, c], d)` and `a.set_downstream(b)` / `a.set_upstream(b)`. An image given as a
name (IMAGE) is resolved through the module's constant assignments. Nothing is imported or executed, so
Airflow need not be installed; and nothing depends on the generator's formatting.

Usage: python3 dag_graph.py path/to/dag.py
"""
from __future__ import annotations

import ast
import json
import sys


def literal(node: ast.AST, constants: dict):
    """The value of a literal expression, or of a name bound to one; None when unknown."""
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    try:
        return ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, RecursionError):
        return None


def call_name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Call):
        if isinstance(node.func, ast.Name):
            return node.func.id
        if isinstance(node.func, ast.Attribute):
            return node.func.attr
    return None


class Graph:
    def __init__(self, tree: ast.Module):
        self.tree = tree
        self.constants: dict = {}
        self.tasks: dict = {}  # task_id -> facts
        self.variables: dict = {}  # variable -> task_id
        self.edges: set = set()
        self.problems: list = []
        self.imports: list = []

    def run(self) -> dict:
        for node in self.tree.body:  # module-level constants (IMAGE = "...")
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                value = literal(node.value, self.constants)
                if value is not None:
                    self.constants[node.targets[0].id] = value
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Import):
                self.imports.extend(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                self.imports.extend(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Assign):
                self.task_assignment(node)
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Expr):
                self.dependency_statement(node.value)
        return {
            "tasks": self.tasks,
            "nodes": sorted(self.tasks),
            "edges": sorted([list(edge) for edge in self.edges]),
            "imports": sorted(set(self.imports)),
            "constants": {key: value for key, value in self.constants.items() if isinstance(value, (str, int, float, bool))},
            "problems": self.problems,
        }

    def task_assignment(self, node: ast.Assign) -> None:
        if not isinstance(node.value, ast.Call):
            return
        keywords = {keyword.arg: keyword.value for keyword in node.value.keywords if keyword.arg is not None}
        if "task_id" not in keywords:
            return
        task_id = literal(keywords["task_id"], self.constants)
        if not isinstance(task_id, str):
            self.problems.append(f"line {node.lineno}: task_id is not a literal string")
            return
        if task_id in self.tasks:
            self.problems.append(f"line {node.lineno}: task_id {task_id!r} is declared twice")
        image = keywords.get("image")
        self.tasks[task_id] = {
            "operator": call_name(node.value),
            "keywords": [keyword.arg for keyword in node.value.keywords if keyword.arg is not None],
            "splat": any(keyword.arg is None for keyword in node.value.keywords),
            "positional": len(node.value.args),
            "image": None if image is None else literal(image, self.constants),
            "image_source": None if image is None else ast.unparse(image),
            "env_vars": literal(keywords["env_vars"], self.constants) if "env_vars" in keywords else None,
            "line": node.lineno,
        }
        for target in node.targets:
            if isinstance(target, ast.Name):
                self.tasks[task_id]["variable"] = target.id
                self.variables[target.id] = task_id

    def task_set(self, node: ast.AST) -> list:
        """The task ids an operand stands for: a task variable, or a list/tuple of them."""
        if isinstance(node, ast.Name):
            if node.id not in self.variables:
                self.problems.append(f"line {node.lineno}: {node.id} is not a task variable")
                return []
            return [self.variables[node.id]]
        if isinstance(node, (ast.List, ast.Tuple)):
            return [task for element in node.elts for task in self.task_set(element)]
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.RShift, ast.LShift)):
            return self.shift_chain(node)  # a parenthesised chain evaluates to its last operand
        self.problems.append(f"line {getattr(node, 'lineno', '?')}: cannot read {ast.unparse(node)} as tasks")
        return []

    def shift_chain(self, node: ast.BinOp) -> list:
        """Records the edges of `x >> y >> z` (or <<) and returns the tasks of the last operand."""
        left = self.task_set(node.left)
        right = self.task_set(node.right)
        for a in left:
            for b in right:
                self.edges.add((a, b) if isinstance(node.op, ast.RShift) else (b, a))
        return right

    def dependency_statement(self, node: ast.AST) -> None:
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.RShift, ast.LShift)):
            self.shift_chain(node)
        elif isinstance(node, ast.Call) and call_name(node) == "chain" and isinstance(node.func, (ast.Name, ast.Attribute)):
            groups = [self.task_set(argument) for argument in node.args]
            for before, after in zip(groups, groups[1:]):
                for a in before:
                    for b in after:
                        self.edges.add((a, b))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("set_downstream", "set_upstream"):
            owner = self.task_set(node.func.value)
            others = [task for argument in node.args for task in self.task_set(argument)]
            for a in owner:
                for b in others:
                    self.edges.add((a, b) if node.func.attr == "set_downstream" else (b, a))


def main() -> int:
    path = sys.argv[1]
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    try:
        tree = ast.parse(source, filename=path)
    except SyntaxError as error:
        print(json.dumps({"syntax_error": f"{error.msg} at line {error.lineno}"}))
        return 0
    print(json.dumps(Graph(tree).run(), indent=1, sort_keys=True, default=repr))
    return 0


if __name__ == "__main__":
    sys.exit(main())
