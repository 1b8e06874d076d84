import FuzzTargets
#if canImport(Glibc)
import Glibc
#endif

// Built by `fuzz/run.sh` with `-sanitize=fuzzer -D PODLIKE_LIBFUZZER`, this is a
// libFuzzer harness for the target that PODLIKE_FUZZ_TARGET names. Built plainly,
// it replays inputs: `swift run podlike-fuzz TARGET FILE...` prints what each came to.

#if PODLIKE_LIBFUZZER
private let target: FuzzTarget = {
    let name = getenv("PODLIKE_FUZZ_TARGET").map { String(cString: $0) } ?? ""
    guard let target = FuzzTarget.named(name) else {
        fatalError("PODLIKE_FUZZ_TARGET must be one of \(FuzzTarget.all.map(\.name).joined(separator: ", ")); got \"\(name)\"")
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let answer = target.run(bytes)
    if let foreign = FuzzTarget.foreignText(in: answer) {
        fatalError("an error text that is not podlike's own (\(foreign)) reached the user: \(answer)")
    }
    return 0
}

/// libFuzzer's own driver, which its `main` would call; SwiftPM links an
/// executable's entry point as `main`, so this one calls the driver itself.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@main
struct FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzOne))
    }
}
#else
@main
struct FuzzReplay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first, let target = FuzzTarget.named(name) else {
            print("usage: podlike-fuzz TARGET FILE...; targets: \(FuzzTarget.all.map(\.name).joined(separator: ", "))")
            exit(2)
        }
        for path in arguments.dropFirst() {
            guard let file = fopen(path, "rb") else {
                print("\(path): can't open")
                exit(1)
            }
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = fread(&buffer, 1, buffer.count, file)
                if count <= 0 { break }
                bytes += buffer[0..<count]
            }
            fclose(file)
            print("\(path): \(target.run(bytes))")
        }
    }
}
#endif
