#!/usr/bin/env python3
"""A fault-injecting proxy for the Docker Engine API, on a unix socket in front
of the real engine's, for the end-to-end tests of what podlike does when the
engine misbehaves.

usage: fault-proxy.py LISTEN UPSTREAM [FAULT...]

  delay=SECONDS      every request waits this long before it is forwarded
  fail=METHOD:REGEX  the first matching request is answered 500 by the proxy
                     and never reaches the engine
  drop=METHOD:REGEX  the first matching request reaches the engine, then its
                     connection is closed before the answer comes back

Each request is forwarded on its own upstream connection with
"Connection: close", so streams (events, logs, wait) pass through unchanged.
Every request is logged to stderr as "METHOD PATH -> what happened".
"""
import re
import socket
import socketserver
import sys
import threading
import time

listen, upstream = sys.argv[1], sys.argv[2]
delay = 0.0
rules = []  # [kind, method, regex, used]
for fault in sys.argv[3:]:
    kind, _, spec = fault.partition("=")
    if kind == "delay":
        delay = float(spec)
    else:
        method, _, pattern = spec.partition(":")
        rules.append([kind, method, re.compile(pattern), False])
lock = threading.Lock()


def log(text):
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def read_request(stream):
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = stream.recv(65536)
        if not chunk:
            return None, None
        head += chunk
    head, _, body = head.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = stream.recv(65536)
        if not chunk:
            break
        body += chunk
    return lines, body


def fault_for(method, path):
    with lock:
        for rule in rules:
            if not rule[3] and rule[1] == method and rule[2].search(path):
                rule[3] = True
                return rule[0]
    return None


class Handler(socketserver.BaseRequestHandler):
    def handle(self):
        client = self.request
        while True:
            lines, body = read_request(client)
            if lines is None:
                return
            method, path = lines[0].split(" ")[:2]
            fault = fault_for(method, path)
            if delay:
                time.sleep(delay)
            if fault == "fail":
                log(f"{method} {path} -> 500 from the proxy")
                message = b'{"message":"injected fault: the proxy answered 500"}'
                client.sendall(b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\n"
                               + b"Content-Length: " + str(len(message)).encode() + b"\r\nConnection: close\r\n\r\n" + message)
                return
            headers = [line for line in lines[1:] if line.split(":")[0].strip().lower() != "connection"]
            request = "\r\n".join([lines[0]] + headers + ["Connection: close", "", ""]).encode("latin-1") + body
            engine = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            engine.connect(upstream)
            engine.sendall(request)
            if fault == "drop":
                # Let the engine act on it, then drop the answer with the connection.
                engine.recv(1)
                engine.close()
                log(f"{method} {path} -> forwarded, answer dropped")
                return
            log(f"{method} {path} -> forwarded")
            try:
                while True:
                    chunk = engine.recv(65536)
                    if not chunk:
                        break
                    client.sendall(chunk)
            except OSError:
                pass
            finally:
                engine.close()
            return


class Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True


if __name__ == "__main__":
    server = Server(listen, Handler)
    import os
    os.chmod(listen, 0o666)
    log(f"listening on {listen}")
    server.serve_forever()
