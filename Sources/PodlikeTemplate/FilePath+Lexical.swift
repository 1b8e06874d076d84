/// Path arithmetic on strings, done lexically as the original's Go `filepath`
/// does it, so the module needs no more than FoundationEssentials (the
/// controller's image carries no full Foundation).
enum LexicalPath {
    /// `component` when it is absolute, else `base/component`.
    static func joining(_ base: String, _ component: String) -> String {
        if component.hasPrefix("/") || base.isEmpty { return component }
        return base.hasSuffix("/") ? base + component : base + "/" + component
    }

    /// Without `.` parts, with `..` applied to what precedes it, and single slashes.
    static func cleaned(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." { parts.removeLast() } else if !absolute { parts.append(part) }
            default: parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// The folder part: `a/b` of `a/b/c`, `/` of `/c`, empty for `c`.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
