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
    /// socket when the controller has no volumes at all, exactly as the
    /// original did, so a stack renders the same. When it has volumes and none
    /// mounts the socket, the original added nothing and neither does this; the
    /// warning returned says that such a controller can't reach the engine.
    static func fillIn(_ definition: inout StackMap) -> String? {
        if definition["image"] == nil { definition["image"] = .string(controllerImage) }
        guard let volumes = definition["volumes"] else {
            definition["volumes"] = .list([.string(socketVolume)])
            return nil
        }
        let mountsSocket = (volumes.listValue ?? []).contains { volume in
            volume.stringValue?.split(separator: ":").dropFirst().first == "/var/run/docker.sock"
                || volume.mapValue?["target"]?.stringValue == "/var/run/docker.sock"
        }
        return mountsSocket ? nil : """
            it has volumes but none mounts the engine socket, so, as with the original podlike, none is added \
            and the controller can't reach the engine; add "\(socketVolume)" to its volumes (in the pod template or the service)
            """
    }
}
