"""Writes docs/benchmarks.md from the JSON that pods.py and binary_size.py print.

    python3 benchmarks/report.py pods.json size.json image_bytes engine_version [timeline.txt] > docs/benchmarks.md
"""
import datetime
import json
import os
import platform
import sys


def ms(value):
    return f"{value * 1000:.0f} ms"


def row(label, figure, fmt=ms):
    return f"| {label} | {fmt(figure['median'])} | {fmt(figure['min'])} | {fmt(figure['max'])} |"


def ratio(a, b):
    return f"{a['median'] / b['median']:.2f}×"


def machine():
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
        with open("/proc/meminfo") as f:
            memory = int(f.readline().split()[1]) // 1024 // 1024
    except OSError:
        memory = 0
    return f"{os.cpu_count()} × {model}, {memory} GiB, {platform.system()} {platform.release()}"


def main(pods_path, size_path, image_bytes, engine_version, timeline_path=None):
    with open(pods_path) as f:
        pods = json.load(f)
    with open(size_path) as f:
        size = json.load(f)
    out = [
        "# Benchmarks",
        "",
        "Written by `benchmarks/run.sh` on the local engine; every figure is the median, minimum and",
        f"maximum of {pods['runs']} runs, with the engine's floor measured in the same run. Times come from",
        "the engine's event stream (`timeNano`). Figures are reported here, never asserted in tests.",
        "",
        f"- date: {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- machine: {machine()}",
        f"- engine: Docker {engine_version}",
        f"- controller: `{pods['controller']}`",
        "",
        "## Pod start",
        "",
        "Own start share: the controller's start event to the last component's start event. The floor:",
        "the same N containers created and started concurrently straight through the Engine API,",
        "joined to one network namespace, from the namespace owner's start event.",
        "",
        "| figure | median | min | max |",
        "|---|---|---|---|",
    ]
    for n in (1, 2, 5, 20):
        out.append(row(f"N={n}, default flags (IPC holder)", pods[f"start_default_{n}"]))
        out.append(row(f"N={n}, `--no-ipc`", pods[f"start_no_ipc_{n}"]))
        if f"start_logs_{n}" in pods:
            out.append(row(f"N={n}, `--logs`", pods[f"start_logs_{n}"]))
        out.append(row(f"N={n}, floor", pods[f"start_floor_{n}"]))
        if f"start_floor_ns_{n}" in pods:
            out.append(row(f"N={n}, floor in the pod's namespaces (network, PID, IPC)", pods[f"start_floor_ns_{n}"]))
    out += ["", "| ratio (medians) | default / floor | `--no-ipc` / floor | holder cost (default − `--no-ipc`) |", "|---|---|---|---|"]
    for n in (1, 2, 5, 20):
        d, x, f = pods[f"start_default_{n}"], pods[f"start_no_ipc_{n}"], pods[f"start_floor_{n}"]
        out.append(f"| N={n} | {ratio(d, f)} | {ratio(x, f)} | {ms(d['median'] - x['median'])} |")
    logs_start = pods["start_logs_5"]["median"] - pods["start_default_5"]["median"]
    out += [
        "",
        f"`--logs` at N=5 costs {ms(logs_start)} over default flags at start (medians).",
        "",
        "## Stop",
        "",
        "SIGTERM to the controller (its kill event) → every component removed (the last destroy event),",
        "against a parallel direct stop and remove of the floor's containers (stop requests sent → last",
        "destroy): joined to one network namespace, and, closer to the pod's own, also to one PID and IPC",
        "namespace. Components end at once on SIGTERM.",
        "",
        "| figure | median | min | max |",
        "|---|---|---|---|",
    ]
    for n in (1, 5, 20):
        out.append(row(f"N={n}, podlike (default flags)", pods[f"stop_default_{n}"]))
        out.append(row(f"N={n}, podlike `--no-ipc`", pods[f"stop_no_ipc_{n}"]))
        out.append(row(f"N={n}, direct parallel stop", pods[f"stop_floor_{n}"]))
        if f"stop_floor_ns_{n}" in pods:
            out.append(row(f"N={n}, direct parallel stop, pod's namespaces", pods[f"stop_floor_ns_{n}"]))
    out += ["", "| ratio (medians) | default / direct | default / direct in the pod's namespaces |", "|---|---|---|"]
    for n in (1, 5, 20):
        d, f = pods[f"stop_default_{n}"], pods[f"stop_floor_{n}"]
        ns = pods.get(f"stop_floor_ns_{n}")
        out.append(f"| N={n} | {ratio(d, f)} | {ratio(d, ns) if ns else '—'} |")
    out += [
        "",
        "## Controller start",
        "",
        "The controller's start event → the first byte of its first Engine API request (seen by a",
        "forwarding socket in front of the engine's).",
        "",
        "| figure | median | min | max |",
        "|---|---|---|---|",
        row("process start → first engine call", pods["first_call"]),
        "",
        "## Log forwarding",
        "",
        f"One component writes {pods['logs_lines']:,} lines of 90 bytes; the controller forwards them with `--logs`.",
        f"Every line arrived once, whole and in order: {'yes' if pods['logs_intact'] else '**no**'}.",
        "",
        "| figure | median | min | max |",
        "|---|---|---|---|",
        row("controller CPU per forwarded line (µs), = CPU seconds per million lines", pods["logs_cpu_us_per_line"],
            fmt=lambda v: f"{v:.2f}"),
        "",
        "Throughput against `docker logs -f`: `benchmarks/log-forwarding.sh`.",
        "",
        "## Idle",
        "",
        f"A pod of 20 components, default flags, idle for {pods['idle'].get('seconds', 60)} s after start.",
        "",
        "| figure | value |",
        "|---|---|",
        f"| VmRSS | {pods['idle']['rss_kb'] / 1024:.1f} MB |",
        f"| RssAnon | {pods['idle']['anon_kb'] / 1024:.1f} MB |",
        f"| RssFile | {pods['idle'].get('file_kb', 0) / 1024:.1f} MB |",
        f"| of which the podlike binary's own pages, shared by every controller and holder on the node | {pods['idle'].get('binary_kb', 0) / 1024:.1f} MB |",
        f"| CPU time over the idle window | {pods['idle']['cpu_s']:.2f} s |",
        f"| context switches over the idle window, all {pods['idle'].get('threads', '?')} threads | {pods['idle']['switches']} |",
        '',
        'VmRSS counts every page of the binary this process has mapped. The kernel maps the 64 KB',
        'around each page fault in a file (fault-around), and the code that runs is spread through the',
        'statically linked standard library, FoundationEssentials and the packages: `perf record -e',
        'page-faults -d` of `podlike pause`, which runs nothing but start-up, counts 54 faults in the',
        'code, each an instruction fetch in its own window (3.4 MB mapped). The controller maps about',
        '180 windows (11.6 MB of its 18 MB of code) for about 0.9 MB of code that runs (3,590 functions,',
        "`valgrind --tool=callgrind`). These pages are the page cache's, shared by every controller and",
        'holder on the node; RssAnon is what each pod adds.',
        "",
        "## Image and binary",
        "",
        f"The image `{pods['controller']}` is {int(image_bytes) / 1e6:.1f} MB; the stripped binary in it is",
        f"{size['stripped'] / 1e6:.1f} MB, and the rest is the glibc libraries, libstdc++ and libyaml it links.",
        "",
        "The binary's symbols by library (`nm -S`, unstripped; metadata, unwind tables and",
        "relocations are not in symbols):",
        "",
        "| library | bytes |",
        "|---|---|",
    ]
    for library, size_bytes in size["symbols"]:
        out.append(f"| {library} | {size_bytes / 1e6:.2f} MB |")
    out += ["", "Sections of the stripped binary:", "", "| section | bytes |", "|---|---|"]
    for section, size_bytes in size["sections"]:
        out.append(f"| `{section}` | {size_bytes / 1e6:.2f} MB |")
    if timeline_path:
        with open(timeline_path) as f:
            timeline = f.read().rstrip("\n")
        out += [
            "",
            "## Where the time goes",
            "",
            "One pod of 2 components with default flags, from `python3 benchmarks/timeline.py 2`: each",
            "request the controller sent (`>`), the first line of the engine's answer (`<`), and the engine's",
            "events (`E`), in milliseconds from the controller's start event.",
            "",
            "- Before the first create: the process starting, then the engine's info (its slowest answer,",
            "  asked while the controller's own container is inspected), the reaper's two lists, the event",
            "  subscription and the image inspect. The floor has none of this.",
            "- The IPC holder is created first, and starts while the components are created. The engine",
            "  starts a container that joins another's IPC namespace only while that one runs, so the",
            "  components' starts are sent the moment the holder's start is answered: one container start",
            "  of the engine's is on the path of every pod with a holder, which is the holder's cost.",
            "- At the stop, the controller sends every stop within a few milliseconds of its own kill",
            "  event; the rest is the engine stopping and removing the containers, the holder among them.",
            "",
            "```",
            timeline,
            "```",
        ]
    print("\n".join(out))


if __name__ == "__main__":
    main(*sys.argv[1:6])
