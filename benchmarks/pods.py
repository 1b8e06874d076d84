"""Pod start, stop, first engine call, log forwarding and idle cost, measured on
the local engine against the engine's own floor in the same run.

Run through benchmarks/run.sh, which builds what is missing and writes
docs/benchmarks.md. Every time comes from the engine's event stream.
"""
import json
import os
import socket
import statistics
import sys
import tempfile
import threading
import time
import uuid

sys.path.insert(0, os.path.dirname(__file__))
from engine import Engine, Events, action, socket_path, times  # noqa: E402

CONTROLLER = os.environ.get("IMAGE", "podlike:dev")
BUSYBOX = os.environ.get("BUSYBOX", "podlike-test/busybox:latest")
RUNS = int(os.environ.get("RUNS", "5"))
IDLE_SECONDS = int(os.environ.get("IDLE_SECONDS", "60"))
LOG_LINES = int(os.environ.get("LOG_LINES", "200000"))
# A process that ends at once on SIGTERM, as a real service does.
SERVICE = ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
TICKS = os.sysconf("SC_CLK_TCK")

engine = Engine(socket_path())
created = []


def name(kind):
    return f"bench-{kind}-{uuid.uuid4().hex[:8]}"


def component_yaml(command):
    return f"image: {BUSYBOX}\ncommand: {json.dumps(command)}\n"


def controller_request(labels, flags, socket_file=None):
    return {
        "Image": CONTROLLER,
        "Cmd": flags,
        "Labels": labels,
        "HostConfig": {"Binds": [f"{socket_file or engine.socket_path}:/var/run/docker.sock"]},
    }


def cleanup():
    for container in created:
        for component in engine.containers(f"io.podlike.controller={container}"):
            engine.remove(component)
        engine.remove(container)
    created.clear()


def leftovers(controller):
    return engine.containers(f"io.podlike.controller={controller}")


def pod_run(n, flags):
    """(start share, stop) in seconds for a pod of n components."""
    labels = {f"pod.container.c{i}": component_yaml(SERVICE) for i in range(n)}
    events = Events(engine.socket_path)
    try:
        controller = engine.create(name("pod"), controller_request(labels, flags))
        created.append(controller)
        engine.start(controller)

        def components_started(evts):
            started = times(evts, "start", label=("io.podlike.controller", controller),
                            extra=lambda a: "io.podlike.role" not in a)
            return started if len(started) == n else None

        started = events.wait(components_started, what=f"{n} component starts")
        controller_start = times(events.events, "start", ids={controller})[controller]
        share = (max(started.values()) - controller_start) / 1e9

        engine.call("POST", f"/containers/{controller}/kill", query={"signal": "SIGTERM"})

        def all_destroyed(evts):
            gone = times(evts, "destroy", ids=set(started))
            return gone if len(gone) == n else None

        destroyed = events.wait(all_destroyed, what="component removals")
        killed = times(events.events, "kill", ids={controller}, extra=lambda a: a.get("signal") == "15")[controller]
        stop = (max(destroyed.values()) - killed) / 1e9
        events.wait(lambda evts: True if times(evts, "die", ids={controller}) else None, what="controller exit")
        assert not leftovers(controller), "the pod left containers behind"
        engine.remove(controller)
        created.remove(controller)
        return share, stop
    finally:
        events.close()


def floor_run(n, pod_namespaces=False):
    """The same n containers created and started concurrently, joined to one
    network namespace, then stopped and removed concurrently. With pod_namespaces
    they also join the owner's PID and IPC namespaces, as a default-flags pod's
    components join the controller's and the holder's."""
    events = Events(engine.socket_path)
    tag = uuid.uuid4().hex[:8]
    try:
        owner_host = {"IpcMode": "shareable"} if pod_namespaces else {}
        owner = engine.create(name("floor"), {"Image": BUSYBOX, "Cmd": SERVICE, "Labels": {"bench.floor": tag},
                                              "HostConfig": owner_host})
        created.append(owner)
        engine.start(owner)
        owner_start = events.wait(lambda e: times(e, "start", ids={owner}) or None, what="owner start")[owner]
        ids = []
        lock = threading.Lock()

        def one(i):
            host = {"NetworkMode": f"container:{owner}"}
            if pod_namespaces:
                host.update({"PidMode": f"container:{owner}", "IpcMode": f"container:{owner}"})
            request = {"Image": BUSYBOX, "Cmd": SERVICE, "Labels": {"bench.floor": tag}, "HostConfig": host}
            container = engine.create(f"bench-floor-{tag}-{i}", request)
            with lock:
                ids.append(container)
            engine.start(container)

        run_threads([lambda i=i: one(i) for i in range(n)])
        created.extend(ids)
        started = events.wait(lambda e: (lambda s: s if len(s) == n else None)(times(e, "start", ids=set(ids))),
                              what="floor starts")
        share = (max(started.values()) - owner_start) / 1e9

        # From the moment the stops are sent, as the controller's own kill event is
        # the moment its stop is asked for.
        asked = time.time_ns()
        run_threads([lambda c=c: (engine.stop(c), engine.remove(c)) for c in ids])
        destroyed = events.wait(lambda e: (lambda d: d if len(d) == n else None)(times(e, "destroy", ids=set(ids))),
                                what="floor removals")
        stop = (max(destroyed.values()) - asked) / 1e9
        engine.remove(owner)
        for container in ids + [owner]:
            created.remove(container)
        return share, stop
    finally:
        events.close()


def run_threads(functions):
    errors = []

    def guarded(function):
        try:
            function()
        except Exception as error:  # reported below, after every thread ends
            errors.append(error)

    threads = [threading.Thread(target=guarded, args=(f,)) for f in functions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]


class FirstCallProxy:
    """A unix socket in front of the engine's that notes when the first request
    byte arrives, then forwards both ways."""

    def __init__(self):
        self.folder = tempfile.mkdtemp(prefix="podlike-bench-")
        self.path = os.path.join(self.folder, "docker.sock")
        self.server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.server.bind(self.path)
        os.chmod(self.path, 0o666)
        self.server.listen(64)
        self.first = None
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client):
        upstream = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        upstream.connect(engine.socket_path)

        def pump(source, target, outgoing):
            try:
                while True:
                    chunk = source.recv(65536)
                    if not chunk:
                        break
                    self.seen(chunk, outgoing)
                    target.sendall(chunk)
            except OSError:
                pass
            finally:
                for s in (source, target):
                    try:
                        s.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass

        threading.Thread(target=pump, args=(upstream, client, False), daemon=True).start()
        pump(client, upstream, True)

    def seen(self, chunk, outgoing):
        """Called with each chunk forwarded; outgoing is the controller's side."""
        if outgoing and self.first is None:
            self.first = time.time_ns()

    def close(self):
        self.server.close()
        os.unlink(self.path)
        os.rmdir(self.folder)


def first_call_run():
    """Controller process start (its start event) → its first engine request."""
    proxy = FirstCallProxy()
    events = Events(engine.socket_path)
    try:
        labels = {"pod.container.c0": component_yaml(SERVICE)}
        controller = engine.create(name("first"), controller_request(labels, ["--no-ipc"], proxy.path))
        created.append(controller)
        engine.start(controller)
        start = events.wait(lambda e: times(e, "start", ids={controller}) or None, what="controller start")[controller]
        events.wait(lambda e: times(e, "start", label=("io.podlike.controller", controller)) or None,
                    what="component start")
        engine.call("POST", f"/containers/{controller}/kill", query={"signal": "SIGTERM"})
        events.wait(lambda e: times(e, "die", ids={controller}) or None, what="controller exit")
        assert not leftovers(controller)
        engine.remove(controller)
        created.remove(controller)
        return (proxy.first - start) / 1e9
    finally:
        events.close()
        proxy.close()


def process_stats(pid):
    """(cpu seconds, VmRSS kB, RssAnon kB, context switches) of a process and its threads."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / TICKS
    status = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            status[key] = value.strip()
    switches = {}
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/status") as f:
                for line in f:
                    if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                        switches[task] = switches.get(task, 0) + int(line.split(":")[1])
        except FileNotFoundError:  # the thread ended meanwhile
            continue
    kb = lambda key: int(status.get(key, "0 kB").split()[0])
    return cpu, kb("VmRSS"), kb("RssAnon"), switches, kb("RssFile")


def resident_binary_kb(pid):
    """The controller's own binary's pages that are mapped in, from smaps: file
    pages the kernel shares with every process of the same image on the node."""
    total, in_binary = 0, False
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            fields = line.split()
            if "-" in fields[0] and len(fields) >= 5 and ":" in fields[3]:
                in_binary = len(fields) >= 6 and fields[5].endswith("/podlike")
            elif in_binary and fields[0] == "Rss:":
                total += int(fields[1])
    return total


def idle_run(n=20):
    """Memory and CPU of a running pod's controller over IDLE_SECONDS."""
    labels = {f"pod.container.c{i}": component_yaml(SERVICE) for i in range(n)}
    events = Events(engine.socket_path)
    try:
        controller = engine.create(name("idle"), controller_request(labels, []))
        created.append(controller)
        engine.start(controller)
        events.wait(lambda e: (lambda s: s if len(s) == n else None)(
            times(e, "start", label=("io.podlike.controller", controller), extra=lambda a: "io.podlike.role" not in a)),
            what="idle pod start")
        pid = engine.inspect(controller)["State"]["Pid"]
        time.sleep(2)  # settle after the start burst; the measured window is below
        cpu0, _, _, switches0, _ = process_stats(pid)
        time.sleep(IDLE_SECONDS)  # the idle window itself: nothing happens in it by design
        cpu1, rss, anon, switches1, file_kb = process_stats(pid)
        binary_kb = resident_binary_kb(pid)
        engine.call("POST", f"/containers/{controller}/kill", query={"signal": "SIGTERM"})
        events.wait(lambda e: times(e, "die", ids={controller}) or None, what="controller exit")
        assert not leftovers(controller)
        engine.remove(controller)
        created.remove(controller)
        # Threads that ended in the window took their counts along; count the rest.
        switches = sum(count - switches0.get(task, 0) for task, count in switches1.items())
        return {"rss_kb": rss, "anon_kb": anon, "file_kb": file_kb, "binary_kb": binary_kb, "cpu_s": cpu1 - cpu0,
                "switches": switches, "seconds": IDLE_SECONDS, "threads": len(switches1)}
    finally:
        events.close()


def log_run(lines=LOG_LINES):
    """Controller CPU per forwarded line, and whether every line arrived whole and in order."""
    writer = ("sleep 1; awk -v n=%d 'BEGIN { for (i = 1; i <= n; i++) printf \"%%09d %s\\n\", i, \"x\" }'; "
              "echo bench-end; trap 'exit 0' TERM; sleep 3600 & wait") % (lines, "x" * 80)
    labels = {"pod.container.bench": component_yaml(["sh", "-c", writer])}
    events = Events(engine.socket_path)
    try:
        controller = engine.create(name("logs"), controller_request(labels, ["--logs", "--no-ipc"]))
        created.append(controller)
        engine.start(controller)
        events.wait(lambda e: times(e, "start", label=("io.podlike.controller", controller)) or None, what="writer start")
        pid = engine.inspect(controller)["State"]["Pid"]
        cpu0 = process_stats(pid)[0]
        deadline = time.monotonic() + 300
        while b"bench-end" not in engine.call("GET", f"/containers/{controller}/logs", query={"stdout": "1", "tail": "1"}):
            if time.monotonic() > deadline:
                raise TimeoutError("the forwarded output did not end")
            time.sleep(0.2)  # polls the log tail only to know when to read the CPU counter
        cpu = process_stats(pid)[0] - cpu0
        raw = engine.call("GET", f"/containers/{controller}/logs", query={"stdout": "1"})
        forwarded = [line for line in demultiplex(raw).splitlines() if line.startswith("bench | ")]
        expected = ["bench | %09d %s" % (i, "x" * 80) for i in range(1, lines + 1)] + ["bench | bench-end"]
        intact = forwarded == expected
        engine.call("POST", f"/containers/{controller}/kill", query={"signal": "SIGTERM"})
        events.wait(lambda e: times(e, "die", ids={controller}) or None, what="controller exit")
        engine.remove(controller)
        created.remove(controller)
        return {"cpu_us_per_line": cpu / lines * 1e6, "intact": intact, "lines": len(forwarded) - 1}
    finally:
        events.close()


def demultiplex(raw):
    out, i = [], 0
    while i + 8 <= len(raw):
        size = int.from_bytes(raw[i + 4:i + 8], "big")
        if raw[i] == 1:
            out.append(raw[i + 8:i + 8 + size])
        i += 8 + size
    return b"".join(out).decode("utf-8", "replace")


def summary(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "runs": len(values)}


def main():
    results = {"runs": RUNS, "controller": CONTROLLER}
    try:
        pod_run(2, ["--no-ipc"])  # warm-up: images and the engine's caches
        floor_run(2)
        for n in (1, 2, 5, 20):
            samples = {"default": [], "no_ipc": [], "logs": [], "floor": [], "floor_ns": []}
            for _ in range(RUNS):
                # Interleaved, so that drift in the machine touches every variant alike.
                samples["floor"].append(floor_run(n))
                samples["floor_ns"].append(floor_run(n, pod_namespaces=True))
                samples["default"].append(pod_run(n, []))
                samples["no_ipc"].append(pod_run(n, ["--no-ipc"]))
                if n == 5:
                    samples["logs"].append(pod_run(n, ["--logs"]))
            for variant, pairs in samples.items():
                if pairs:
                    results[f"start_{variant}_{n}"] = summary([p[0] for p in pairs])
                    results[f"stop_{variant}_{n}"] = summary([p[1] for p in pairs])
            print(f"N={n}: start default {results[f'start_default_{n}']['median']:.3f}s, "
                  f"--no-ipc {results[f'start_no_ipc_{n}']['median']:.3f}s, floor {results[f'start_floor_{n}']['median']:.3f}s",
                  file=sys.stderr)
        results["first_call"] = summary([first_call_run() for _ in range(RUNS)])
        logs = [log_run() for _ in range(RUNS)]
        results["logs_cpu_us_per_line"] = summary([r["cpu_us_per_line"] for r in logs])
        results["logs_intact"] = all(r["intact"] for r in logs)
        results["logs_lines"] = logs[0]["lines"]
        results["idle"] = idle_run()
    finally:
        cleanup()
    json.dump(results, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
