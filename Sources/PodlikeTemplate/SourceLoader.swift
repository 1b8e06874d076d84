import AsyncHTTPClient
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NIOCore
import Podlike
import NIOSSL

/// Fetches a template over HTTP(S); a protocol so tests can serve templates
/// without a network.
public protocol TemplateFetcher: Sendable {
    /// The body of a 200 response; anything else throws.
    func fetch(url: String, insecure: Bool) async throws -> String
}

/// The fetcher the command uses: one AsyncHTTPClient request per template,
/// the client shut down whichever way the request ends.
public struct HTTPTemplateFetcher: TemplateFetcher {
    public static let maximumBytes = 4 << 20
    public init() {}

    public func fetch(url: String, insecure: Bool) async throws -> String {
        var configuration = HTTPClient.Configuration()
        if insecure {
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.certificateVerification = .none
            configuration.tlsConfiguration = tls
        }
        configuration.redirectConfiguration = .follow(max: 10, allowCycles: false)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            let response = try await client.execute(HTTPClientRequest(url: url), timeout: .seconds(30))
            guard response.status == .ok else { throw TemplateFailure("HTTP \(response.status.code)") }
            let body = try await response.body.collect(upTo: Self.maximumBytes)
            try await client.shutdown()
            return String(buffer: body)
        } catch {
            try? await client.shutdown()
            throw error
        }
    }
}

/// A template's text and the name its errors use.
public struct LoadedTemplate: Sendable, Equatable {
    public let name: String
    public let text: String
}

/// Reads a source's text: a file relative to the stack file's folder, the
/// inline text, or an HTTP response, trying the fallback when a file can't be
/// read or a request fails, as the original did.
public struct SourceLoader: Sendable {
    public let workingDirectory: String
    public let fetcher: any TemplateFetcher

    public init(workingDirectory: String, fetcher: any TemplateFetcher = HTTPTemplateFetcher()) {
        self.workingDirectory = workingDirectory
        self.fetcher = fetcher
    }

    public func load(_ source: TemplateSource) async throws(TemplateFailure) -> LoadedTemplate {
        switch source {
        case .inline(let text):
            return LoadedTemplate(name: source.templateName, text: text)
        case .file(let path, let fallback):
            let full = path.hasPrefix("/") ? path : LexicalPath.joining(workingDirectory, path)
            do {
                // A regular file of at most 1 MiB, as every file podlike reads.
                return LoadedTemplate(name: source.templateName, text: try TextFile.read(full))
            } catch {
                if let fallback { return try await load(fallback) }
                throw TemplateFailure("can't read the template \(source.label): \(error); fix the path (relative to the stack file's folder) or add a `fallback`")
            }
        case .http(let url, let insecure, let fallback):
            do {
                let text = try await fetcher.fetch(url: url, insecure: insecure)
                return LoadedTemplate(name: source.templateName, text: text)
            } catch {
                if let fallback { return try await load(fallback) }
                throw TemplateFailure("can't fetch the template \(source.label): \(Self.reason(error)); check the URL or add a `fallback`")
            }
        }
    }

    static func reason(_ error: any Error) -> String {
        if let failure = error as? TemplateFailure { return failure.message }
        return String(describing: error)
    }
}
