#!/usr/bin/env python3
"""200 members submitting their self-assessments at the same instant, each on their own session and connection
(lines of bench/out/selfs.txt: "evaluationId group JSESSIONID XSRF"), as bench/SelfBench.java's burst, with a client
light enough not to take the cores from the server it measures: one asyncio loop writes every request, then reads
the answers as they come. (The Java client of SelfBench costs about as much CPU per request as the server's work,
on the same two cores.) Every member first opens the form (GET of their evaluation, not timed) on the connection
they keep; then all submissions are written in one pass and each is timed from its write to the end of its answer.
WARM untimed bursts, then ROUNDS timed ones, each printed as a RESULT line, with the CPU that the app's JVM, all
postgres processes and this client used per submission during the timed part (from /proc, 10 ms ticks).
Usage: python3 bench/burst.py http://localhost:8089 bench/out/selfs.txt [MEMBERS [ROUNDS [WARM]]]
"""
import asyncio
import json
import os
import subprocess
import sys
import time
from urllib.parse import urlparse

NON_SYSTEM = {"G1": "6", "G2": "6", "G3": "5", "G4": "5", "R1": "20", "R2": "16", "R3": "12", "R4": "8"}
INDIVIDUAL = {"G1": "6", "G2": "6", "G3": "5", "G4": "5", "R1": "32", "R2": "16", "R3": "8"}
TEXTS = {"strengths": "Chấp hành tốt chủ trương, nghị quyết; tham gia đầy đủ sinh hoạt chi bộ.",
         "shortcomings": "Có lúc chưa chủ động đề xuất giải pháp.",
         "remedies": "Chủ động, gương mẫu hơn ở nơi cư trú."}


def cpu():
    """CPU ticks (1/100 s) used so far by the app's JVM (the process started with -Xmx512m), by all postgres
    processes and by this client, from /proc; None when the JVM is not found."""
    def ticks(pid):
        try:
            f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
            return int(f[11]) + int(f[12])
        except (OSError, IndexError, ValueError):
            return 0
    jvm = subprocess.run(["pgrep", "-f", "Xmx512m"], capture_output=True, text=True).stdout.split()
    if not jvm:
        return None
    pg = subprocess.run(["pgrep", "-x", "postgres"], capture_output=True, text=True).stdout.split()
    return ticks(jvm[0]), sum(ticks(p) for p in pg), ticks(os.getpid())


async def read_response(reader):
    """Status of one HTTP/1.1 answer, its body read to the end (Content-Length or chunked)."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ")[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (h.partition(":") for h in lines[1:] if h)}
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    return status


def request(method, host, path, cookie, body=None, xsrf=None):
    h = [f"{method} {path} HTTP/1.1", f"Host: {host}", f"Cookie: {cookie}", "Accept: application/json"]
    data = b""
    if body is not None:
        data = json.dumps(body, ensure_ascii=False).encode()
        h += ["Content-Type: application/json", f"X-XSRF-TOKEN: {xsrf}", f"Content-Length: {len(data)}"]
    return ("\r\n".join(h) + "\r\n\r\n").encode() + data


async def main():
    url = urlparse(sys.argv[1])
    members = [l.split() for l in open(sys.argv[2]) if len(l.split()) == 4]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    warm = int(sys.argv[5]) if len(sys.argv) > 5 else 3
    members = members[:n]
    host = url.netloc
    conns = [await asyncio.open_connection(url.hostname, url.port) for _ in members]
    submits = []
    for eid, group, session, xsrf in members:
        body = {"scores": INDIVIDUAL if group == "INDIVIDUAL" else NON_SYSTEM, "tasksDone": "100", "tasksOnTime": "100",
                "tasksExceeded": "10", "level": "HTTNV", "texts": TEXTS}
        submits.append(request("PUT", host, f"/api/v1/evaluations/{eid}/self-assessment",
                               f"JSESSIONID={session}; XSRF-TOKEN={xsrf}", body, xsrf))
    forms = [request("GET", host, f"/api/v1/evaluations/{m[0]}", f"JSESSIONID={m[2]}") for m in members]
    for r in range(warm + rounds):
        for (reader, writer), form in zip(conns, forms):  # everyone opens the form, not timed
            writer.write(form)
        for reader, writer in conns:
            await read_response(reader)
        c0 = cpu()
        starts = []
        t0 = time.perf_counter()
        for (reader, writer), body in zip(conns, submits):
            starts.append(time.perf_counter())
            writer.write(body)
        async def answer(i):
            status = await read_response(conns[i][0])
            return status, time.perf_counter() - starts[i]
        results = await asyncio.gather(*(answer(i) for i in range(len(conns))))
        window = time.perf_counter() - t0
        c1 = cpu()
        if r < warm:
            continue
        ms = sorted(t * 1000 for _, t in results)
        errors = sum(1 for s, _ in results if s != 200)
        pct = lambda p: ms[min(len(ms) - 1, max(0, -(-p * len(ms) // 100) - 1))]
        print(f"RESULT shape=burst-light members={len(ms)} p50_ms={pct(50):.1f} p95_ms={pct(95):.1f} p99_ms={pct(99):.1f} "
              f"max_ms={ms[-1]:.1f} rps={len(ms) / window:.0f} requests={len(ms)} errors={errors}"
              + ("" if c0 is None or c1 is None else " jvm_ms_per_submission=%.2f pg_ms_per_submission=%.2f client_ms_per_submission=%.2f"
                 % tuple((b - a) * 10 / len(ms) for a, b in zip(c0, c1))), flush=True)
    for _, writer in conns:
        writer.close()


asyncio.run(main())
