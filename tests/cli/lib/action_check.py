"""Reads action.yml as GitHub reads a composite action (PyYAML; exit 2 when
it is missing) and prints one line per problem: what the runner rejects
(no shell on a run step, an unknown key) and what silently goes wrong (an
input or step output that does not exist, a step output used before its
step, ${{ env.X }} for a variable the action never sets: the env context
holds only what a workflow or step sets, not the runner's own variables
such as ImageOS, so the expression is empty)."""
import re
import sys

try:
    import yaml
except ImportError:
    sys.exit(2)

problems = []
doc = yaml.safe_load(open(sys.argv[1] if len(sys.argv) > 1 else "action.yml"))
if not isinstance(doc, dict):
    sys.exit("action.yml is not a mapping")
for key in ("name", "description", "runs"):
    if key not in doc:
        problems.append(f"missing top-level {key}")
unknown = set(doc) - {"name", "author", "description", "inputs", "outputs", "runs", "branding"}
problems += [f"unknown top-level key {k}" for k in sorted(unknown)]
inputs = doc.get("inputs") or {}
for name, spec in inputs.items():
    if not isinstance(spec, dict) or "description" not in spec:
        problems.append(f"input {name}: no description")
    elif "default" in spec and not isinstance(spec["default"], str):
        problems.append(f"input {name}: default {spec['default']!r} is not a string")
runs = doc.get("runs") or {}
if runs.get("using") != "composite":
    problems.append("runs.using is not composite")
steps = runs.get("steps") or []
step_keys = {"name", "id", "if", "run", "shell", "env", "uses", "with", "working-directory",
             "continue-on-error"}
seen_ids, set_env = [], set()
for s in steps:
    set_env |= set((s.get("env") or {}).keys())
expr = re.compile(r"\$\{\{(.*?)\}\}", re.S)


def check_text(where, text, ids):
    for e in expr.findall(text if isinstance(text, str) else ""):
        for m in re.finditer(r"\binputs\.([A-Za-z0-9_-]+)", e):
            if m.group(1) not in inputs:
                problems.append(f"{where}: unknown input {m.group(1)}")
        for m in re.finditer(r"\bsteps\.([A-Za-z0-9_-]+)\.", e):
            if m.group(1) not in ids:
                problems.append(f"{where}: step {m.group(1)} is not an earlier step")
        for m in re.finditer(r"\benv\.([A-Za-z0-9_]+)", e):
            if m.group(1) not in set_env:
                problems.append(f"{where}: env.{m.group(1)} is not set by the action (empty)")


for i, s in enumerate(steps):
    where = f"step {i + 1} ({s.get('name', '?')})"
    problems += [f"{where}: unknown key {k}" for k in sorted(set(s) - step_keys)]
    if ("run" in s) == ("uses" in s):
        problems.append(f"{where}: needs exactly one of run and uses")
    if "run" in s and "shell" not in s:
        problems.append(f"{where}: a composite run step needs shell")
    if "run" in s and "${{" in s["run"]:
        problems.append(f"{where}: an expression inside the run script")
    values = [s.get("if", "")] + list((s.get("env") or {}).values()) + list((s.get("with") or {}).values())
    for v in values:
        check_text(where, v if isinstance(v, str) else "", seen_ids)
    if "if" in s and "${{" not in str(s["if"]):
        check_text(where, "${{ " + str(s["if"]) + " }}", seen_ids)
    if "id" in s:
        seen_ids.append(s["id"])
for name, spec in (doc.get("outputs") or {}).items():
    if "value" not in (spec or {}):
        problems.append(f"output {name}: a composite action's output needs value")
    else:
        check_text(f"output {name}", spec["value"], seen_ids)
print("\n".join(problems))
sys.exit(1 if problems else 0)
