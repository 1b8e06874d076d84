import ArgumentParser
struct RunCommand: AsyncParsableCommand { @OptionGroup var controller: ControllerOptions; func run() async throws { print("todo") } }
