/// Docker's image reference grammar (`[domain[:port]/]path[:tag][@digest]`), so
/// an image the engine would refuse is reported before anything is created, not
/// at pull time.
public enum ImageReference {
    /// Why `text` is not a reference, in words that say what to write; nil when it is one.
    public static func problem(in text: String) -> String? {
        var rest = Substring(text)
        if let at = rest.firstIndex(of: "@") {
            let digest = rest[rest.index(after: at)...]
            guard isDigest(digest) else {
                return #"the digest "\#(digest)" is not algorithm:hex, like "sha256:" and 64 hex digits"#
            }
            rest = rest[..<at]
        }
        let lastSlash = rest.lastIndex(of: "/") ?? rest.startIndex
        if let colon = rest[lastSlash...].lastIndex(of: ":") {
            let tag = rest[rest.index(after: colon)...]
            guard isTag(tag) else {
                return #"the tag "\#(tag)" is not valid: up to 128 letters, digits, "_", "." and "-", not starting with "." or "-""#
            }
            rest = rest[..<colon]
        }
        guard !rest.isEmpty else { return "the image has no name before its tag or digest" }
        guard rest.utf8.count <= 255 else { return "the image name is \(rest.utf8.count) characters long; Docker takes at most 255" }
        var components = rest.split(separator: "/", omittingEmptySubsequences: false)
        if components.count > 1, let first = components.first,
           first.contains(where: { $0 == "." || $0 == ":" }) || first == "localhost" || first.contains(where: \.isUppercase) {
            guard isDomain(first) else {
                return #"the registry "\#(first)" is not a host name with an optional port, like "registry.example.com:5000""#
            }
            components.removeFirst()
        }
        for component in components where !isPathComponent(component) {
            if isPathComponent(Substring(component.lowercased())) {
                return #"repository names must be lowercase: write "\#(rest.lowercased())""#
            }
            return #""\#(component)" is not a valid name part: lowercase letters and digits, separated by ".", "_", "__" or "-""#
        }
        return nil
    }

    private static func isLowerAlphanumeric(_ c: Character) -> Bool {
        c.isASCII && (c.isNumber || (c.isLetter && c.isLowercase))
    }

    private static func isAlphanumeric(_ c: Character) -> Bool {
        c.isASCII && (c.isNumber || c.isLetter)
    }

    /// `[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*`
    private static func isPathComponent(_ text: Substring) -> Bool {
        guard let first = text.first, let last = text.last, isLowerAlphanumeric(first), isLowerAlphanumeric(last) else { return false }
        var separator = ""
        for c in text {
            if isLowerAlphanumeric(c) {
                guard ["", ".", "_", "__"].contains(separator) || separator.allSatisfy({ $0 == "-" }) else { return false }
                separator = ""
            } else if c == "." || c == "_" || c == "-" {
                separator.append(c)
            } else {
                return false
            }
        }
        return true
    }

    /// `host[:port]`, the host a name of dotted labels or a bracketed IPv6 address.
    private static func isDomain(_ text: Substring) -> Bool {
        var host = text
        if text.first == "[" {
            guard let close = text.firstIndex(of: "]") else { return false }
            let address = text[text.index(after: text.startIndex)..<close]
            guard !address.isEmpty, address.allSatisfy({ $0.isHexDigit || $0 == ":" }) else { return false }
            host = text[text.index(after: close)...]
            guard host.isEmpty || host.first == ":" else { return false }
            return host.isEmpty || isPort(host.dropFirst())
        }
        if let colon = text.lastIndex(of: ":") {
            guard isPort(text[text.index(after: colon)...]) else { return false }
            host = text[..<colon]
        }
        return host.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            guard let first = label.first, let last = label.last else { return false }
            return isAlphanumeric(first) && isAlphanumeric(last) && label.allSatisfy { isAlphanumeric($0) || $0 == "-" }
        }
    }

    private static func isPort(_ text: Substring) -> Bool {
        !text.isEmpty && text.count <= 5 && text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// `[\w][\w.-]{0,127}`
    private static func isTag(_ text: Substring) -> Bool {
        func word(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "_") }
        guard let first = text.first, word(first), text.count <= 128 else { return false }
        return text.allSatisfy { word($0) || $0 == "." || $0 == "-" }
    }

    /// `algorithm(+.-_ algorithm)*:hex{32,}`
    private static func isDigest(_ text: Substring) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let algorithm = text[..<colon], hex = text[text.index(after: colon)...]
        let parts = algorithm.split(omittingEmptySubsequences: false) { "+.-_".contains($0) }
        let algorithmValid = parts.allSatisfy { part in
            guard let first = part.first, first.isASCII, first.isLetter else { return false }
            return part.allSatisfy(isAlphanumeric)
        }
        return algorithmValid && hex.count >= 32 && hex.allSatisfy { $0.isASCII && $0.isHexDigit }
    }
}
