/// The handlers a driver may use, looked up by key or alias. Built from one
/// explicit list; a key claimed twice is a programming error reported at build time.
public struct HandlerRegistry: Sendable {
    public struct DuplicateKey: Error, CustomStringConvertible {
        public var key: String
        public var description: String { "two setting handlers claim the key \"\(key)\"" }
    }

    public let handlers: [any SettingHandler]
    public let podHandlers: [any PodSettingHandler]
    /// Rules between settings, run on each component after its handlers.
    public let checks: [any SettingCheck]
    private let byKey: [String: any SettingHandler]

    public init(handlers: [any SettingHandler], podHandlers: [any PodSettingHandler], checks: [any SettingCheck] = []) throws {
        var byKey: [String: any SettingHandler] = [:]
        for handler in handlers {
            for key in [handler.descriptor.key] + handler.descriptor.aliases {
                guard byKey[key] == nil else { throw DuplicateKey(key: key) }
                byKey[key] = handler
            }
        }
        self.handlers = handlers.sorted { $0.descriptor.key < $1.descriptor.key }
        self.podHandlers = podHandlers
        self.checks = checks
        self.byKey = byKey
    }

    public func handler(for key: String) -> (any SettingHandler)? {
        byKey[key]
    }

    public var keys: [String] {
        byKey.keys.sorted()
    }

    /// The closest known key, for "did you mean" on a misspelt one.
    public func suggestion(for key: String) -> String? {
        Suggestion.nearest(to: key, in: keys)
    }
}
