"""Runs a command in a pseudo-terminal, as a person at a terminal would: once its output matches WAIT (a regular
expression), types KEYS (Python escapes, e.g. \\x03 for Ctrl-C). Prints everything the command printed, then
"exit=<code>" on a line of its own. Usage: pty_run.py WAIT KEYS COMMAND...
or pty_run.py --steps JSON COMMAND..., JSON a list of {"wait", "keys", "until"?}: each step types its keys once
its wait matches the output since the previous step and the output has been quiet for 0.5 s (the prompt is drawn
and waits for keys). With "until", a step answers prompts: it types its keys at each new prompt, a line that starts
after its last keys and matches "wait" once colours are taken out, until the output matches "until" (then the next
step looks at the output from there). A command still running after 90 s (PTY_RUN_SECONDS; under the tests' 120 s) is killed, and the output says so."""
import json, os, pty, re, select, signal, sys, time

ESCAPE = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")


def new_lines(output, seen):
    """The text of the lines that start after byte `seen`, without terminal escapes: the echo of the prompt just
    answered (its line started before the keys) is not among them, nor the "?" of an escape such as ESC[?25h."""
    before, after = ESCAPE.sub(b"", output[:seen]), ESCAPE.sub(b"", output[seen:])
    if before and not before.endswith(b"\n"):
        after = after.partition(b"\n")[2]
    return after


if sys.argv[1] == "--steps":
    steps, command, settle = json.loads(sys.argv[2]), sys.argv[3:], True
else:
    steps, command, settle = [{"wait": sys.argv[1], "keys": sys.argv[2]}], sys.argv[3:], False
pid, fd = pty.fork()
if pid == 0:
    os.execvp(command[0], command)
limit = float(os.environ.get("PTY_RUN_SECONDS", "90"))
output, step, seen, deadline, timed_out = b"", 0, 0, time.time() + limit, False
while True:
    if time.time() > deadline:
        timed_out = True
        os.killpg(pid, signal.SIGKILL)
        break
    # Output counts as settled after 0.5 s of quiet: on a loaded CI machine a prompt can pause longer than 0.2 s
    # between its "? " and its question, and keys typed then answered the wrong prompt.
    ready, _, _ = select.select([fd], [], [], 0.5)
    if ready:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    if step >= len(steps) or (ready and settle):
        continue
    current = steps[step]
    keys = current["keys"].encode().decode("unicode_escape").encode("latin-1")
    until = current.get("until")
    if until:
        match = re.search(until.encode(), output[seen:])
        if match:
            step, seen = step + 1, seen + match.start()
        elif re.search(current["wait"].encode(), new_lines(output, seen), re.M):
            os.write(fd, keys)
            seen = len(output)
    elif re.search(current["wait"].encode(), output[seen:]):
        os.write(fd, keys)
        step, seen = step + 1, len(output)
_, status = os.waitpid(pid, 0)
sys.stdout.write(output.decode(errors="replace"))
if timed_out:
    waiting = steps[step]["until"] if step < len(steps) and "until" in steps[step] else steps[min(step, len(steps) - 1)]["wait"]
    sys.stdout.write(f"\npty_run: still running after {limit:g} s, killed; step {step + 1} of {len(steps)} waited for {waiting!r}")
sys.stdout.write(f"\nexit={os.waitstatus_to_exitcode(status)}\n")
