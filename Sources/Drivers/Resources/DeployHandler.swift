import Podlike
import PodlikeYAML

/// `deploy.resources`, the Compose-spec form users carry over:
/// `limits: {cpus, memory, pids}` → `NanoCpus`, `Memory`, `PidsLimit`, and
/// `reservations: {memory}` → `MemoryReservation`. A CPU reservation has no
/// container equivalent, so it is skipped with a warning. Every other `deploy`
/// key describes the Swarm service, and the error says where it belongs.
struct DeployHandler: SettingHandler {
    /// The `deploy` keys a pod can't honour, and where each belongs instead.
    static let elsewhere: [String: String] = [
        "endpoint_mode": "set endpoint_mode on the Swarm service; components share its network",
        "labels": "they label the Swarm service; use the component's `labels` key for container labels",
        "mode": "set mode on the Swarm service; a pod runs one of each component",
        "placement": "set placement on the Swarm service; components run on the controller's node",
        "replicas": "set replicas on the Swarm service; a pod runs one of each component",
        "restart_policy": "use the component's `restart` key; restart_policy restarts Swarm tasks, not components",
        "rollback_config": "set rollback_config on the Swarm service; a pod is rolled back as one task",
        "update_config": "set update_config on the Swarm service; a pod is updated as one task",
    ]
    static let deviceReservation = "device reservations (GPUs) can't be passed on by a pod; map the device with the component's `devices` key"
    static let genericResources = "set generic_resources on the Swarm service; its reservations hold for the whole pod"

    let descriptor = SettingDescriptor(
        key: "deploy",
        summary: "deploy.resources limits and reservations; other deploy keys belong on the Swarm service",
        examples: [
            SettingExample(
                "deploy: {resources: {limits: {cpus: '0.5', memory: 512m, pids: 200}}}",
                .request(#"{"HostConfig": {"NanoCpus": 500000000, "Memory": 536870912, "PidsLimit": 200}}"#)),
            SettingExample("deploy: {resources: {reservations: {memory: 128m}}}", .request(#"{"HostConfig": {"MemoryReservation": 134217728}}"#)),
            SettingExample(
                "deploy: {resources: {limits: {cpus: 2}, reservations: {cpus: 0.25}}}",
                .warning("a container has no CPU reservation", request: #"{"HostConfig": {"NanoCpus": 2000000000}}"#)),
            SettingExample("deploy: {resources: {limits: {memory: lots}}}", .error(#"expected a byte size like "512m", "1.5g" or a number of bytes, got "lots""#)),
            SettingExample("deploy: {resources: {limits: {cpu: 1}}}", .error(#"unknown key "cpu" in deploy.resources.limits; did you mean "cpus"?"#)),
            SettingExample("deploy: {resources: {reservations: {devices: [{capabilities: [gpu]}]}}}", .error("device reservations (GPUs) can't be passed on by a pod")),
            SettingExample("deploy: {replicas: 3}", .error("set replicas on the Swarm service")),
            SettingExample("deploy: {restart_policy: {condition: on-failure}}", .error("use the component's `restart` key")),
            SettingExample("deploy: {placement: {constraints: [node.role == worker]}}", .error("set placement on the Swarm service")),
            SettingExample("deploy: {replica: 3}", .error(#"unknown key "replica" in deploy; did you mean "replicas"?"#)),
            SettingExample("deploy: {resources: {limit: {cpus: 1}}}", .error(#"did you mean "limits"?"#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        let deploy = try value.fields(
            of: "deploy", allowed: ["resources"] + Self.elsewhere.keys.sorted(),
            expected: "a mapping like {resources: {limits: {memory: 512m}}}")
        for (key, node) in deploy.entries {
            if let advice = Self.elsewhere[key] { throw SettingProblem("deploy.\(key) doesn't apply to a component: \(advice)", at: node) }
        }
        guard let resourcesNode = deploy["resources"] else { return }
        let resources = try resourcesNode.fields(
            of: "deploy.resources", allowed: ["limits", "reservations"], expected: "a mapping like {limits: {memory: 512m}}")
        if let limits = try resources["limits"]?.fields(
            of: "deploy.resources.limits", allowed: ["cpus", "memory", "pids"], expected: "a mapping like {cpus: '0.5', memory: 512m}") {
            if let cpus = limits["cpus"] { spec.request.HostConfig.NanoCpus = try ResourceAmount.nanoCpus(cpus) }
            if let memory = limits["memory"] { spec.request.HostConfig.Memory = try ByteSize.parse(memory) }
            if let pids = limits["pids"] { spec.request.HostConfig.PidsLimit = try ResourceAmount.pidsLimit(pids) }
        }
        if let reservations = try resources["reservations"]?.fields(
            of: "deploy.resources.reservations", allowed: ["cpus", "memory", "devices", "generic_resources"],
            expected: "a mapping like {memory: 128m}") {
            if let devices = reservations["devices"] { throw SettingProblem(Self.deviceReservation, at: devices) }
            if let generic = reservations["generic_resources"] { throw SettingProblem(Self.genericResources, at: generic) }
            if let memory = reservations["memory"] { spec.request.HostConfig.MemoryReservation = try ByteSize.parse(memory) }
            if let cpus = reservations["cpus"] {
                _ = try ResourceAmount.nanoCpus(cpus)  // a wrong value is still an error, though it is skipped
                spec.warnings.append(
                    "deploy.resources.reservations.cpus skipped: a container has no CPU reservation; "
                        + "use cpu_shares to weight the component against the others")
            }
        }
    }
}
