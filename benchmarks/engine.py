"""A small Docker Engine API client over the unix socket, and an event recorder.

Only the standard library: the benchmarks run on a fresh machine with python3.
Times come from the engine's own event stream (timeNano), never from sleeping.
"""
import http.client
import json
import os
import socket
import threading
import time
import urllib.parse

API = "/v1.41"


class UnixConnection(http.client.HTTPConnection):
    def __init__(self, path, timeout=120):
        super().__init__("localhost", timeout=timeout)
        self.socket_path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self.socket_path)


class Engine:
    def __init__(self, socket_path):
        self.socket_path = socket_path

    def call(self, method, path, body=None, query=None, expect=(200, 201, 204, 304)):
        if query:
            path += "?" + urllib.parse.urlencode(query)
        connection = UnixConnection(self.socket_path)
        try:
            payload = json.dumps(body).encode() if body is not None else None
            headers = {"Content-Type": "application/json"} if payload is not None else {}
            connection.request(method, API + path, body=payload, headers=headers)
            response = connection.getresponse()
            data = response.read()
        finally:
            connection.close()
        if response.status not in expect:
            raise RuntimeError(f"{method} {path}: {response.status} {data[:300]!r}")
        return json.loads(data) if data and data[:1] in (b"{", b"[") else data

    def create(self, name, request):
        return self.call("POST", "/containers/create", request, {"name": name})["Id"]

    def start(self, container):
        self.call("POST", f"/containers/{container}/start")

    def stop(self, container, grace=10):
        self.call("POST", f"/containers/{container}/stop", query={"t": grace})

    def remove(self, container):
        self.call("DELETE", f"/containers/{container}", query={"force": "1", "v": "1"}, expect=(204, 404))

    def inspect(self, container):
        return self.call("GET", f"/containers/{container}/json")

    def containers(self, label):
        found = self.call("GET", "/containers/json", query={"all": "1", "filters": json.dumps({"label": [label]})})
        return [c["Id"] for c in found]


class Events:
    """Records container events from the engine's stream, from now on."""

    def __init__(self, socket_path):
        self.events = []
        self.condition = threading.Condition()
        self.connection = UnixConnection(socket_path, timeout=None)
        filters = json.dumps({"type": ["container"]})
        self.connection.request("GET", f"{API}/events?" + urllib.parse.urlencode({"filters": filters}))
        self.response = self.connection.getresponse()
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self):
        try:
            while True:
                line = self.response.readline()
                if not line:
                    return
                event = json.loads(line)
                with self.condition:
                    self.events.append(event)
                    self.condition.notify_all()
        except (OSError, ValueError, AttributeError, http.client.HTTPException):
            return

    def close(self):
        try:
            self.connection.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.connection.close()

    def wait(self, predicate, timeout=120, what="events"):
        """Waits until predicate(events) returns a value other than None, and returns it."""
        deadline = time.monotonic() + timeout
        with self.condition:
            while True:
                result = predicate(self.events)
                if result is not None:
                    return result
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"no {what} within {timeout}s")
                self.condition.wait(left)


def action(event):
    return event.get("Action") or event.get("status")


def times(events, act, ids=None, label=None, extra=None):
    """timeNano of each event with the action, by container ID."""
    found = {}
    for event in events:
        if action(event) != act:
            continue
        actor = event.get("Actor", {})
        attributes = actor.get("Attributes", {})
        if ids is not None and actor.get("ID") not in ids:
            continue
        if label is not None and attributes.get(label[0]) != label[1]:
            continue
        if extra is not None and not extra(attributes):
            continue
        found.setdefault(actor.get("ID"), event["timeNano"])
    return found


def socket_path():
    host = os.environ.get("DOCKER_HOST", "unix:///var/run/docker.sock")
    if not host.startswith("unix://"):
        raise SystemExit("the benchmarks need a local engine: DOCKER_HOST must be unix://")
    return host[len("unix://"):]
