import ArgumentParser
import Drivers
import Podlike

/// Lists every setting from the handlers' own descriptors.
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "List every component setting: what it does, or why a pod rejects it.")

    @Flag(help: "Print the Markdown tables that the README's reference holds.")
    var markdown = false

    func run() throws {
        let registry = try BuiltinSettings.registry()
        print(markdown ? SettingsReference.markdown(registry) : SettingsReference.text(registry), terminator: "")
    }
}
