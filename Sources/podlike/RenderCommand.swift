import ArgumentParser
import Drivers
import Foundation
import Podlike

/// Prints the create requests a set of labels produces, without an engine.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print the create-container requests that a set of labels produces, without touching an engine.")

    @Option(name: .long, help: "A JSON or YAML mapping of labels, as `docker inspect` shows them under .Config.Labels.")
    var labels: String

    @OptionGroup var controller: ControllerOptions

    @OptionGroup var limits: PodLimitOptions

    @Option(help: "The controller's mounts as `docker inspect -f '{{json .Mounts}}'` prints them: shared with the components, and their volumes resolve components' volume references.")
    var controllerMounts: String?

    func run() throws {
        do {
            let registry = try BuiltinSettings.registry()
            let text = try String(contentsOfFile: labels, encoding: .utf8)
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
        } catch let error as CocoaError where error.code == .fileReadNoSuchFile || error.code == .fileReadUnknown {
            FileHandle.standardError.write(Data("podlike render: can't read \(labels): \(error.localizedDescription)\n".utf8))
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
}
