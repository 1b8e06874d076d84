// Messages of the streaming endpoints.

/// One message of `GET /events`.
public struct EngineEvent: Codable, Sendable, Equatable {
    /// `container`, `image`, `network`, `service`, ...
    public var `Type`: String
    /// `create`, `start`, `die`, `health_status: healthy`, `destroy`, ...
    public var Action: String
    public var Actor: EventActor
    /// `local` or `swarm`.
    public var scope: String?
    /// Seconds since the epoch.
    public var time: Int64?
    /// Nanoseconds since the epoch; resume a stream from here with `since`.
    public var timeNano: Int64?

    public init(Type: String, Action: String, Actor: EventActor, scope: String? = nil, time: Int64? = nil, timeNano: Int64? = nil) {
        self.Type = Type
        self.Action = Action
        self.Actor = Actor
        self.scope = scope
        self.time = time
        self.timeNano = timeNano
    }

    public struct EventActor: Codable, Sendable, Equatable {
        /// The container, image or service ID.
        public var ID: String
        /// For containers: its labels, `name`, `image`, and `exitCode` on `die`.
        public var Attributes: [String: String]?

        public init(ID: String, Attributes: [String: String]? = nil) {
            self.ID = ID
            self.Attributes = Attributes
        }
    }
}

/// One progress message of `POST /images/create`.
public struct PullMessage: Codable, Sendable, Equatable {
    /// `Pulling fs layer`, `Downloading`, `Pull complete`, `Status: Downloaded newer image for ...`.
    public var status: String?
    /// The layer, for per-layer messages.
    public var id: String?
    /// A ready-made progress bar.
    public var progress: String?
    public var progressDetail: ProgressDetail?
    /// Set when the pull failed mid-stream; `PullProgress` throws it.
    public var error: String?
    public var errorDetail: ErrorDetail?

    public init(status: String? = nil, id: String? = nil, progress: String? = nil, error: String? = nil) {
        self.status = status
        self.id = id
        self.progress = progress
        self.error = error
    }

    public struct ProgressDetail: Codable, Sendable, Equatable {
        public var current: Int64?
        public var total: Int64?
    }

    public struct ErrorDetail: Codable, Sendable, Equatable {
        public var code: Int?
        public var message: String?
    }
}

/// One line a container wrote.
public struct LogLine: Sendable, Equatable {
    public enum Stream: Sendable, Equatable {
        case stdout
        case stderr
    }

    public var stream: Stream
    /// Without the line break.
    public var text: String

    public init(stream: Stream, text: String) {
        self.stream = stream
        self.text = text
    }
}
