/// A rule between settings that the engine enforces when it creates a container
/// (a memory reservation above the limit, `cpus` with `cpu_quota`). Checks run
/// on a component's finished spec, after every handler, so `render` refuses what
/// the engine would. Each describes itself; its examples are its tests.
public protocol SettingCheck: Sendable {
    var descriptor: CheckDescriptor { get }

    /// What is wrong, reported at one of the keys involved; nil when nothing is.
    func problem(in spec: ComponentSpec) -> CheckProblem?
}

/// A check's verdict: the key to point at and what to write instead.
public struct CheckProblem: Sendable, Equatable {
    public var key: String
    public var message: String

    public init(key: String, _ message: String) {
        self.key = key
        self.message = message
    }
}

/// A check's self-description, shown by `podlike settings`.
public struct CheckDescriptor: Sendable {
    public var name: String
    public var summary: String
    /// Component fragments with several keys (`{mem_limit: 64m, mem_reservation: 128m}`)
    /// and what the whole component must produce.
    public var examples: [SettingExample]
    public var fileID: String
    public var filePath: String
    public var line: Int

    public init(name: String, summary: String, examples: [SettingExample],
                fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) {
        self.name = name
        self.summary = summary
        self.examples = examples
        self.fileID = fileID
        self.filePath = filePath
        self.line = line
    }
}

extension ComponentSpec {
    /// The first of `keys` the component wrote: the key a check blames when a
    /// field can come from more than one (`mem_limit` or `deploy`).
    public func writtenKey(_ keys: String...) -> String {
        keys.first { keyLines[$0] != nil } ?? keys[0]
    }
}
