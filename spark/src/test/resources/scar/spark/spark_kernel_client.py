"""Drives the SCAR + Spark kernel through jupyter_client and prints a JSON report (run with /usr/bin/python3).

usage: spark_kernel_client.py study <kernel-name> <parquet-path>
       spark_kernel_client.py logging <kernel-name> <kernel-stderr-file>
       spark_kernel_client.py imports <kernel-name> <kernel-stderr-file>
study: runs a Spark study in a cell, counts the file's rows with label 1 (a filter Spark's Parquet reader applies) and
Spark's collations (ICU's locales), then starts a longer one, interrupts it once it reports a fit done, and checks
that the kernel and the Spark session still answer.
logging: the kernel's standard error goes to the given file; a cell starts a local session and a job whose tasks fail;
the file's size is noted ("quiet_bytes"); a cell sets spark.log.level to INFO and starts a new session.
imports: the kernel's standard error goes to the given file; cells use Dataset<Row> before and after the cell's own
import of org.apache.spark.sql.*, Spark's functions class, Tablesaw's Table and Row (the latter by its full name) and
SCAR's version().
"""
import json
import os
import re
import sys
import time

from jupyter_client.manager import start_new_kernel

TIMEOUT = 600


def run(kc, code, timeout=TIMEOUT):
    outputs = []

    def hook(msg):
        kind = msg["msg_type"]
        content = msg["content"]
        if kind in ("stream", "execute_result", "display_data", "error"):
            entry = {"type": kind}
            for key in ("name", "text", "data", "ename", "evalue"):
                if key in content:
                    entry[key] = content[key]
            outputs.append(entry)

    reply = kc.execute_interactive(code, timeout=timeout, output_hook=hook, allow_stdin=False)
    content = reply["content"]
    return {"status": content["status"], "ename": content.get("ename"), "evalue": content.get("evalue"),
            "outputs": outputs}


def study(km, kc, parquet, report):
    report["imports"] = run(kc, "import static scar.spark.ScarSpark.*;\nimport org.apache.spark.sql.*;")
    report["session"] = run(kc, "var spark = spark();\nspark.sparkContext().master()")
    report["profile"] = run(kc, "var df = spark.read().parquet(\"%s\");\n"
                                "characterize(df, \"emb\", \"label\", "
                                "scar.foundation.ScarOptions.defaults().withRatios(1, 2))" % parquet)
    report["filtered"] = run(kc, "df.where(\"label = 1\").count()")
    report["collations"] = run(kc, "spark.sql(\"select count(*) from collations()\").first().getLong(0)")
    busy = kc.execute("characterize(df, \"emb\", \"label\", "
                      "scar.foundation.ScarOptions.defaults().withRatios(1, 2, 5, 10, 15, 20, 30))")
    seen = ""
    deadline = time.monotonic() + 300
    while not re.search(r"[1-9][0-9]*/[0-9]+ fits", seen) and time.monotonic() < deadline:
        try:
            msg = kc.get_iopub_msg(timeout=1)
        except Exception:
            continue
        if msg["msg_type"] == "stream":
            seen += msg["content"]["text"]
        elif msg["msg_type"] == "display_data" or msg["msg_type"] == "update_display_data":
            seen += json.dumps(msg["content"].get("data", {}))
    report["progress_before_interrupt"] = seen[-400:]
    t0 = time.monotonic()
    km.interrupt_kernel()
    while True:
        msg = kc.get_shell_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") == busy:
            report["interrupted"] = {"status": msg["content"]["status"], "ename": msg["content"].get("ename")}
            break
    report["interrupt_s"] = time.monotonic() - t0
    report["after"] = run(kc, "spark.range(1000).count()")


def logging(km, kc, stderr_path, report):
    report["session"] = run(kc, "import static scar.spark.ScarSpark.*;\n"
                                "var spark = spark();\nspark.sparkContext().master()")
    report["failed"] = run(kc, "spark.range(4).selectExpr(\"raise_error(concat('scar-boom-', id))\").collect()")
    report["quiet_bytes"] = os.path.getsize(stderr_path)
    report["info"] = run(kc, "spark.stop();\nSystem.setProperty(\"spark.log.level\", \"INFO\");\n"
                             "spark().range(3).count()")


def imports(km, kc, stderr_path, report):
    report["session"] = run(kc, "var spark = scar.spark.ScarSpark.spark();")
    report["rows"] = run(kc, "Dataset<Row> df = spark.range(3).toDF();\ndf.count()")
    report["import"] = run(kc, "import org.apache.spark.sql.*;")
    report["rows_after_import"] = run(kc, "Dataset<Row> again = spark.range(3).toDF();\nagain.count()")
    report["functions"] = run(kc, "Column c = functions.col(\"id\");\ndf.select(c).first().getLong(0)")
    report["tablesaw"] = run(kc, "Table t = Table.create(\"t\", IntColumn.create(\"x\", 5, 6, 7));\n"
                                 "tech.tablesaw.api.Row r = new tech.tablesaw.api.Row(t);\n"
                                 "t.rowCount() + \" \" + r.next().getInt(\"x\")")
    report["version"] = run(kc, "version().equals(scar.Scar.version())")


def main(mode, name, arg):
    report = {}
    stderr = open(arg, "wb") if mode in ("logging", "imports") else None  # None: the kernel writes on this process's stderr
    km, kc = start_new_kernel(kernel_name=name, startup_timeout=180, stderr=stderr)
    try:
        {"study": study, "logging": logging, "imports": imports}[mode](km, kc, arg, report)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
        if stderr is not None:
            stderr.close()
    print(json.dumps(report))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
