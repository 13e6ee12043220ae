"""Runs a command in a pseudo-terminal, as a person at a terminal would: once its output matches WAIT (a regular
expression), types KEYS (Python escapes, e.g. \\x03 for Ctrl-C). Prints everything the command printed, then
"exit=<code>" on a line of its own. Usage: pty_run.py WAIT KEYS COMMAND..."""
import os, pty, re, select, sys, time

wait, keys, command = sys.argv[1], sys.argv[2].encode().decode("unicode_escape").encode("latin-1"), sys.argv[3:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(command[0], command)
output, sent, deadline = b"", False, time.time() + 60
while time.time() < deadline:
    ready, _, _ = select.select([fd], [], [], 0.2)
    if ready:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    if not sent and re.search(wait.encode(), output):
        os.write(fd, keys)
        sent = True
_, status = os.waitpid(pid, 0)
sys.stdout.write(output.decode(errors="replace"))
sys.stdout.write(f"\nexit={os.waitstatus_to_exitcode(status)}\n")
