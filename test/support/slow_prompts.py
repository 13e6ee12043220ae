"""Two prompts drawn as Inquirer draws them, with a pause between them as long as a busy generator's: the driver
in pty_run.py must answer the second one only once it is drawn (test/pty-run.test.ts)."""
import sys, termios, time

# Inquirer reads keys in raw mode: the terminal does not echo them, so an Enter draws no line of its own.
attributes = termios.tcgetattr(0)
attributes[3] &= ~termios.ECHO
termios.tcsetattr(0, termios.TCSANOW, attributes)

def ask(question):
    sys.stdout.write(f"\x1b[34m?\x1b[39m \x1b[1m{question}\x1b[22m ")
    sys.stdout.flush()
    answer = sys.stdin.readline().strip()
    sys.stdout.write(f"\x1b[2K\x1b[G\x1b[32m\u2714\x1b[39m {question} \x1b[36m{answer}\x1b[39m\r\n\x1b[G\x1b[?25h")
    sys.stdout.flush()
    return answer

first = ask("Build the image now?")
time.sleep(float(sys.argv[1]))
second = ask("Overwrite Dockerfile?")
print(f"answers: {first!r} {second!r}")
