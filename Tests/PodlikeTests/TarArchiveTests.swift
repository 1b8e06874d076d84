import Foundation
import Podlike
import Testing

@Suite("Tar archives for the engine's archive API")
struct TarArchiveTests {
    /// 990 bytes: its PAX record is 1,001 bytes long, so the length that counts
    /// itself goes from three digits to four, and the record spans two blocks.
    static let deepPath = (1...15).map { String(repeating: "\($0 % 10)", count: 60) }.joined(separator: "/")
        + "/f" + String(repeating: "n", count: 70) + ".txt"
    /// Exactly fills the 100-byte name field, with no NUL after it.
    static let fullName = "edge/" + String(repeating: "e", count: 95)
    static let farTarget = "/run/secrets/" + String(repeating: "t", count: 140)

    /// What goes in: path, type, mode, contents, link target.
    static let entries: [(String, TarArchive.EntryType, Int, [UInt8], String)] = [
        ("etc/app", .directory, 0o750, [], ""),
        ("etc/app/run.sh", .file, 0o100755, Array("#!/bin/sh\necho hi\n".utf8), ""),
        ("etc/app/secret", .file, 0o600, (0..<1000).map { UInt8($0 % 251) }, ""),
        ("etc/app/empty", .file, 0o644, [], ""),
        ("etc/app/block", .file, 0o644, [UInt8](repeating: 7, count: 512), ""),
        ("etc/app/current", .symlink, 0o777, [], "run.sh"),
        ("etc/app/far", .symlink, 0o777, [], farTarget),
        ("etc/app/é-config.yml", .file, 0o644, Array("a: 1\n".utf8), ""),
        (fullName, .file, 0o640, Array("full\n".utf8), ""),
        (deepPath, .file, 0o640, Array("deep\n".utf8), ""),
    ]

    static func archive() -> [UInt8] {
        var archive = TarArchive()
        for (path, type, mode, contents, target) in entries {
            archive.append(path: path, type: type, mode: mode, contents: contents, linkTarget: target)
        }
        return archive.finished()
    }

    // MARK: - Reading it back, as tar does

    struct TestFailure: Error, CustomStringConvertible { var description: String }

    /// One header block, the PAX records before it, and its contents.
    struct Entry {
        var header: [UInt8]
        var pax: [String: String]
        var contents: [UInt8]
        var path: String { pax["path"] ?? Self.text(header[0..<100]) }
        var linkTarget: String { pax["linkpath"] ?? Self.text(header[157..<257]) }
        var mode: Int? { Self.octal(header[100..<108]) }

        static func text(_ field: ArraySlice<UInt8>) -> String { String(decoding: field.prefix { $0 != 0 }, as: UTF8.self) }
        static func octal(_ field: ArraySlice<UInt8>) -> Int? { Int(text(field).trimmingCharacters(in: .whitespaces), radix: 8) }
    }

    /// POSIX ustar: the sum of the header's bytes, its checksum field counted as spaces.
    static func checksum(_ header: [UInt8]) -> Int {
        header.indices.reduce(0) { $0 + ((148..<156).contains($1) ? 0x20 : Int(header[$1])) }
    }

    /// The entries, every header block (PAX ones too), and where the end-of-archive
    /// blocks start. Checks each checksum, and that each PAX record's length counts itself.
    static func read(_ archive: [UInt8]) throws -> (entries: [Entry], headers: [[UInt8]], end: Int) {
        var entries: [Entry] = [], headers: [[UInt8]] = []
        var pax: [String: String] = [:], offset = 0
        while offset + 512 <= archive.count {
            let header = Array(archive[offset..<offset + 512])
            if header.allSatisfy({ $0 == 0 }) { return (entries, headers, offset) }
            headers.append(header)
            guard Entry.octal(header[148..<156]) == checksum(header) else { throw TestFailure(description: "bad checksum at \(offset)") }
            guard let size = Entry.octal(header[124..<136]), offset + 512 + size <= archive.count else { throw TestFailure(description: "bad size at \(offset)") }
            let contents = Array(archive[offset + 512..<offset + 512 + size])
            offset += 512 + (size + 511) / 512 * 512
            guard header[156] == UInt8(ascii: "x") else {
                entries.append(Entry(header: header, pax: pax, contents: contents))
                pax = [:]
                continue
            }
            var records = contents[...]
            while !records.isEmpty {
                guard let space = records.firstIndex(of: 0x20), let length = Int(Entry.text(records[..<space])),
                      length <= records.count, length > space - records.startIndex + 1,
                      records[records.startIndex + length - 1] == 0x0A
                else { throw TestFailure(description: "a PAX record's length does not count itself before \(offset)") }
                let pair = Entry.text(records[(space + 1)..<(records.startIndex + length - 1)])
                    .split(separator: "=", maxSplits: 1).map(String.init)
                guard pair.count == 2 else { throw TestFailure(description: "a PAX record without = before \(offset)") }
                pax[pair[0]] = pair[1]
                records = records.dropFirst(length)
            }
        }
        throw TestFailure(description: "no end-of-archive blocks")
    }

    // MARK: - Structure, always checked

    @Test("every header's checksum is the sum of its bytes with the checksum field as spaces, written as six octal digits, a NUL and a space")
    func checksums() throws {
        let archive = Self.archive()
        let (_, headers, _) = try Self.read(archive)
        #expect(headers.count == Self.entries.count + 2, "one header per entry, and a PAX header for the long name and the long link target")
        for header in headers {
            let field = header[148..<156], name = Entry.text(header[0..<100])
            #expect(field.prefix(6).allSatisfy { (0x30...0x37).contains($0) }, "six octal digits: \(name)")
            #expect(Array(field.suffix(2)) == [0, 0x20], "a NUL and a space: \(name)")
            #expect(Int(String(decoding: field.prefix(6), as: UTF8.self), radix: 8) == Self.checksum(header), "\(name)")
        }
        var tampered = archive
        tampered[0] ^= 1
        #expect(throws: TestFailure.self) { try Self.read(tampered) }
    }

    @Test("ustar fields: magic and version, octal mode (type bits dropped), size and owner, the type flag, and a directory's trailing slash")
    func fields() throws {
        let (entries, _, _) = try Self.read(Self.archive())
        #expect(entries.map(\.path) == Self.entries.map { $0.1 == .directory ? $0.0 + "/" : $0.0 })
        for (entry, (path, type, mode, contents, target)) in zip(entries, Self.entries) {
            #expect(Array(entry.header[257..<265]) == Array("ustar\u{0}00".utf8), "\(path)")
            #expect(entry.header[156] == type.rawValue, "\(path)")
            #expect(entry.mode == mode & 0o7777, "\(path)")
            #expect(Entry.text(entry.header[100..<108]).count == 7, "seven octal digits and a NUL: \(path)")
            #expect(Entry.octal(entry.header[108..<116]) == 0 && Entry.octal(entry.header[116..<124]) == 0, "uid and gid 0: \(path)")
            #expect(entry.contents == contents, "\(path)")
            #expect(entry.linkTarget == target, "\(path)")
            let mtime = try #require(Entry.octal(entry.header[136..<148]))
            #expect(abs(Double(mtime) - Date().timeIntervalSince1970) < 600, "\(path)")
        }
    }

    @Test("contents are padded with zeros to whole 512-byte blocks; an empty file has no block")
    func padding() {
        for (count, blocks) in [(0, 0), (1, 1), (511, 1), (512, 1), (513, 2), (1000, 2)] {
            var archive = TarArchive()
            archive.append(path: "f", type: .file, mode: 0o644, contents: [UInt8](repeating: 0xFF, count: count))
            #expect(archive.bytes.count == 512 * (1 + blocks), "\(count) bytes")
            #expect(archive.bytes[(512 + count)...].allSatisfy { $0 == 0 }, "\(count) bytes")
        }
    }

    @Test("the end of the archive is two zero blocks, after the last entry's padding; finished() leaves the archive as it was")
    func endOfArchive() throws {
        var archive = TarArchive()
        #expect(archive.finished() == [UInt8](repeating: 0, count: 1024))
        archive.append(path: "a", type: .file, mode: 0o644, contents: [1, 2, 3])
        let finished = archive.finished()
        #expect(finished.count == archive.bytes.count + 1024 && finished.count % 512 == 0)
        #expect(finished.suffix(1024).allSatisfy { $0 == 0 })
        #expect(archive.finished() == finished && archive.bytes.count == 1024)
        let (entries, _, end) = try Self.read(Self.archive())
        #expect(entries.count == Self.entries.count)
        #expect(end == Self.archive().count - 1024)
    }

    @Test("a name of 100 bytes fits the header; a longer one, or a longer link target, comes whole in a PAX header whose records count their own length")
    func longNames() throws {
        let (entries, _, _) = try Self.read(Self.archive())
        #expect(Self.deepPath.utf8.count == 990)
        let byPath = Dictionary(uniqueKeysWithValues: entries.map { ($0.path, $0) })
        let full = try #require(byPath[Self.fullName])
        #expect(full.pax.isEmpty && Entry.text(full.header[0..<100]) == Self.fullName)
        let deep = try #require(byPath[Self.deepPath])
        #expect(deep.pax == ["path": Self.deepPath] && deep.contents == Array("deep\n".utf8))
        #expect(Array(deep.header[0..<100]) == Array(Self.deepPath.utf8.prefix(100)), "the header keeps what fits")
        #expect(byPath["etc/app/far"]?.pax == ["path": "etc/app/far", "linkpath": Self.farTarget])
        var archive = TarArchive()
        archive.append(path: Self.deepPath, type: .file, mode: 0o644)
        #expect(archive.bytes[156] == UInt8(ascii: "x") && Entry.octal(archive.bytes[124..<136]) == 1001)
        #expect(Array(archive.bytes[512..<517]) == Array("1001 ".utf8), "four digits, counted in the length")
        #expect(archive.bytes.count == 512 * 4, "PAX header, two blocks of records, the file's header")
        #expect(Entry.text(archive.bytes[0..<100]).hasPrefix("PaxHeaders/"))
    }

    // MARK: - The system tar agrees

    @Test("tar -t and -tv list every entry with its type, mode and size, long names whole",
          .enabled(if: SystemTar.path != nil, "no tar on PATH: the cross-check with the system tar is skipped; the structural tests still run"))
    func systemTarLists() throws {
        try SystemTar.withArchive(Self.archive()) { file, _ in
            let names = try SystemTar.run(["-tf", file])
            let expected = Self.entries.map { $0.1 == .directory ? $0.0 + "/" : $0.0 }
            #expect(names.count == expected.count, "\(names)")
            for name in expected where name.allSatisfy(\.isASCII) { #expect(names.contains(name), "\(name) in \(names)") }
            let lines = try SystemTar.run(["-tvf", file])
            for (path, type, mode, contents, target) in Self.entries where path.allSatisfy(\.isASCII) {
                let shown = type == .directory ? path + "/" : type == .symlink ? "\(path) -> \(target)" : path
                let line = lines.first { $0.hasSuffix(" " + shown) }
                #expect(line?.hasPrefix(SystemTar.modeString(type, mode)) == true, "\(shown): \(line ?? "not listed")")
                #expect(line?.contains(" \(contents.count) ") == true, "\(shown): \(line ?? "not listed")")
            }
        }
    }

    @Test("tar -x unpacks files, folders and links, long names included, with their contents and modes, and says nothing",
          .enabled(if: SystemTar.path != nil, "no tar on PATH: the cross-check with the system tar is skipped; the structural tests still run"))
    func systemTarExtracts() throws {
        try SystemTar.withArchive(Self.archive()) { file, folder in
            let manager = FileManager.default, out = folder + "/out"
            try manager.createDirectory(atPath: out, withIntermediateDirectories: true)
            #expect(try SystemTar.run(["-xpf", file, "-C", out]).isEmpty, "tar -x prints nothing, and SystemTar.run throws on any complaint")
            for (path, type, mode, contents, target) in Self.entries {
                let extracted = out + "/" + path
                if type == .symlink { #expect(try manager.destinationOfSymbolicLink(atPath: extracted) == target, "\(path)"); continue }
                let attributes = try manager.attributesOfItem(atPath: extracted)
                #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == mode & 0o7777, "\(path)")
                if type == .file { #expect(manager.contents(atPath: extracted) == Data(contents), "\(path)") }
            }
        }
    }
}

/// The system's tar, found on PATH.
enum SystemTar {
    static let path: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        .split(separator: ":").map { "\($0)/tar" }.first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Its output lines; throws when it fails or writes to stderr.
    static func run(_ arguments: [String]) throws -> [String] {
        let process = Process()
        guard let path else { throw TarArchiveTests.TestFailure(description: "no tar on PATH") }
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let complaint = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, complaint.isEmpty else {
            throw TarArchiveTests.TestFailure(description: "tar \(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(complaint)")
        }
        return text.split(separator: "\n").map(String.init)
    }

    /// Writes `archive` to a file in a new temporary folder, removed afterwards.
    static func withArchive(_ archive: [UInt8], _ body: (_ file: String, _ folder: String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("podlike-tar-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(archive).write(to: URL(fileURLWithPath: folder + "/archive.tar"))
        try body(folder + "/archive.tar", folder)
    }

    /// `ls -l` style: `-rwxr-xr-x`, `drwxr-x---`, `lrwxrwxrwx`.
    static func modeString(_ type: TarArchive.EntryType, _ mode: Int) -> String {
        let kind = type == .directory ? "d" : type == .symlink ? "l" : "-"
        return kind + (0..<9).map { bit in mode & (0o400 >> bit) != 0 ? String(Array("rwx")[bit % 3]) : "-" }.joined()
    }
}
