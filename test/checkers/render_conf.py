"""Renders templated values the way Airflow does, with real Jinja2, for a given DAG run conf.

Airflow renders templated fields (env_vars among them) in a sandboxed Jinja environment whose
`undefined` is StrictUndefined by default (DAG(template_undefined=...)); `dag_run` is the DagRun,
whose `conf` is a dict. Usage: python3 render_conf.py '{"templates": {"K": "{{ ... }}"}, "conf": {...}}'
Prints {"K": {"value": "..."}} or {"K": {"error": "UndefinedError: ..."}}.
"""
import json
import sys
from types import SimpleNamespace

import jinja2
from jinja2.sandbox import SandboxedEnvironment


def main() -> int:
    request = json.loads(sys.argv[1])
    environment = SandboxedEnvironment(undefined=jinja2.StrictUndefined)
    context = {"dag_run": SimpleNamespace(conf=request["conf"]), "ds": "2026-01-31"}
    result = {}
    for key, template in request["templates"].items():
        try:
            result[key] = {"value": environment.from_string(template).render(context)}
        except jinja2.TemplateError as error:
            result[key] = {"error": f"{type(error).__name__}: {error}"}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
