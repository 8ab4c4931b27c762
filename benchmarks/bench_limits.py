"""Measure the runtime against hostile answers: wall time and peak memory of one call each.

A server on 127.0.0.1 (a thread of this process) answers:

- ``huge``: a declared 2 GB body (``Content-Length``), 2 GB of zeros written at most;
- ``endless``: a body with no length, written until the client leaves (2 GB at most);
- ``trickle``: one byte every 0.5 s (60 bytes at most: 30 s for a client that waits);
- ``echo``: a 500 whose body and headers quote the request's ``Authorization``.

Each call runs in a fresh process (the client of ``generator/runtime``, sync, no retries),
which prints its wall time, its peak RSS (``VmHWM``) and the error it ended with. The
size cap is the default (``DEFAULT_MAX_RESPONSE_SIZE``); the trickle runs with the default
deadline lowered by ``--deadline`` (the default deadline, 300 s, would end it at 300 s).

    python benchmarks/bench_limits.py [--deadline 5]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
GIB = 1024**3

CALL = """
import re, sys, time
sys.path.insert(0, {repo!r})
from generator.runtime._base import SyncAPIClient
started = time.perf_counter()
outcome = "no error"
with SyncAPIClient(token="SECRET-bench-token", base_url={base!r}, max_retries=0{extra}) as client:
    try:
        client.request("GET", {path!r})
    except Exception as error:
        leaked = "SECRET" in repr(error) + str(error) + str(vars(error))
        outcome = type(error).__name__ + (" (token leaked)" if leaked else "")
elapsed = time.perf_counter() - started
status = open("/proc/self/status").read()
peak = int(re.search(r"VmHWM:\\s+(\\d+)", status).group(1)) / 1024
print(f"{{elapsed:.2f}} {{peak:.1f}} {{outcome}}")
"""


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: Any) -> None:
        pass

    def _write(self, data: bytes) -> bool:
        try:
            self.wfile.write(data)
            self.wfile.flush()
        except OSError:
            return False
        return True

    def do_GET(self) -> None:
        name = self.path.rpartition("/")[2]
        if name == "echo":
            secret = self.headers.get("Authorization", "")
            text = f'{{"error": {{"code": "Proxy", "message": "{secret}"}}}}'.encode()
            self.send_response(500)
            self.send_header("Content-Type", "application/json")
            self.send_header("X-Echo", secret)
            self.send_header("Content-Length", str(len(text)))
            self.end_headers()
            self._write(text)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        if name == "huge":
            self.send_header("Content-Length", str(2 * GIB))
        elif name == "trickle":
            self.send_header("Content-Length", "60")
        else:
            self.close_connection = True
        self.end_headers()
        if name == "trickle":
            for _ in range(60):
                if not self._write(b"x"):
                    return
                time.sleep(0.5)
            return
        block = b"\0" * (1024 * 1024)
        for _ in range(2048):
            if not self._write(block):
                return


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--deadline", type=float, default=5.0, help="the trickle's deadline (s)")
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/v1.0"
    print("One call per fresh process (sync client, no retries)")
    print(f"  {'answer':<10} {'wall s':>8} {'peak MB':>8}  error")
    cases = [
        ("huge", ""),
        ("endless", ""),
        ("trickle", f", deadline={args.deadline!r}"),
        ("echo", ""),
    ]
    for path, extra in cases:
        code = CALL.format(repo=str(REPO), base=base, path="/" + path, extra=extra)
        run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        if run.returncode != 0:
            print(f"  {path:<10} failed: {run.stderr.strip()[-300:]}")
            continue
        wall, peak, outcome = run.stdout.split(" ", 2)
        print(f"  {path:<10} {float(wall):>8.2f} {float(peak):>8.1f}  {outcome.strip()}")
    print("  targets: each < 10 s and < 500 MB; no token in any error")
    server.shutdown()


if __name__ == "__main__":
    main()
