"""Drives the SCAR Java kernel through jupyter_client and prints a JSON report (run with /usr/bin/python3).

usage: kernel_client.py session <kernel-name> <cells.json>   execute the cells, time them, exercise complete,
                                                             inspect, is_complete, interrupt, restart, shutdown
       kernel_client.py orphan <kernel-name>                 start a kernel, print its pid, then wait to be killed
"""
import json
import statistics
import sys
import time

from jupyter_client.manager import KernelManager, start_new_kernel

TIMEOUT = 120


def run(kc, code, timeout=TIMEOUT):
    outputs = []

    def hook(msg):
        kind = msg["msg_type"]
        content = msg["content"]
        if kind in ("stream", "execute_result", "display_data", "error"):
            entry = {"type": kind}
            for key in ("name", "text", "data", "ename", "evalue", "traceback"):
                if key in content:
                    entry[key] = content[key]
            outputs.append(entry)

    reply = kc.execute_interactive(code, timeout=timeout, output_hook=hook, allow_stdin=False)
    content = reply["content"]
    return {"status": content["status"], "ename": content.get("ename"), "evalue": content.get("evalue"),
            "outputs": outputs}


def shell_reply(kc, msg_id, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while True:
        msg = kc.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg["content"]


def kernel_pid(kc):
    result = run(kc, "ProcessHandle.current().pid()")
    return int(result["outputs"][-1]["data"]["text/plain"])


def session(name, cells_file):
    with open(cells_file, encoding="utf-8") as f:
        cells = json.load(f)
    report = {"cells": {}}
    started = time.monotonic()
    km, kc = start_new_kernel(kernel_name=name, startup_timeout=TIMEOUT)
    try:
        report["first"] = run(kc, "1 + 1")
        report["start_to_first_result_s"] = time.monotonic() - started
        for key, code in cells.items():
            report["cells"][key] = run(kc, code, timeout=600)
        times = []
        for i in range(21):
            t0 = time.monotonic()
            run(kc, str(i))
            times.append(time.monotonic() - t0)
        report["round_trip_median_s"] = statistics.median(times[1:])
        report["round_trip_max_s"] = max(times[1:])

        report["complete"] = shell_reply(kc, kc.complete("int x = 1;\nMath.ma", len("int x = 1;\nMath.ma")))
        report["inspect"] = shell_reply(kc, kc.inspect("Math.max(1, 2)", len("Math.ma"), detail_level=0))
        report["is_complete_open"] = shell_reply(kc, kc.is_complete("for (int i = 0; i < 3; i++) {"))
        report["is_complete_done"] = shell_reply(kc, kc.is_complete("int y = 1;\ny + 1"))

        pid = kernel_pid(kc)
        report["pids"] = [pid]
        busy = kc.execute("long spins = 0;\nwhile (true) { spins++; }")
        time.sleep(2)
        t0 = time.monotonic()
        km.interrupt_kernel()
        report["interrupt_reply"] = shell_reply(kc, busy)
        report["interrupt_s"] = time.monotonic() - t0
        report["after_interrupt"] = run(kc, "40 + 2")
        report["same_kernel_after_interrupt"] = kernel_pid(kc) == pid

        kc.stop_channels()
        km.restart_kernel(now=False)
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=TIMEOUT)
        report["after_restart"] = run(kc, "int fresh = 5;\nfresh * 2")
        report["pids"].append(kernel_pid(kc))
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
        report["alive_after_shutdown"] = km.is_alive()
    print(json.dumps(report), flush=True)


def orphan(name):
    km = KernelManager(kernel_name=name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=TIMEOUT)
    pid = kernel_pid(kc)
    print(json.dumps({"pid": pid}), flush=True)
    time.sleep(3600)


if __name__ == "__main__":
    if sys.argv[1] == "session":
        session(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "orphan":
        orphan(sys.argv[2])
    else:
        sys.exit("unknown mode " + sys.argv[1])
