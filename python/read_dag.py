"""Reads an Airflow DAG file with Python's own parser (ast) and prints what it declares as JSON, for
`pod-ingestion adopt`. Nothing is imported or executed: Airflow need not be installed.

Usage: python3 read_dag.py FILE

Values are JSON where they are literal. Other values are objects with a "$" key:
  {"$": "variable", "key": K, "default": D|null}   Variable.get("K") / Variable.get(key="K")
  {"$": "call", "callee": C, "args": [...], "kwargs": {...}, "line": N}   k8s.V1Volume(...), Secret(...), days_ago(1)...
  {"$": "unknown", "source": S, "line": N}          anything else (an f-string, an arithmetic...)
Module-level names (and names assigned inside the DAG's body) are resolved to their values.
What it cannot follow ("unsupported") and a file it cannot read ("error") are a reason and its values, not
sentences: `adopt` words them in the user's language (src/core/i18n/adopt-en.ts, keys read.<reason>).
"""
import ast
import json
import sys

POD_OPERATORS = {"KubernetesPodOperator"}
EMPTY_OPERATORS = {"DummyOperator", "EmptyOperator"}


def callee(node):
    if isinstance(node, ast.Call):
        if isinstance(node.func, ast.Name):
            return node.func.id
        if isinstance(node.func, ast.Attribute):
            return node.func.attr
    return None


class Reader:
    def __init__(self, tree):
        self.tree = tree
        self.names = {}  # name -> value node (last simple assignment wins)
        self.aliases = {}  # imported alias -> original name
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    self.aliases[alias.asname or alias.name] = alias.name
            elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                self.names[node.targets[0].id] = node.value
        self.unsupported = []

    def kind(self, node):
        name = callee(node)
        return self.aliases.get(name, name) if name else None

    def value(self, node, depth=0):
        if depth > 20:
            return {"$": "unknown", "source": ast.unparse(node), "line": node.lineno}
        if isinstance(node, ast.Constant) and isinstance(node.value, (str, int, float, bool, type(None))):
            return node.value
        if isinstance(node, ast.Name):
            if node.id in self.names:
                return self.value(self.names[node.id], depth + 1)
            return {"$": "unknown", "source": node.id, "line": node.lineno}
        if isinstance(node, (ast.List, ast.Tuple)):
            return [self.value(item, depth + 1) for item in node.elts]
        if isinstance(node, ast.Dict) and all(isinstance(key, ast.Constant) and isinstance(key.value, str) for key in node.keys):
            return {key.value: self.value(item, depth + 1) for key, item in zip(node.keys, node.values)}
        if isinstance(node, ast.Call) and node.args or isinstance(node, ast.Call) and node.keywords:
            name = self.kind(node)
            if name == "get" and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name) and node.func.value.id == "Variable":
                arguments = {keyword.arg: keyword.value for keyword in node.keywords}
                key = node.args[0] if node.args else arguments.get("key")
                default = node.args[1] if len(node.args) > 1 else arguments.get("default_var")
                key_value = self.value(key, depth + 1) if key is not None else None
                if isinstance(key_value, str) and not any(name not in ("key", "default_var") for name in arguments):
                    return {"$": "variable", "key": key_value, "default": self.value(default, depth + 1) if default is not None else None}
            if name and all(keyword.arg for keyword in node.keywords):
                return {
                    "$": "call",
                    "callee": name,
                    "args": [self.value(item, depth + 1) for item in node.args],
                    "kwargs": {keyword.arg: self.value(keyword.value, depth + 1) for keyword in node.keywords},
                    "line": node.lineno,
                }
        if isinstance(node, ast.Call) and self.kind(node):
            return {"$": "call", "callee": self.kind(node), "args": [], "kwargs": {}, "line": node.lineno}
        if isinstance(node, ast.Attribute):
            return {"$": "unknown", "source": ast.unparse(node), "line": node.lineno}
        return {"$": "unknown", "source": ast.unparse(node), "line": getattr(node, "lineno", 0)}


def read(path):
    with open(path, "rb") as handle:
        tree = ast.parse(handle.read(), filename=path)
    reader = Reader(tree)

    # Which variable each call is assigned to.
    variables = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    variables[id(node.value)] = target.id

    dags, tasks, unsupported = [], [], []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and reader.kind(node) == "DAG":
            value = reader.value(node)
            dags.append({"line": node.lineno, "style": "DAG", "args": value["args"], "kwargs": value["kwargs"]})
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for decorator in node.decorator_list:
                target = decorator.func if isinstance(decorator, ast.Call) else decorator
                name = target.id if isinstance(target, ast.Name) else target.attr if isinstance(target, ast.Attribute) else None
                if reader.aliases.get(name, name) == "dag":
                    value = reader.value(decorator) if isinstance(decorator, ast.Call) else {"args": [], "kwargs": {}}
                    dags.append({"line": node.lineno, "style": "decorator", "function": node.name, "args": value.get("args", []), "kwargs": value.get("kwargs", {})})
                elif name == "task" or (isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "task"):
                    unsupported.append({"line": node.lineno, "reason": "taskFunction", "values": {"name": node.name}})

    task_nodes = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = reader.kind(node)
        if name in POD_OPERATORS or name in EMPTY_OPERATORS:
            value = reader.value(node)
            task = {
                "line": node.lineno,
                "operator": name,
                "empty": name in EMPTY_OPERATORS,
                "variable": variables.get(id(node)),
                "positional": len(node.args),
                "kwargs": value["kwargs"],
            }
            tasks.append(task)
            task_nodes[id(node)] = task
        elif name and (name.endswith("Operator") or name.endswith("Sensor")) and name not in ("BaseOperator",):
            unsupported.append({"line": node.lineno, "reason": "otherOperator", "values": {"operator": name}})

    by_variable = {task["variable"]: task for task in tasks if task["variable"]}

    def task_id(task):
        value = task["kwargs"].get("task_id")
        return value if isinstance(value, str) else None

    edges = []

    def operands(node):
        """The task ids an operand stands for; `x >> y` evaluates to y."""
        if isinstance(node, ast.Name) and node.id in by_variable:
            found = task_id(by_variable[node.id])
            return [found] if found else []
        if isinstance(node, ast.Call) and id(node) in task_nodes:
            found = task_id(task_nodes[id(node)])
            return [found] if found else []
        if isinstance(node, (ast.List, ast.Tuple)):
            return [task for element in node.elts for task in operands(element)]
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.RShift, ast.LShift)):
            left, right = operands(node.left), operands(node.right)
            upstream, downstream = (left, right) if isinstance(node.op, ast.RShift) else (right, left)
            edges.extend([up, down, node.lineno] for up in upstream for down in downstream)
            return right
        unsupported.append({"line": node.lineno, "reason": "dependency", "values": {"source": ast.unparse(node)}})
        return []

    for node in ast.walk(tree):
        if not isinstance(node, ast.Expr):
            continue
        value = node.value
        if isinstance(value, ast.BinOp) and isinstance(value.op, (ast.RShift, ast.LShift)):
            operands(value)
        elif isinstance(value, ast.Call) and callee(value) == "chain":
            groups = [operands(argument) for argument in value.args]
            for upstream, downstream in zip(groups, groups[1:]):
                if len(upstream) > 1 and len(downstream) > 1:
                    edges.extend([up, down, value.lineno] for up, down in zip(upstream, downstream))
                else:
                    edges.extend([up, down, value.lineno] for up in upstream for down in downstream)
        elif isinstance(value, ast.Call) and callee(value) in ("set_upstream", "set_downstream") and isinstance(value.func, ast.Attribute):
            this = operands(value.func.value)
            others = [task for argument in value.args for task in operands(argument)]
            if callee(value) == "set_downstream":
                edges.extend([up, down, value.lineno] for up in this for down in others)
            else:
                edges.extend([up, down, value.lineno] for up in others for down in this)

    # Loops and comprehensions make tasks this reader cannot count.
    for node in ast.walk(tree):
        if isinstance(node, (ast.For, ast.While, ast.ListComp, ast.DictComp)):
            inner = [child for child in ast.walk(node) if isinstance(child, ast.Call) and id(child) in task_nodes]
            if inner:
                unsupported.append({"line": node.lineno, "reason": "loop", "values": {}})

    imports = [
        {"module": node.module or "", "line": node.lineno}
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
    ]
    return {"dags": dags, "tasks": tasks, "edges": edges, "unsupported": unsupported, "imports": imports}


def main(argv):
    if len(argv) != 1:
        print("usage: read_dag.py FILE", file=sys.stderr)
        return 2
    try:
        report = read(argv[0])
    except SyntaxError as error:
        report = {"error": {"reason": "syntax", "values": {"file": argv[0], "line": error.lineno, "message": error.msg}}}
    except OSError as error:
        report = {"error": {"reason": "unreadable", "values": {"file": argv[0], "message": error.strerror}}}
    json.dump(report, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
