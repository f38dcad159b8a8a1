"""Types into `scar kernel console` through a pseudo-terminal, as a person would, and presses Ctrl-C.

usage: console_ctrl_c.py <java> <class path> <kernel name>     (run with /usr/bin/python3)

Starts the console, defines a variable, runs a cell that prints "sleeping" and sleeps a minute, presses Ctrl-C once
"sleeping" is on the screen, then asks for the variable. Prints one JSON line: whether each step was seen and the
screen text with terminal escapes removed.
"""
import json
import os
import pty
import re
import select
import sys
import time

java, classpath, kernel = sys.argv[1:4]
pid, fd = pty.fork()
if pid == 0:
    os.execv(java, [java, "-cp", classpath, "scar.kernel.KernelCommand", "console", "--name", kernel])

screen = ""


def read_until(pattern, seconds):
    """Reads the terminal until the text matches pattern (True) or the time is up (False)."""
    global screen
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                data = os.read(fd, 65536)
            except OSError:
                return False
            screen += re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", data.decode("utf-8", "replace"))
        if re.search(pattern, screen):
            return True
    return False


report = {}
report["prompt"] = read_until(r"In \[1\]", 180)
os.write(fd, b"int answer = 41;\r")
report["defined"] = read_until(r"In \[2\]", 120)
os.write(fd, b"System.out.println(\"sleeping\"); Thread.sleep(60000);\r")
report["sleeping"] = read_until(r"\nsleeping", 120)
pressed = time.monotonic()
os.write(fd, b"\x03")
report["interrupted"] = read_until(r"Interrupted: cell interrupted", 30)
report["interrupt_s"] = time.monotonic() - pressed
os.write(fd, b"answer + 1\r")
report["after"] = read_until(r"Out\[\d+\]: 42", 60)
os.write(fd, b"\x04")  # Ctrl-D: the console asks whether to exit
read_until(r"exit", 10)
os.write(fd, b"y\r")
read_until(r"$^", 5)
report["screen"] = screen[-3000:]
try:
    os.kill(pid, 9)
except OSError:
    pass
print(json.dumps(report), flush=True)
