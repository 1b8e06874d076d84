import ArgumentParser
import Drivers
import Foundation
import Podlike

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
            let planner = PodPlanner(driver: ComponentDriver(registry: registry, context: context))
            var pod = try limits.context(options: controller.podOptions)
            if let controllerMounts {
                pod.mounts = try Self.mounts(from: controllerMounts)
                pod.volumeReferences = VolumeReferences(
                    controllerVolumes: pod.mounts.compactMap { $0.Type == "volume" ? $0.Name.map { VolumeSummary(Name: $0) } : nil },
                    stackNamespace: labelMap[VolumeReferences.stackNamespaceLabel])
            }
            let plan = try planner.plan(labels: labelMap) { path in try String(contentsOfFile: path, encoding: .utf8) }
                .applying(pod, registry: registry)
            for warning in plan.warnings {
                FileHandle.standardError.write(Data("warning: \(warning)\n".utf8))
            }
            print(try RenderDocument(plan: plan).json())
        } catch let failure as PodValidationFailure {
            FileHandle.standardError.write(Data("\(failure)\n".utf8))
            throw ExitCode(ExitCodes.podlikeFailed)
        } catch let error as ArgumentParser.ValidationError {
            throw error
        } catch let error as UnreadableLabels {
            FileHandle.standardError.write(Data("podlike render: \(error.message)\n".utf8))
            throw ExitCode(ExitCodes.podlikeFailed)
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

    /// The labels file's text: a file, a pipe, or standard input for `-`.
    /// Read through a file handle, since Foundation's whole-file read refuses pipes.
    static func read(_ path: String) throws -> String {
        let name = path == "-" ? "standard input" : path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw UnreadableLabels(message: "\(path) is a folder; give the file with the labels, or - for standard input")
        }
        let handle = path == "-" ? FileHandle.standardInput : FileHandle(forReadingAtPath: path)
        guard let handle else {
            let why = FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file"
            throw UnreadableLabels(message: "can't read the labels in \(name): \(why)")
        }
        let data: Data
        do {
            data = try handle.readToEnd() ?? Data()
        } catch {
            throw UnreadableLabels(message: "can't read the labels in \(name) (\(String(describing: error).prefix(200)))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw UnreadableLabels(message: "the labels in \(name) are not UTF-8 text; give a JSON or YAML mapping of labels")
        }
        return text
    }
}
