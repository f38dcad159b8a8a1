"""Types into `scar kernel console` through a pseudo-terminal, as a person would, and presses Ctrl-C.

usage: console_ctrl_c.py <java> <class path> <kernel name>     (run with /usr/bin/python3)

Starts the console, defines a variable, runs a cell that prints "sleeping" and sleeps ten minutes, presses Ctrl-C
once "sleeping" is on the screen, then asks for the variable (answered within a minute only if the sleep was
stopped). Prints one JSON line: whether each step was seen and the
screen text with terminal escapes removed.
"""
import glob
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


def read_until(pattern, seconds, since=0):
    """Reads the terminal until the text from offset since on matches pattern (True) or the time is up (False)."""
    global screen
    deadline = time.monotonic() + seconds
    start = len(screen)
    while time.monotonic() < deadline:
        if "Press ENTER to continue" in screen[start:]:  # prompt_toolkit recovering from an error: carry on
            start = len(screen)
            os.write(fd, b"\r")
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                data = os.read(fd, 65536)
            except OSError:
                return False
            screen += re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", data.decode("utf-8", "replace"))
        if re.search(pattern, screen[since:]):
            return True
    return False


def enter(line, expected, seconds):
    """Types a line and Enter, then waits for expected in what follows; if the console asks for more (a
    continuation prompt), ends the cell with another Enter."""
    since = len(screen)
    os.write(fd, line.encode())
    # Enter only once prompt_toolkit has handled the typed keys: jupyter-console 6.4.4 asks the kernel whether the
    # cell is complete from inside the key handler through a nested event loop, and a key-flush timer firing in
    # there trips it ("generator already executing") on a slow machine, as it would for a fast typist
    read_until(r"$^", 1.0)
    os.write(fd, b"\r")
    if read_until(expected + r"|\.\.\.: *$", seconds, since) and not re.search(expected, screen[since:]):
        os.write(fd, b"\r")
        return read_until(expected, seconds, since)
    return bool(re.search(expected, screen[since:]))


def wait_for_kernel(seconds):
    """Waits until the console's kernel has run its start-up imports: a second client's cell is answered then."""
    from jupyter_client import BlockingKernelClient
    from jupyter_core.paths import jupyter_runtime_dir
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        files = glob.glob(os.path.join(jupyter_runtime_dir(), "kernel-*.json"))
        if files:
            client = BlockingKernelClient(connection_file=max(files, key=os.path.getmtime))
            client.load_connection_file()
            client.start_channels()
            try:
                client.execute_interactive("0", silent=True, store_history=False, output_hook=lambda msg: None,
                                           timeout=max(1, deadline - time.monotonic()))
                return True
            finally:
                client.stop_channels()
        time.sleep(0.2)
    return False


report = {}
report["prompt"] = read_until(r"In \[1\]", 180)
report["kernel_ready"] = wait_for_kernel(180)
report["defined"] = enter("int answer = 41;", r"In \[\d+\]: $", 120)
report["sleeping"] = enter('System.out.println("sleeping"); Thread.sleep(600000);', r"sleeping\r?\n", 60)
pressed = time.monotonic()
since = len(screen)
os.write(fd, b"\x03")
# the next prompt: the cell would otherwise hold the console for a minute
report["interrupted"] = read_until(r"In \[\d+\]", 30, since)
report["interrupt_s"] = time.monotonic() - pressed
report["message"] = "Interrupted: cell interrupted" in screen[since:]
report["escaped"] = "KeyboardInterrupt escaped" in screen[since:]
report["after"] = enter("answer + 1", r"Out\[\d+\]: 42", 60)
since = len(screen)
os.write(fd, b"\x04")  # Ctrl-D: the console asks whether to exit
if read_until(r"really want to exit", 15, since):
    os.write(fd, b"y\r")
read_until(r"$^", 5)
report["screen"] = screen[-3000:]
try:
    os.kill(pid, 9)
except OSError:
    pass
print(json.dumps(report), flush=True)
