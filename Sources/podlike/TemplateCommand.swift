import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Podlike
import PodlikeTemplate

/// Turns stack files with `x-podlike` templates into a stack of pods, as the
/// original podlike's `template` command did.
struct TemplateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Print the stack that x-podlike templates make of stack files: each templated service becomes a pod.")

    @Argument(help: "Stack files, merged in order; - reads standard input. Relative template paths start at the first file's folder.")
    var files: [String]

    func run() async throws {
        do {
            var inputs: [StackTransformer.Input] = []
            for file in files {
                let text: String
                do { text = try RenderCommand.read(file, what: "the stack") } catch {
                    throw TemplateFailure((error as? RenderCommand.UnreadableLabels)?.message ?? "\(error)")
                }
                // Standard input has no folder of its own; templates resolve from the current one.
                inputs.append(.init(path: file == "-" ? "./-" : file, text: text))
            }
            let output = try await StackTransformer().transform(inputs)
            for warning in output.warnings { StandardStream.error.write("podlike template: \(warning)\n") }
            StandardStream.output.write(output.yaml)
        } catch {
            StandardStream.error.write("podlike template: \(error)\n")
            throw ExitCode(PodFailure.Code.invalidInput.exitCode)
        }
    }
}
