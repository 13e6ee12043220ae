"""Reads Airflow DAG files with `ast` only and prints what they declare as JSON.

Airflow cannot be installed on the test machine (not in Debian, no PyPI), so nothing here imports
airflow: the DAG is read as source. Usage: python3 inspect_dag.py FILE... ; prints {FILE: report}.

A report holds:
  imports      every import: module, name, alias, line
  kpo_imports  the modules KubernetesPodOperator is imported from
  constants    module-level NAME = <literal> (ast.literal_eval), e.g. IMAGE, SCHEDULE
  dict_keys    module-level NAME = {"key": ...} with string keys, e.g. DEFAULT_ARGS
  dags         every DAG(...) call: its keywords, and whether start_date is a fixed datetime
  operators    every KubernetesPodOperator(...) call: variable, keywords with literal values where
               literal (a name of a module constant is resolved to its value)
  edges        [upstream task_id, downstream task_id] from `a >> b`, `[a, b] >> c`, `a >> [b, c]`,
               `a << b`, chain(...) and a.set_downstream(b) / a.set_upstream(b)
  unresolved   dependency operands that are not task variables
  identifiers  every name and attribute used, to find removed APIs (days_ago, DummyOperator)
"""
import ast
import json
import sys

KPO = "KubernetesPodOperator"


def literal(node, constants):
    """(known, value): a literal, or a module constant named by the node."""
    if isinstance(node, ast.Name) and node.id in constants:
        return True, constants[node.id]
    try:
        return True, ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False, None


def keyword_report(call, constants):
    keywords = []
    for keyword in call.keywords:
        known, value = literal(keyword.value, constants)
        keywords.append({
            "name": keyword.arg,  # None for **kwargs
            "source": ast.unparse(keyword.value),
            "literal": known,
            "value": value if known else None,
            "ref": keyword.value.id if isinstance(keyword.value, ast.Name) else None,
            "line": keyword.value.lineno,
        })
    return keywords


def callee(node):
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def fixed_datetime(node):
    """datetime(2026, 1, 1), dt.datetime(...), pendulum.datetime(..., tz="UTC"): every argument literal."""
    if not isinstance(node, ast.Call) or callee(node) != "datetime":
        return False
    for argument in [*node.args, *(keyword.value for keyword in node.keywords)]:
        try:
            ast.literal_eval(argument)
        except (ValueError, TypeError, SyntaxError):
            return False
    return bool(node.args)


def inspect(path):
    with open(path, "rb") as handle:
        tree = ast.parse(handle.read(), filename=path)

    imports = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                imports.append({"module": node.module or "", "name": alias.name, "alias": alias.asname, "line": node.lineno})
        elif isinstance(node, ast.Import):
            for alias in node.names:
                imports.append({"module": alias.name, "name": None, "alias": alias.asname, "line": node.lineno})
    kpo_names = {item["alias"] or item["name"] for item in imports if item["name"] == KPO} | {KPO}

    constants, dict_keys = {}, {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            known, value = literal(node.value, {})
            if known:
                try:
                    json.dumps(value)
                    constants[name] = value
                except (TypeError, ValueError):
                    pass  # a set, bytes, complex...: not needed here
            if isinstance(node.value, ast.Dict) and all(isinstance(key, ast.Constant) and isinstance(key.value, str) for key in node.value.keys):
                dict_keys[name] = [key.value for key in node.value.keys]

    # Which variable each call is assigned to.
    assigned = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    assigned[id(node.value)] = target.id

    dags, operators = [], []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = callee(node)
        if name == "DAG":
            start = next((keyword.value for keyword in node.keywords if keyword.arg == "start_date"), None)
            dags.append({
                "line": node.lineno,
                "keywords": keyword_report(node, constants),
                "start_date_fixed": start is not None and fixed_datetime(start),
            })
        elif name in kpo_names:
            operators.append({
                "line": node.lineno,
                "variable": assigned.get(id(node)),
                "positional": len(node.args),
                "keywords": keyword_report(node, constants),
            })

    task_ids = {}
    for operator in operators:
        task_id = next((keyword["value"] for keyword in operator["keywords"] if keyword["name"] == "task_id" and keyword["literal"]), None)
        if operator["variable"] and isinstance(task_id, str):
            task_ids[operator["variable"]] = task_id

    edges, unresolved = [], []

    def operands(node):
        """The task ids an operand stands for; `x >> y` evaluates to y, `x << y` to y."""
        if isinstance(node, ast.Name):
            if node.id in task_ids:
                return [task_ids[node.id]]
            unresolved.append(node.id)
            return []
        if isinstance(node, (ast.List, ast.Tuple)):
            return [task for element in node.elts for task in operands(element)]
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.RShift, ast.LShift)):
            left, right = operands(node.left), operands(node.right)
            upstream, downstream = (left, right) if isinstance(node.op, ast.RShift) else (right, left)
            edges.extend([up, down] for up in upstream for down in downstream)
            return right
        unresolved.append(ast.unparse(node))
        return []

    for node in ast.walk(tree):
        if isinstance(node, ast.Expr):
            value = node.value
            if isinstance(value, ast.BinOp) and isinstance(value.op, (ast.RShift, ast.LShift)):
                operands(value)
            elif isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr in ("set_downstream", "set_upstream"):
                owner = operands(value.func.value)
                others = [task for argument in value.args for task in operands(argument)]
                pairs = [[a, b] for a in owner for b in others]
                edges.extend(pairs if value.func.attr == "set_downstream" else [[b, a] for a, b in pairs])
            elif isinstance(value, ast.Call) and callee(value) == "chain":
                groups = [operands(argument) for argument in value.args]
                for upstream, downstream in zip(groups, groups[1:]):
                    if len(upstream) > 1 and len(downstream) > 1:
                        edges.extend([up, down] for up, down in zip(upstream, downstream))
                    else:
                        edges.extend([up, down] for up in upstream for down in downstream)

    identifiers = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            identifiers.add(node.id)
        elif isinstance(node, ast.Attribute):
            identifiers.add(node.attr)
    for item in imports:
        identifiers.update(filter(None, [item["name"], item["alias"]]))

    return {
        "imports": imports,
        "kpo_imports": sorted({item["module"] for item in imports if item["name"] == KPO}),
        "constants": constants,
        "dict_keys": dict_keys,
        "dags": dags,
        "operators": operators,
        "task_ids": task_ids,
        "edges": edges,
        "unresolved": unresolved,
        "identifiers": sorted(identifiers),
    }


def main(paths):
    report = {}
    for path in paths:
        try:
            report[path] = inspect(path)
        except SyntaxError as error:
            report[path] = {"error": f"SyntaxError: {error}"}
    json.dump(report, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
