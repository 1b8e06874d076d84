import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging

/// `--log-level` (or PODLIKE_LOG_LEVEL), and the one place the executable
/// bootstraps logging; library code only takes a `Logger`.
struct LogLevelOption: ParsableArguments {
    @Option(help: "trace, debug, info, notice, warning or error. Also PODLIKE_LOG_LEVEL.")
    var logLevel: String?

    /// Bootstraps logging to stderr and returns the command's logger.
    func bootstrap(default fallback: Logger.Level) -> Logger {
        let level = (logLevel ?? ProcessInfo.processInfo.environment["PODLIKE_LOG_LEVEL"])
            .flatMap(Logger.Level.init(rawValue:)) ?? fallback
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: "podlike")
    }
}
