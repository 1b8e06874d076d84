"""The profile behind docs/benchmarks.md: one pod's start and stop as a timeline
of the controller's Engine API requests and the engine's events, in milliseconds
from the controller's start event.

    python3 benchmarks/timeline.py 2              # N=2, default flags
    python3 benchmarks/timeline.py 5 --no-ipc     # N=5, flags for the controller

`>` is a request the controller sent, `<` the first line of the engine's answer,
`E` an engine event with its container's name. The controller reaches the engine
through a recording socket, so every request and answer is seen in order.
"""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import pods  # noqa: E402
from engine import Events, action, times  # noqa: E402

engine = pods.engine
METHODS = (b"GET ", b"POST", b"DELE", b"PUT ", b"HEAD")


class RecordingProxy(pods.FirstCallProxy):
    """The benchmark's forwarding socket, noting each request line and each answer's status line."""

    def __init__(self):
        self.lines = []
        super().__init__()

    def seen(self, chunk, outgoing):
        first = chunk.split(b"\r\n", 1)[0]
        if first.startswith(METHODS if outgoing else (b"HTTP/1",)):
            self.lines.append((time.time_ns(), ">" if outgoing else "<", first.decode(errors="replace")[:120]))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    flags = sys.argv[2:]
    proxy = RecordingProxy()
    events = Events(engine.socket_path)
    controller = None
    try:
        labels = {f"pod.container.c{i}": pods.component_yaml(pods.SERVICE) for i in range(n)}
        controller = engine.create(pods.name("timeline"), pods.controller_request(labels, flags, proxy.path))
        engine.start(controller)
        events.wait(lambda e: (lambda s: s if len(s) == n else None)(
            times(e, "start", label=("io.podlike.controller", controller), extra=lambda a: "io.podlike.role" not in a)),
            what=f"{n} component starts")
        time.sleep(0.3)  # a gap between the start and the stop in the printout, nothing measured
        engine.call("POST", f"/containers/{controller}/kill", query={"signal": "SIGTERM"})
        events.wait(lambda e: times(e, "die", ids={controller}) or None, what="controller exit")
        origin = times(events.events, "start", ids={controller})[controller]
        rows = [(e["timeNano"], "E", f"{action(e)} {e.get('Actor', {}).get('Attributes', {}).get('name', '?')}")
                for e in events.events]
        for stamp, marker, text in sorted(rows + proxy.lines):
            if stamp >= origin:
                print(f"{(stamp - origin) / 1e6:8.1f} {marker} {text}")
        assert not pods.leftovers(controller), "the pod left containers behind"
    finally:
        events.close()
        proxy.close()
        if controller:
            engine.remove(controller)


if __name__ == "__main__":
    main()
