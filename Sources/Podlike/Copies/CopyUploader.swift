#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NIOCore

/// Carries out `pod.copy.NAME`: files and folders of the controller go into a
/// created component before it starts, with their modes, through the archive API.
/// This is how Swarm configs and secrets, which only the controller receives,
/// reach components.
struct CopyUploader: Sendable {
    let engine: EngineClient

    /// Reads every component's copies into one archive per component, before
    /// anything is created: a missing or unreadable source then fails the pod
    /// with nothing made.
    static func archives(for components: [PodPlan.Component]) throws -> [String: [UInt8]] {
        var archives: [String: [UInt8]] = [:]
        for component in components where !component.copies.isEmpty {
            var archive = TarArchive()
            for copy in component.copies {
                try add(copy, to: &archive, component: component.name)
            }
            archives[component.name] = archive.finished()
        }
        return archives
    }

    /// Unpacks a component's archive at the root of its created container.
    func upload(_ archive: [UInt8], into id: String, component: String) async throws {
        do {
            try await engine.uploadArchive(id, path: "/", tar: ByteBuffer(bytes: archive))
        } catch {
            throw PodFailure(.copy, component: component, "copying into the container failed", underlying: error)
        }
    }

    /// `docker cp` semantics: a file goes to the destination path (or into it,
    /// when it ends with `/`); a folder's contents go into the destination folder.
    static func add(_ copy: CopyInstruction, to archive: inout TarArchive, component: String) throws {
        let manager = FileManager.default
        var isDirectory = false
        guard manager.fileExists(atPath: copy.source, isDirectory: &isDirectory) else {
            throw PodFailure(.copy, component: component, key: "pod.copy", "\"\(copy.source)\" does not exist in the controller; mount it there (a Swarm config or secret, or a volume) or fix the path")
        }
        var target = copy.destination
        if !isDirectory, target.hasSuffix("/") {
            target += (copy.source.split(separator: "/").last.map(String.init) ?? copy.source)
        }
        let root = String(target.drop { $0 == "/" })
        if isDirectory {
            try addTree(copy.source, as: root, to: &archive)
        } else {
            try addItem(copy.source, as: root, to: &archive)
        }
    }

    private static func addTree(_ source: String, as target: String, to archive: inout TarArchive) throws {
        try addItem(source, as: target, to: &archive)
        let children = try FileManager.default.contentsOfDirectory(atPath: source).sorted()
        for child in children {
            let path = source + "/" + child
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if attributes[.type] as? FileAttributeType == .typeDirectory {
                try addTree(path, as: target + "/" + child, to: &archive)
            } else {
                try addItem(path, as: target + "/" + child, to: &archive)
            }
        }
    }

    private static func addItem(_ source: String, as target: String, to archive: inout TarArchive) throws {
        let manager = FileManager.default
        let attributes = try manager.attributesOfItem(atPath: source)
        let mode = (attributes[.posixPermissions] as? UInt).map { Int($0) } ?? 0o644
        switch attributes[.type] as? FileAttributeType {
        case .typeDirectory?:
            archive.append(path: target, type: .directory, mode: mode)
        case .typeSymbolicLink?:
            archive.append(path: target, type: .symlink, mode: mode, linkTarget: try manager.destinationOfSymbolicLink(atPath: source))
        default:
            guard let data = manager.contents(atPath: source) else {
                throw PodFailure(.copy, key: "pod.copy", "can't read \"\(source)\" in the controller")
            }
            archive.append(path: target, type: .file, mode: mode, contents: [UInt8](data))
        }
    }
}
