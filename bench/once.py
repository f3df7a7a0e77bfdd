"""Request each of a list of paths exactly once, with a few concurrent clients (wrk cannot).

`fetch_each(base_url, paths)` sends one GET per path from a pool of CLIENTS threads, each
with a connection of its own (http.client opens it again whenever the server has closed it, as
gunicorn's sync workers do after every response), with `Host: localhost` and
`Accept-Encoding: gzip` like the wrk runs; bodies are read, not decompressed. A request that
fails is not repeated: it counts as an answer other than 200. Returns the throughput (all
requests over the wall time of the pass), p50 and p99 latency in ms, and the answers other
than 200 by path.
"""

import http.client
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

CLIENTS = 8
HEADERS = {"Host": "localhost", "Accept-Encoding": "gzip"}


def fetch_each(base_url, paths, clients=CLIENTS, timeout=300):
    address = urlsplit(base_url)
    local = threading.local()
    connections = []

    def get(path):
        if not hasattr(local, "connection"):
            local.connection = http.client.HTTPConnection(address.hostname, address.port,
                                                          timeout=timeout)
            connections.append(local.connection)
        started = time.perf_counter()
        try:
            local.connection.request("GET", path, headers=HEADERS)
            response = local.connection.getresponse()
            size, status = len(response.read()), response.status
        except (http.client.HTTPException, OSError) as error:
            local.connection.close()
            size, status = 0, type(error).__name__
        return time.perf_counter() - started, status, size

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        answers = list(pool.map(get, paths))
    wall = time.perf_counter() - started
    for connection in connections:
        connection.close()
    took = sorted(seconds for seconds, _status, _size in answers)
    return {"requests": len(answers), "clients": clients, "duration_s": wall,
            "rps": len(answers) / wall, "p50_ms": took[len(took) // 2] * 1000,
            "p99_ms": took[min(len(took) - 1, int(len(took) * 0.99))] * 1000,
            "bytes_per_request": sum(size for _took, _status, size in answers) / len(answers),
            "not_200": {path: status for path, (_took, status, _size)
                        in zip(paths, answers, strict=True) if status != 200}}
