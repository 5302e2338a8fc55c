#!/usr/bin/env python3
"""Crash-test client: casts votes from many threads and records, durably and before anything
else, every vote the server acknowledged (201) or reported as already counted (409).

Usage: voter.py BASE_URL TOKENS_FILE SEED_ENV OUT_FILE PASS [SECONDS]
Each pass uses its own slice of members, so passes never collide. A request that fails because
the server died is recorded as UNKNOWN: it may or may not have been written.
"""
import http.client
import os
import sys
import threading
import time
import urllib.parse

base, tokens_file, seed_env, out_file, pass_no = sys.argv[1:6]
seconds = float(sys.argv[6]) if len(sys.argv) > 6 else 60.0
seed = dict(line.strip().split("=", 1) for line in open(seed_env) if "=" in line)
first_member = int(seed["FIRST_MEMBER_ID"])
first_idea = int(seed["FIRST_IDEA"])
ideas = int(seed["IDEAS"])
tokens = [t.strip() for t in open(tokens_file)]
THREADS = 16
PER_PASS = len(tokens) // 4
start_index = int(pass_no) * PER_PASS

url = urllib.parse.urlparse(base)
out = open(out_file, "a", buffering=1)
lock = threading.Lock()
stop = threading.Event()
deadline = time.time() + seconds


def record(kind, member_id, idea_id):
    with lock:
        out.write(f"{kind} {member_id} {idea_id}\n")
        out.flush()
        os.fsync(out.fileno())


def worker(n):
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    for index in range(start_index + n, start_index + PER_PASS, THREADS):
        token = tokens[index]
        member_id = first_member + index
        for slot in range(10):
            if stop.is_set() or time.time() > deadline:
                return
            idea_id = first_idea + (index * 7919 + slot * 104729) % ideas
            try:
                conn.request("POST", f"/api/v1/ideas/{idea_id}/votes",
                             headers={"Authorization": "Bearer " + token})
                response = conn.getresponse()
                response.read()
                if response.status == 201:
                    record("ACK", member_id, idea_id)
                elif response.status == 409:
                    record("DUP", member_id, idea_id)
                elif response.status == 503:
                    record("UNKNOWN", member_id, idea_id)
                else:
                    record(f"HTTP{response.status}", member_id, idea_id)
            except Exception:
                record("UNKNOWN", member_id, idea_id)
                stop.set()
                return


threads = [threading.Thread(target=worker, args=(n,)) for n in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
