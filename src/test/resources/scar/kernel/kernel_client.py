"""Drives the SCAR Java kernel through jupyter_client and prints a JSON report (run with /usr/bin/python3).

usage: kernel_client.py session <kernel-name> <cells.json> <work-dir>
           execute the cells, time them, exercise complete, inspect, is_complete, output routing and limits,
           progress, the notebook functions, %maven, System.exit, interrupt, restart, shutdown; the kernel's own
           stdout and stderr go to <work-dir>/kernel-stderr.txt
       kernel_client.py cells <kernel-name> <cells.json> <work-dir>
           execute the cells in one kernel and report what each showed, and the kernel's pid; the kernel's own
           stdout and stderr go to <work-dir>/cells-kernel-stderr.txt
       kernel_client.py updates <kernel-name> <code>
           one cell that shows and updates displays, read message by message as a slow client does; reports how
           many displays arrived, the text of every update in order, the statuses seen, and the kernel's pid
       kernel_client.py threads <kernel-name>
           cells whose threads print and display while a later cell runs (released by a latch that cell counts
           down) and while no cell runs (released by a named pipe this client writes); reports every IOPub message
           of the session in arrival order: the cell it belongs to (its parent header), the cell running when it
           came (null for none), its type and its text; a task made by inThisCell in one cell prints in it while
           the next cell runs
       kernel_client.py orphan <kernel-name>   start a kernel, print its pid, then wait to be killed
"""
import os
import json
import shutil
import statistics
import sys
import tempfile
import time

from jupyter_client.manager import KernelManager, start_new_kernel

TIMEOUT = 120


def run(kc, code, timeout=TIMEOUT):
    outputs = []

    def hook(msg):
        kind = msg["msg_type"]
        content = msg["content"]
        if kind in ("stream", "execute_result", "display_data", "update_display_data", "error"):
            entry = {"type": kind}
            for key in ("name", "text", "data", "ename", "evalue", "traceback"):
                if key in content:
                    entry[key] = content[key]
            outputs.append(entry)

    reply = kc.execute_interactive(code, timeout=timeout, output_hook=hook, allow_stdin=False)
    content = reply["content"]
    return {"status": content["status"], "ename": content.get("ename"), "evalue": content.get("evalue"),
            "reply_chars": len(json.dumps(content)), "outputs": outputs}


def shell_reply(kc, msg_id, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while True:
        msg = kc.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg["content"]


def collect(kc, code, timeout=600):
    """Executes code and gathers every IOPub message of the request, busy to idle, and the reply."""
    t0 = time.monotonic()
    msg_id = kc.execute(code)
    msgs = []
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        msgs.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    idle_s = time.monotonic() - t0
    deadline = time.monotonic() + timeout
    while True:
        reply = kc.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    return reply, msgs, idle_s


def stream_text(msgs, name="stdout"):
    return "".join(m["content"]["text"] for m in msgs if m["msg_type"] == "stream" and m["content"]["name"] == name)


def flood(kc):
    reply, msgs, idle_s = collect(kc, 'for (int i = 0; i < 100_000; i++) {\n    System.out.println("line " + i);\n}')
    out = stream_text(msgs)
    err = stream_text(msgs, "stderr")
    streams = [m for m in msgs if m["msg_type"] == "stream"]
    return {"status": reply["content"]["status"], "idle_s": idle_s, "messages": len(msgs),
            "stream_messages": len(streams), "stdout_bytes": len(out.encode()), "starts_right": out.startswith("line 0\n"),
            "all_lines": out.endswith("line 99999\n") and out.count("\n") == 100_000,
            "note": err.strip(), "streams_before_reply": all(m["header"]["date"] <= reply["header"]["date"] for m in streams)}


def progress(kc):
    reply, msgs, idle_s = collect(kc, 'var wikiProfile = characterize(dataset("wikipedia"));')
    displays = [m["content"]["data"]["text/plain"] for m in msgs if m["msg_type"] == "display_data"]
    updates = {}
    for m in msgs:
        if m["msg_type"] == "update_display_data":
            updates.setdefault(m["content"]["transient"]["display_id"], []).append(m["content"]["data"]["text/plain"])
    return {"status": reply["content"]["status"], "seconds": idle_s, "messages": len(msgs),
            "types": sorted({m["msg_type"] for m in msgs}), "displays": displays, "updates": list(updates.values()),
            "stdout": stream_text(msgs)}


def guard_rails(kc, work_dir):
    report = {}
    run(kc, "int kept = 5;")
    pid = kernel_pid(kc)
    report["exit"] = run(kc, "System.exit(0);")
    report["after_exit"] = run(kc, "kept")
    report["same_kernel_after_exit"] = kernel_pid(kc) == pid
    go = os.path.join(work_dir, "go")
    done = os.path.join(work_dir, "done")
    report["starter"] = run(kc, ('var goFlag = Path.of("%s");\nvar doneFlag = Path.of("%s");\n'
                                 'java.util.concurrent.ForkJoinPool.commonPool().execute(() -> {\n  try {\n'
                                 '    while (!Files.exists(goFlag)) Thread.sleep(20);\n'
                                 '    display("late display from a background thread");\n'
                                 '    System.out.println("late line from a background thread");\n'
                                 '    Files.createFile(doneFlag);\n  } catch (Exception e) { }\n});') % (go, done))
    open(go, "w").close()
    deadline = time.monotonic() + 60
    while not os.path.exists(done) and time.monotonic() < deadline:
        time.sleep(0.05)
    report["next_cell"] = run(kc, "1 + 1")
    report["worker"] = run(kc, 'Thread t = new Thread(() -> System.out.println("worker says hi"));\n'
                               't.start();\nt.join();')
    return report


def notebook_functions(kc):
    reply, msgs, _ = collect(kc, 'String id = display("<b>step 1</b>", "text/html");\n'
                                 'updateDisplay(id, "<b>step 2</b>", "text/html");\n'
                                 'display(render("**markdown**", "text/markdown"));\n'
                                 'System.out.printf("%d printed%n", 3)')
    return {"status": reply["content"]["status"],
            "sequence": [[m["msg_type"], m["content"].get("data", {}), m["content"].get("transient", {}),
                          m["content"].get("text", "")] for m in msgs
                         if m["msg_type"] in ("display_data", "update_display_data", "stream", "execute_result")]}


def maven(kc):
    return {"maven": run(kc, "%maven scar.test:greeter:1.0"),
            "use": run(kc, 'new scar.test.greeter.Greeter().greet("Ada") + " / " + scar.test.names.Names.polite("Bob")'),
            "missing": run(kc, "%maven scar.test:missing:1.0"),
            "pom": run(kc, "%%loadFromPOM\n<dependency>\n  <groupId>scar.test</groupId>\n"
                           "  <artifactId>names</artifactId>\n  <version>1.0</version>\n</dependency>"),
            "startup_script": run(kc, "fromTheStartupScript()")}


def kernel_pid(kc):
    result = run(kc, "ProcessHandle.current().pid()")
    return int(result["outputs"][-1]["data"]["text/plain"])


def session(name, cells_file, work_dir):
    with open(cells_file, encoding="utf-8") as f:
        cells = json.load(f)
    report = {"cells": {}}
    kernel_output = open(os.path.join(work_dir, "kernel-stderr.txt"), "w")
    started = time.monotonic()
    km, kc = start_new_kernel(kernel_name=name, startup_timeout=TIMEOUT, stdout=kernel_output, stderr=kernel_output)
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
        report["is_complete_pom"] = shell_reply(kc, kc.is_complete(
            "%%loadFromPOM\n<dependency><groupId>a</groupId><artifactId>b</artifactId><version>1</version></dependency>"))
        report["complete_magic"] = shell_reply(kc, kc.complete("%mav", 4))
        report["complete_scar"] = shell_reply(kc, kc.complete("Scar.charac", len("Scar.charac")))
        report["inspect_scar"] = shell_reply(kc, kc.inspect("characterize(wiki)", len("charac"), detail_level=0))

        report["flood"] = flood(kc)
        report["progress"] = progress(kc)
        report["guard_rails"] = guard_rails(kc, work_dir)
        report["notebook_functions"] = notebook_functions(kc)
        report["maven"] = maven(kc)

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


def cells_only(name, cells_file, work_dir):
    with open(cells_file, encoding="utf-8") as f:
        cells = json.load(f)
    kernel_output = open(os.path.join(work_dir, "cells-kernel-stderr.txt"), "w")
    km, kc = start_new_kernel(kernel_name=name, startup_timeout=TIMEOUT, stdout=kernel_output, stderr=kernel_output)
    report = {"cells": {}}
    try:
        for key, code in cells.items():
            report["cells"][key] = run(kc, code, timeout=600)
        report["pid"] = kernel_pid(kc)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    print(json.dumps(report), flush=True)


def updates(name, code):
    km, kc = start_new_kernel(kernel_name=name, startup_timeout=TIMEOUT)
    report = {"updates": [], "states": [], "displays": 0}
    try:
        report["pid"] = kernel_pid(kc)
        msg_id = kc.execute(code)
        while not report["states"] or report["states"][-1] != "idle":
            try:
                msg = kc.get_iopub_msg(timeout=30)
            except Exception:
                break  # nothing for 30 s: the idle status was lost
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "update_display_data":
                report["updates"].append(msg["content"]["data"]["text/plain"])
            elif msg["msg_type"] == "display_data":
                report["displays"] += 1
            elif msg["msg_type"] == "status":
                report["states"].append(msg["content"]["execution_state"])
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    print(json.dumps(report), flush=True)


class Session:
    """Every IOPub message of a kernel, in arrival order, labelled with the cell it belongs to."""

    def __init__(self, kc):
        self.kc = kc
        self.labels = {}
        self.running = None
        self.log = []

    def _take(self, timeout):
        msg = self.kc.get_iopub_msg(timeout=timeout)
        c = msg["content"]
        text = c.get("text") or (c.get("data") or {}).get("text/plain") or c.get("execution_state") or ""
        entry = {"cell": self.labels.get(msg["parent_header"].get("msg_id"), "other"), "running": self.running,
                 "type": msg["msg_type"], "name": c.get("name", ""), "chars": len(text), "text": text[:300]}
        self.log.append(entry)
        return msg, entry

    def run(self, label, code):
        """Executes a cell and takes IOPub messages until its idle status."""
        msg_id = self.kc.execute(code)
        self.labels[msg_id] = label
        self.running = label
        while True:
            msg, _ = self._take(TIMEOUT)
            if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                    and msg["content"]["execution_state"] == "idle"):
                break
        self.running = None

    def wait_for(self, label, text, timeout=60):
        """True once a message of cell label holds text, taking IOPub messages; False after timeout seconds."""
        if any(e["cell"] == label and text in e["text"] for e in self.log):
            return True
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            try:
                _, entry = self._take(left)
            except Exception:
                return False
            if entry["cell"] == label and text in entry["text"]:
                return True


def threads(name):
    km, kc = start_new_kernel(kernel_name=name, startup_timeout=TIMEOUT)
    s = Session(kc)
    report = {}
    fifos = tempfile.mkdtemp()
    between = os.path.join(fifos, "between")
    flood_go = os.path.join(fifos, "flood")
    os.mkfifo(between)
    os.mkfifo(flood_go)
    try:
        s.run("starter", ('var release = new java.util.concurrent.CountDownLatch(1);\n'
                          'var printed = new java.util.concurrent.CountDownLatch(1);\n'
                          'String progress = display("progress 0");\n'
                          'new Thread(() -> {\n'
                          '  try {\n'
                          '    release.await();\n'
                          '    display("display while the waiter runs");\n'
                          '    System.out.println("text while the waiter runs");\n'
                          '    updateDisplay(progress, "progress 1");\n'
                          '    printed.countDown();\n'
                          '    Files.readString(Path.of("%s"));\n'
                          '    display("display between cells");\n'
                          '    System.out.println("text between cells");\n'
                          '    updateDisplay(progress, "progress 2");\n'
                          '  } catch (Exception e) { e.printStackTrace(); }\n'
                          '}).start();\n'
                          '"started"') % between)
        s.run("waiter", 'release.countDown();\nprinted.await();\nSystem.out.println("the waiter\'s own text");\n'
                        '"waited"')
        with open(between, "w") as fifo:  # the thread reads it once no cell runs
            fifo.write("go")
        report["between_arrived"] = s.wait_for("waiter", "progress 2")
        s.run("after", '"after"')

        s.run("pinner", 'var pool = java.util.concurrent.Executors.newSingleThreadExecutor();\n'
                        'var pinnedGo = new java.util.concurrent.CountDownLatch(1);\n'
                        'pool.submit(inThisCell(() -> {\n'
                        '  try { pinnedGo.await(); } catch (InterruptedException e) { }\n'
                        '  System.out.println("pinned text");\n'
                        '}));\n'
                        'pool.submit(() -> System.out.println("unpinned text"));\n'
                        '"pinned"')
        s.run("unpinner", 'pinnedGo.countDown();\npool.shutdown();\npool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)')
        report["pinned_arrived"] = s.wait_for("pinner", "pinned text")

        s.run("flooder", ('var stop = new java.util.concurrent.atomic.AtomicBoolean();\n'
                          'var stopped = new java.util.concurrent.CountDownLatch(1);\n'
                          'new Thread(() -> {\n'
                          '  try { Files.readString(Path.of("%s")); } catch (Exception e) { }\n'
                          '  String line = "x".repeat(1023);\n'
                          '  for (long n = 0; !stop.get(); n++) {\n'
                          '    System.out.println(line);\n'
                          '    if (n < 1500) display("flood display " + n);\n'
                          '  }\n'
                          '  stopped.countDown();\n'
                          '}).start();') % flood_go)
        with open(flood_go, "w") as fifo:  # the flood starts once no cell runs
            fifo.write("go")
        report["flood_note_arrived"] = s.wait_for("flooder", "[output truncated")
        report["flood_display_note_arrived"] = s.wait_for("flooder", "[displays left out")
        s.run("while_flooding", '"still answering"')
        s.run("stopper", "stop.set(true);\nstopped.await();\n1 + 1")
        s.run("last", "40 + 2")
        report["pid"] = kernel_pid(kc)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
        shutil.rmtree(fifos, ignore_errors=True)
    report["log"] = s.log
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
        session(sys.argv[2], sys.argv[3], sys.argv[4])
    elif sys.argv[1] == "cells":
        cells_only(sys.argv[2], sys.argv[3], sys.argv[4])
    elif sys.argv[1] == "updates":
        updates(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "threads":
        threads(sys.argv[2])
    elif sys.argv[1] == "orphan":
        orphan(sys.argv[2])
    else:
        sys.exit("unknown mode " + sys.argv[1])
