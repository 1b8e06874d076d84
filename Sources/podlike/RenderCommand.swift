import ArgumentParser
import Drivers
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Podlike
#if canImport(Glibc)
import Glibc
#endif

/// Prints the create requests a set of labels produces, without an engine.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print the create-container requests that a set of labels produces, without touching an engine.")

    @Option(name: .long, help: "A JSON or YAML mapping of labels, as `docker inspect -f '{{json .Config.Labels}}'` prints them; - (or /dev/stdin) reads standard input.")
    var labels: String

    @OptionGroup var controller: ControllerOptions

    @OptionGroup var limits: PodLimitOptions

    @Option(help: "The controller's mounts as `docker inspect -f '{{json .Mounts}}'` prints them: shared with the components, and their volumes resolve components' volume references.")
    var controllerMounts: String?

    func run() throws {
        do {
            let registry = try BuiltinSettings.registry()
            let text = try Self.read(labels)
            let labelMap = try LabelsFile.parse(text, path: labels)
            let context = SettingContext(
                baseDirectory: FileManager.default.currentDirectoryPath,
                processEnvironment: ProcessInfo.processInfo.environment)
            let driver = ComponentDriver(registry: registry, context: context)
            var pod = try limits.context(options: controller.podOptions)
            if let controllerMounts {
                pod.mounts = try Self.mounts(from: controllerMounts)
                pod.volumeReferences = VolumeReferences(
                    controllerVolumes: pod.mounts.compactMap { $0.Type == "volume" ? $0.Name.map { VolumeSummary(Name: $0) } : nil },
                    stackNamespace: labelMap[VolumeReferences.stackNamespaceLabel])
            }
            let plan = try driver.applying(pod, to: PodPlanner(driver: driver).plan(labels: labelMap) { path in try TextFile.read(path) })
            for warning in plan.warnings {
                StandardStream.error.write("warning: \(warning)\n")
            }
            print(try RenderDocument(plan: plan).json())
        } catch let failure as PodValidationFailure {
            StandardStream.error.write("\(failure)\n")
            throw ExitCode(PodFailure.Code.invalidInput.exitCode)
        } catch let error as ArgumentParser.ValidationError {
            throw error
        } catch let error as UnreadableLabels {
            StandardStream.error.write("podlike render: \(error.message)\n")
            throw ExitCode(PodFailure.Code.invalidInput.exitCode)
        }
    }

    /// `--controller-mounts`: a JSON list, as `docker inspect` prints `.Mounts`.
    private static func mounts(from path: String) throws -> [ControllerMount] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ArgumentParser.ValidationError("--controller-mounts: can't read \(path)")
        }
        do {
            return try JSONDecoder().decode([ControllerMount].self, from: data)
        } catch {
            throw ArgumentParser.ValidationError(
                "--controller-mounts: \(path) is not a JSON list of mounts as `docker inspect -f '{{json .Mounts}}' CONTROLLER` prints them")
        }
    }

    struct UnreadableLabels: Error {
        var message: String
    }

    /// The labels file's text: a file, a pipe, or standard input for `-`, read
    /// with read(2) to the end, since a pipe has no size to read up to.
    static func read(_ path: String, what: String = "the labels") throws -> String {
        let name = path == "-" ? "standard input" : path
        let descriptor = path == "-" ? 0 : open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw UnreadableLabels(message: "can't read \(what) in \(name): \(String(cString: strerror(errno)).lowercased())")
        }
        defer { if descriptor != 0 { close(descriptor) } }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                let why = errno == EISDIR
                    ? "it is a folder; give the file with \(what), or - for standard input"
                    : String(cString: strerror(errno)).lowercased()
                throw UnreadableLabels(message: "can't read \(what) in \(name): \(why)")
            }
            bytes += chunk[..<count]
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw UnreadableLabels(message: "\(what) in \(name) \(what == "the labels" ? "are" : "is") not UTF-8 text; give a JSON or YAML mapping")
        }
        return text
    }
}
