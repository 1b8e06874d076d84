#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Writes the tar archives that the engine's archive API takes: regular files,
/// folders and symbolic links with their modes, in POSIX ustar form with PAX
/// headers for paths too long for it.
public struct TarArchive: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public enum EntryType: UInt8, Sendable {
        case file = 48       // "0"
        case symlink = 50    // "2"
        case directory = 53  // "5"
        case pax = 120       // "x"
    }

    public mutating func append(path: String, type: EntryType, mode: Int, contents: [UInt8] = [], linkTarget: String = "") {
        let name = type == .directory && !path.hasSuffix("/") ? path + "/" : path
        if name.utf8.count > 100 || linkTarget.utf8.count > 100 {
            var records = Self.paxRecord("path", name)
            if !linkTarget.isEmpty { records += Self.paxRecord("linkpath", linkTarget) }
            appendHeader(name: "PaxHeaders/\(name.suffix(80))", type: .pax, mode: 0o644, size: records.count, linkTarget: "")
            appendPadded(records)
        }
        appendHeader(name: name, type: type, mode: mode, size: contents.count, linkTarget: linkTarget)
        appendPadded(contents)
    }

    /// The archive with its end-of-archive marker.
    public func finished() -> [UInt8] {
        bytes + [UInt8](repeating: 0, count: 1024)
    }

    private mutating func appendHeader(name: String, type: EntryType, mode: Int, size: Int, linkTarget: String) {
        var header = [UInt8](repeating: 0, count: 512)
        func put(_ text: String, at offset: Int, length: Int) {
            for (index, byte) in text.utf8.prefix(length).enumerated() { header[offset + index] = byte }
        }
        func octal(_ value: Int, at offset: Int, length: Int) {
            put(String(String(value, radix: 8).suffix(length - 1)).leftPadded(to: length - 1), at: offset, length: length - 1)
        }
        put(name, at: 0, length: 100)  // a longer name is in the PAX header before this one
        octal(mode & 0o7777, at: 100, length: 8)
        octal(0, at: 108, length: 8)  // uid
        octal(0, at: 116, length: 8)  // gid
        octal(size, at: 124, length: 12)
        octal(Int(Date().timeIntervalSince1970), at: 136, length: 12)
        header[156] = type.rawValue
        put(linkTarget, at: 157, length: 100)
        put("ustar", at: 257, length: 6)
        put("00", at: 263, length: 2)
        for index in 148..<156 { header[index] = 0x20 }  // checksum counts as spaces
        let checksum = header.reduce(0) { $0 + Int($1) }
        put(String(String(checksum, radix: 8)).leftPadded(to: 6), at: 148, length: 6)
        header[154] = 0
        header[155] = 0x20
        bytes += header
    }

    private mutating func appendPadded(_ contents: [UInt8]) {
        bytes += contents
        let remainder = contents.count % 512
        if remainder != 0 { bytes += [UInt8](repeating: 0, count: 512 - remainder) }
    }

    /// `"<length> key=value\n"`, where the length counts itself.
    private static func paxRecord(_ key: String, _ value: String) -> [UInt8] {
        let body = " \(key)=\(value)\n"
        var length = body.utf8.count + 1
        while String(length).utf8.count + body.utf8.count != length { length += 1 }
        return Array("\(length)\(body)".utf8)
    }
}

extension String {
    func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
