import Drivers
import Podlike

extension FuzzTarget {
    /// A labels file, as `podlike render --labels` reads it, through validation,
    /// planning with the pod's context, and the rendered containers.
    public static let labels = FuzzTarget(
        name: "labels", summary: "a labels file through validation and planning to the rendered containers"
    ) { bytes in
        let text = String(decoding: bytes, as: UTF8.self)
        do {
            let registry = try registry.get()
            let labels = try LabelsFile.parse(text, path: "fuzz.yml")
            // Relative files (env_file) resolve in an empty folder: the inputs are the labels alone.
            let context = SettingContext(baseDirectory: "/nonexistent/podlike-fuzz")
            let driver = ComponentDriver(registry: registry, context: context)
            let validated = try PodPlanner(driver: driver).plan(labels: labels) { path in throw UnreadableFile(path: path) }
            let plan = try driver.applying(.placeholder(memoryLimit: 1 << 30, nanoCpus: 2_000_000_000), to: validated)
            return try RenderDocument(plan: plan).json()
        } catch {
            return "\(error)"
        }
    }

    /// Built once, not for every input.
    static let registry = Result { try BuiltinSettings.registry() }

    /// Files named by labels (`pod.compose.file`, `env_file`, ...) are not read
    /// while fuzzing: the inputs are the labels alone.
    struct UnreadableFile: Error, CustomStringConvertible {
        var path: String
        var description: String { "\(path): files are not read while fuzzing" }
    }
}
