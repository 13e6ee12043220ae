"""Reads Airflow DAG files with `ast` only and prints what they declare as JSON.

Airflow cannot be installed on the test machine (not in Debian, no PyPI), so nothing here imports
airflow: the DAG is read as source. Usage: python3 inspect_dag.py FILE... ; prints {FILE: report}.

A report holds:
  imports      every import: module, name, alias, line
  kpo_imports  the modules KubernetesPodOperator is imported from
  constants    module-level NAME = <literal> (ast.literal_eval), e.g. IMAGE, SCHEDULE
  dict_keys    module-level NAME = {"key": ...} with string keys, e.g. DEFAULT_ARGS
  dags         every DAG(...) call: its keywords, whether start_date is a fixed datetime, and its params=
               (a dict, or a module constant naming one, of Param(default, ...) calls): NAME -> {"required",
               "default"}; null when it has no params=
  operators    every KubernetesPodOperator(...) call: variable, keywords with literal values where
               literal (a name of a module constant is resolved to its value)
  edges        [upstream task_id, downstream task_id] from `a >> b`, `[a, b] >> c`, `a >> [b, c]`,
               `a << b`, chain(...) and a.set_downstream(b) / a.set_upstream(b)
  unresolved   dependency operands that are not task variables
  identifiers  every name and attribute used, to find removed APIs (days_ago, DummyOperator)

With --execute FILE, it reads what the file builds when Python runs it instead, for DAGs whose values come from
names, loops, Variables and old APIs (the hand-made DAGs `adopt` migrates), with recording stand-ins for
`airflow`, `kubernetes` and `pendulum`. This is not a check that the DAG loads on Airflow (the report above
does that against the provider's real keyword list); it compares two DAG files by what they declare, whatever
their style: `with DAG`, `@dag`, `>>`, `<<`, lists, `chain`, `set_upstream`/`set_downstream`, old and new import
paths. It prints {"tasks": {task_id: {env_vars, mounts, image, namespace}}, "edges", "params"}: Dummy/Empty
tasks collapsed into direct edges, secret mounts from k8s volumes + mounts and from Secret objects,
`Variable.get("K")` as the template `{{ var.value.K }}` that Airflow renders at run time, and each DAG-level
param's default (Param(default) or a plain value) or {"required": true}.
"""
import ast
import importlib.abc
import importlib.machinery
import json
import runpy
import sys
import types

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


def dag_params(call, tree, constants):
    """The params= of a DAG(...) call: NAME -> {"required": no default given, "default": its literal value}."""
    keyword = next((item for item in call.keywords if item.arg == "params"), None)
    if keyword is None:
        return None
    value = keyword.value
    if isinstance(value, ast.Name):  # params=PARAMS: the module's assignment
        value = next((node.value for node in tree.body if isinstance(node, ast.Assign) and len(node.targets) == 1
                      and isinstance(node.targets[0], ast.Name) and node.targets[0].id == value.id), None)
    if not isinstance(value, ast.Dict):
        return {}
    params = {}
    for key, item in zip(value.keys, value.values):
        known, name = literal(key, constants) if key is not None else (False, None)
        if not known or not isinstance(name, str):
            continue
        if isinstance(item, ast.Call) and callee(item) == "Param":
            default = item.args[0] if item.args else next((k.value for k in item.keywords if k.arg == "default"), None)
            params[name] = {"required": default is None, "default": literal(default, constants)[1] if default is not None else None}
        else:  # a plain value is a Param with that default
            params[name] = {"required": False, "default": literal(item, constants)[1]}
    return params


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
                "params": dag_params(node, tree, constants),
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


# --- --execute: the DAG as Python builds it, through recording stand-ins ---

TASKS = []
EDGES = []
PARAMS = {}


class Recorded:
    """Any class reached through the stand-in modules: keeps its arguments."""

    def __init__(self, *args, **kwargs):
        self.args = args
        self.kwargs = kwargs

    def __call__(self, *args, **kwargs):
        return self

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def as_list(value):
    return list(value) if isinstance(value, (list, tuple)) else [value]


class Operator(Recorded):
    empty = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        TASKS.append(self)

    @property
    def task_id(self):
        return self.kwargs.get("task_id")

    def set_downstream(self, other):
        for item in as_list(other):
            EDGES.append((self, item))

    def set_upstream(self, other):
        for item in as_list(other):
            EDGES.append((item, self))

    def __rshift__(self, other):
        self.set_downstream(other)
        return other

    def __lshift__(self, other):
        self.set_upstream(other)
        return other

    def __rrshift__(self, other):
        self.set_upstream(other)
        return self

    def __rlshift__(self, other):
        self.set_downstream(other)
        return self


class EmptyOperator(Operator):
    empty = True


def chain(*groups):
    for upstream, downstream in zip(groups, groups[1:]):
        ups, downs = as_list(upstream), as_list(downstream)
        if len(ups) > 1 and len(downs) > 1:
            pairs = zip(ups, downs)
        else:
            pairs = [(up, down) for up in ups for down in downs]
        for up, down in pairs:
            EDGES.append((up, down))


class Variable:
    @staticmethod
    def get(key, default_var=None, **_):
        return "{{ var.value.%s }}" % key if default_var is None else "{{ var.value.get('%s', '%s') }}" % (key, default_var)


def record_params(kwargs):
    for name, value in (kwargs.get("params") or {}).items():
        if isinstance(value, Recorded):  # Param(default, ...) or Param(type=...): no positional default is required
            PARAMS[name] = value.args[0] if value.args else value.kwargs.get("default", REQUIRED)
        else:
            PARAMS[name] = value


REQUIRED = object()


class DAG(Recorded):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        record_params(kwargs)


def dag(*args, **kwargs):
    record_params(kwargs)

    def decorate(function):
        def build(*inner_args, **inner_kwargs):
            return function(*inner_args, **inner_kwargs)

        return build

    if len(args) == 1 and callable(args[0]) and not kwargs:
        return decorate(args[0])
    return decorate


SPECIAL = {
    "KubernetesPodOperator": Operator,
    "DummyOperator": EmptyOperator,
    "EmptyOperator": EmptyOperator,
    "chain": chain,
    "Variable": Variable,
    "dag": dag,
    "DAG": DAG,
}


class StandIn(types.ModuleType):
    """A module whose every attribute exists: classes record their arguments, lower-case names are
    callables or submodules (`days_ago(1)`, `kubernetes.client.models`)."""

    def __call__(self, *args, **kwargs):
        return Recorded(*args, **kwargs)

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        value = SPECIAL.get(name)
        if value is None:
            value = type(name, (Recorded,), {}) if name[:1].isupper() else StandIn(f"{self.__name__}.{name}")
        setattr(self, name, value)
        return value


class Finder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, fullname, path, target=None):
        if fullname.split(".")[0] in ("airflow", "kubernetes", "pendulum"):
            return importlib.machinery.ModuleSpec(fullname, self, is_package=True)
        return None

    def create_module(self, spec):
        module = StandIn(spec.name)
        module.__path__ = []
        return module

    def exec_module(self, module):
        pass


def mounts(task):
    """(secret, mount path) pairs, from k8s volumes + mounts and from Secret objects."""
    found = set()
    secret_of = {}
    for volume in task.kwargs.get("volumes") or []:
        source = volume.kwargs.get("secret")
        if source is not None:
            secret_of[volume.kwargs.get("name")] = source.kwargs.get("secret_name")
    for mount in task.kwargs.get("volume_mounts") or []:
        secret = secret_of.get(mount.kwargs.get("name"))
        if secret is not None:
            found.add((secret, mount.kwargs.get("mount_path")))
    for secret in task.kwargs.get("secrets") or []:
        values = dict(zip(("deploy_type", "deploy_target", "secret", "key"), secret.args), **secret.kwargs)
        found.add((values.get("secret"), values.get("deploy_target")))
    return sorted([list(pair) for pair in found])


def execute(path):
    """What the file builds when Python runs it, with the stand-ins (see the module docstring)."""
    sys.meta_path.insert(0, Finder())
    runpy.run_path(path, run_name="dag_under_test")
    empties = {id(task) for task in TASKS if task.empty}

    def downstream(task, seen):
        for up, down in EDGES:
            if up is task:
                if id(down) in empties:
                    if id(down) not in seen:
                        seen.add(id(down))
                        yield from downstream(down, seen)
                else:
                    yield down

    edges = sorted({(task.task_id, down.task_id) for task in TASKS if not task.empty for down in downstream(task, set())})
    tasks = {}
    for task in TASKS:
        if task.empty:
            continue
        tasks[task.task_id] = {
            "env_vars": {key: value for key, value in (task.kwargs.get("env_vars") or {}).items()},
            "mounts": mounts(task),
            "image": task.kwargs.get("image"),
            "namespace": task.kwargs.get("namespace"),
        }
    params = {name: ({"required": True} if value is REQUIRED else {"default": value}) for name, value in PARAMS.items()}
    return {"tasks": tasks, "edges": [list(edge) for edge in edges], "params": params}



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
    if sys.argv[1:2] == ["--execute"]:
        json.dump(execute(sys.argv[2]), sys.stdout)
        sys.exit(0)
    sys.exit(main(sys.argv[1:]))
