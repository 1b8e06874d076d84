/// Which container runs which component, and which containers exist at all, so
/// that the stop phase can remove every one of them.
struct ContainerTable: Sendable {
    private(set) var ids: [String: String] = [:]
    private var names: [String: String] = [:]
    /// Containers the engine reported an `oom` event for.
    private var oomKilled: Set<String> = []
    /// A create failed: the engine may have made a container whose ID never came back.
    var createFailed = false
    /// The IPC holder, when there is one.
    var holder: String?

    mutating func record(_ name: String, id: String) {
        ids[name] = id
        names[id] = name
    }

    mutating func forget(_ name: String) {
        if let id = ids.removeValue(forKey: name) { names[id] = nil }
    }

    func component(for id: String) -> String? { names[id] }

    mutating func recordOom(_ id: String) { oomKilled.insert(id) }

    func sawOom(_ id: String) -> Bool { oomKilled.contains(id) }
}
