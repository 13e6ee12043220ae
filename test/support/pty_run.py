"""Runs a command in a pseudo-terminal, as a person at a terminal would: once its output matches WAIT (a regular
expression), types KEYS (Python escapes, e.g. \\x03 for Ctrl-C). Prints everything the command printed, then
"exit=<code>" on a line of its own. Usage: pty_run.py WAIT KEYS COMMAND...
or pty_run.py --steps JSON COMMAND..., JSON a list of {"wait", "keys", "until"?}: each step types its keys once
its wait matches the output since the previous step; with "until", it types them at each new match (a prompt)
until the output matches "until" (then the next step looks at the output from there)."""
import json, os, pty, re, select, sys, time

if sys.argv[1] == "--steps":
    steps, command = json.loads(sys.argv[2]), sys.argv[3:]
else:
    steps, command = [{"wait": sys.argv[1], "keys": sys.argv[2]}], sys.argv[3:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(command[0], command)
output, step, seen, deadline = b"", 0, 0, time.time() + 60
while time.time() < deadline:
    # A prompt counts as whole after 0.5 s without output: under a loaded CI machine a prompt can pause longer
    # than 0.2 s between its "? " and its question, and keys typed then answered the wrong prompt.
    ready, _, _ = select.select([fd], [], [], 0.5)
    if ready:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    if step < len(steps):
        current, new = steps[step], output[seen:]
        # A step that answers prompts waits for the output to settle (the prompt is whole, and waits for keys).
        if current.get("until") and ready:
            continue
        keys = current["keys"].encode().decode("unicode_escape").encode("latin-1")
        until = current.get("until")
        match = until and re.search(until.encode(), new)
        if match:
            step, seen = step + 1, seen + match.start()
        elif re.search(current["wait"].encode(), new):
            os.write(fd, keys)
            seen = len(output)
            if not until:
                step += 1
_, status = os.waitpid(pid, 0)
sys.stdout.write(output.decode(errors="replace"))
sys.stdout.write(f"\nexit={os.waitstatus_to_exitcode(status)}\n")
