#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What `podlike render` prints: each component's create body, init components first.
public struct RenderDocument: Encodable, Sendable {
    public struct Component: Encodable, Sendable {
        public var name: String
        public var `init`: Bool
        public var request: CreateContainerRequest
    }

    public var components: [Component]

    public init(plan: PodPlan) {
        components = plan.components.map { Component(name: $0.name, init: $0.isInit, request: $0.spec.request) }
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
