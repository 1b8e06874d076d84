import Foundation

/// Plain HTTP requests for the e2e tests, through python3's urllib (which the
/// fault proxy needs anyway), so no HTTP client is required on the host.
enum HTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String

        func header(_ name: String) -> String? {
            headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
    }

    struct Unreachable: Error, CustomStringConvertible {
        var url: String
        var reason: String
        var description: String { "\(url): \(reason)" }
    }

    static let script = """
        import base64, json, sys, urllib.error, urllib.request
        url, method, user = sys.argv[1], sys.argv[2], sys.argv[3]
        request = urllib.request.Request(url, method=method, data=b"" if method == "POST" else None)
        if user:
            request.add_header("Authorization", "Basic " + base64.b64encode(user.encode()).decode())
        try:
            response = urllib.request.urlopen(request, timeout=10)
        except urllib.error.HTTPError as error:
            response = error
        except Exception as error:
            print(error, file=sys.stderr)
            sys.exit(1)
        body = response.read().decode("utf-8", "replace")
        print(json.dumps({"status": response.status, "headers": dict(response.headers.items()), "body": body}))
        """

    static func request(_ url: String, method: String = "GET", user: String? = nil) throws -> Response {
        let output = try EndToEnd.run(["python3", "-c", script, url, method, user ?? ""])
        guard output.status == 0 else { throw Unreachable(url: url, reason: output.stderr.trimmingCharacters(in: .whitespacesAndNewlines)) }
        struct Decoded: Decodable { var status: Int; var headers: [String: String]; var body: String }
        let decoded = try JSONDecoder().decode(Decoded.self, from: Data(output.stdout.utf8))
        return Response(status: decoded.status, headers: decoded.headers, body: decoded.body)
    }

    static func get(_ url: String, user: String? = nil) throws -> Response {
        try request(url, user: user)
    }
}
