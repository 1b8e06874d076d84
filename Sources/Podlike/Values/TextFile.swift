#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Reads a file that labels name (an `env_file`, a seccomp profile, the
/// `pod.compose.file`): a regular file only, so a FIFO or a device can't stall
/// the controller, and at most `PodInputLimits.valueBytes`.
public enum TextFile {
    public struct Problem: Error, CustomStringConvertible {
        public var description: String
        /// Nothing is at the path, as opposed to something podlike won't read.
        public var isMissing = false
    }

    public static func read(_ path: String, limit: Int = PodInputLimits.valueBytes) throws(Problem) -> String {
        var status = stat()
        guard stat(path, &status) == 0 else {
            let missing = errno == ENOENT || errno == ENOTDIR
            throw Problem(description: missing ? "there is no file at \(path)" : String(cString: strerror(errno)), isMissing: missing)
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw Problem(description: "\(path) is not a regular file")
        }
        guard status.st_size <= limit else {
            throw Problem(description: "\(path) is \(status.st_size) bytes long; podlike reads at most \(limit) bytes (1 MiB) from a file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problem(description: "permission denied")
        }
        guard data.count <= limit, let text = String(data: data, encoding: .utf8) else {
            throw Problem(description: "\(path) is not UTF-8 text")
        }
        return text
    }
}
