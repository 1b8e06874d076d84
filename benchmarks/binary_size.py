"""What each library costs in the controller binary: the sizes of its symbols
(nm -S), attributed by Swift module or C prefix, and the binary's sections.

    python3 benchmarks/binary_size.py .build-release/release/podlike
"""
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter

# Swift module → the package (or part of the toolchain) it comes from.
PACKAGES = [
    (r"^(Podlike|Drivers|podlike|PodlikeYAML)$", "podlike itself"),
    (r"^(Swift|_Concurrency|_StringProcessing|_RegexParser|Synchronization|SwiftGlibc|Glibc|_SwiftConcurrencyShims)$", "Swift standard library"),
    (r"^(FoundationEssentials|_FoundationCShims|_FoundationCollections|FoundationInternationalization|Foundation)$", "FoundationEssentials"),
    (r"^(Dispatch)$", "Dispatch"),
    (r"^NIOSSL$", "swift-nio-ssl"),
    (r"^NIOHTTP2$", "swift-nio-http2"),
    (r"^(NIOExtras|NIOHTTPCompression|NIOSOCKS|NIOHTTPTypes.*)$", "swift-nio-extras"),
    (r"^NIOTransportServices$", "swift-nio-transport-services"),
    (r"^(NIO.*|_NIO.*)$", "swift-nio"),
    (r"^AsyncHTTPClient$", "async-http-client"),
    (r"^(ArgumentParser|ArgumentParserToolInfo)$", "swift-argument-parser"),
    (r"^Logging$", "swift-log"),
    (r"^(ServiceLifecycle|UnixSignals|ConcurrencyHelpers)$", "swift-service-lifecycle"),
    (r"^(AsyncAlgorithms|_AsyncAlgorithms.*)$", "swift-async-algorithms"),
    (r"^(Atomics|_AtomicsShims)$", "swift-atomics"),
    (r"^(Algorithms|RealModule|_NumericsShims)$", "swift-algorithms"),
    (r"^(DequeModule|Collections|InternalCollectionsUtilities|OrderedCollections|.*Module)$", "swift-collections"),
    (r"^SystemPackage$", "swift-system"),
    (r"^Configuration$", "swift-configuration"),
    (r"^(Tracing|Instrumentation|ServiceContextModule)$", "swift-distributed-tracing"),
    (r"^(HTTPTypes)$", "swift-http-types"),
]
C_PREFIXES = [
    ("CNIOBoringSSL", "swift-nio-ssl"),
    ("llhttp", "swift-nio"), ("llparse", "swift-nio"), ("CNIO", "swift-nio"), ("c_nio", "swift-nio"), ("cnioextras", "swift-nio-extras"),
    ("swift_", "Swift standard library"), ("_swift", "Swift standard library"), ("_ZL", "Swift standard library"),
    ("_ZN5swift", "Swift standard library"), ("dispatch_", "Dispatch"), ("_dispatch", "Dispatch"),
]
MODULE = re.compile(r"(\d+)([A-Za-z_][A-Za-z0-9_]*)")


def module_of(symbol):
    body = symbol
    for prefix in ("symbolic ", "associated conformance ", "$s"):
        if body.startswith(prefix):
            body = body[len(prefix):].lstrip("_ ")
    if symbol.startswith("$sS") or symbol.startswith("$ss"):
        return "Swift"
    match = MODULE.match(body) if symbol.startswith(("$s", "symbolic", "associated")) else None
    if match:
        length = int(match.group(1))
        return match.group(2)[:length]
    return None


def package_of(symbol):
    module = module_of(symbol)
    if module is not None:
        for pattern, package in PACKAGES:
            if re.match(pattern, module):
                return package
        return f"other Swift ({module})"
    for prefix, package in C_PREFIXES:
        if symbol.startswith(prefix):
            return package
    return "other C and C++ (runtime, glibc shims)"


def main(binary):
    output = subprocess.run(["nm", "-S", "--size-sort", binary], capture_output=True, text=True, check=True).stdout
    sizes = Counter()
    for line in output.splitlines():
        parts = line.split(maxsplit=3)
        if len(parts) == 4:
            sizes[package_of(parts[3])] += int(parts[1], 16)
    # Small groups (generic parameters the simple reading takes for modules) go together.
    small = [library for library, size in sizes.items() if size < 20_000]
    if small:
        sizes["other (%d small groups)" % len(small)] = sum(sizes.pop(library) for library in small)
    # Sections of the binary as the image holds it: stripped.
    stripped = tempfile.mktemp(prefix="podlike-stripped-")
    subprocess.run(["strip", "-o", stripped, binary], check=True)
    stripped_size = os.path.getsize(stripped)
    sections = Counter()
    size_output = subprocess.run(["size", "-A", stripped], capture_output=True, text=True, check=True).stdout
    os.unlink(stripped)
    for line in size_output.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0].startswith(".") and parts[1].isdigit():
            sections[parts[0]] = int(parts[1])
    json.dump({"symbols": sizes.most_common(), "sections": sections.most_common(8), "stripped": stripped_size},
              sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main(sys.argv[1])
