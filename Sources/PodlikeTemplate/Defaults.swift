/// The templates and values used when a stack names none, as the original's.
public enum Defaults {
    /// The controller image: what this project's scripts build and its
    /// examples run (`scripts/build-image.sh`, `examples/*/stack.yml`).
    public static let controllerImage = "podlike:dev"

    /// The engine socket every controller needs, read-only.
    static let socketVolume = "/var/run/docker.sock:/var/run/docker.sock:ro"

    /// Used when a service has no `pod` template: the image, component logs
    /// in the service's logs, and the socket.
    static let podTemplate = TemplateSource.inline("""
        pod:
          image: \(controllerImage)
          command: --logs
          volumes:
            - \(socketVolume)
        """)

    /// Used when a service has no `transformer`: a main component named
    /// `app` running the service's image.
    static let transformerTemplate = TemplateSource.inline("""
        app:
          image: {{ .Service.Image }}
        """)

    /// After the controller's templates: the image when none is set, and the
    /// socket. The original added the socket only when there were no volumes
    /// at all; a controller without it can't run, so here it is added
    /// whenever no volume targets it.
    static func fillIn(_ definition: inout StackMap) {
        if definition["image"] == nil { definition["image"] = .string(controllerImage) }
        guard case .list(let volumes) = definition["volumes"] ?? .list([]) else { return }
        let mountsSocket = volumes.contains { volume in
            volume.stringValue?.split(separator: ":").dropFirst().first == "/var/run/docker.sock"
                || volume.mapValue?["target"]?.stringValue == "/var/run/docker.sock"
        }
        if !mountsSocket { definition["volumes"] = .list(volumes + [.string(socketVolume)]) }
    }
}
