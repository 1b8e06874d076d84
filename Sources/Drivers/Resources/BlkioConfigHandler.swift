import Podlike
import PodlikeYAML

/// `blkio_config` → the block I/O fields of `HostConfig`:
/// `weight: 300` → `BlkioWeight`; `weight_device: [{path, weight}]` →
/// `BlkioWeightDevice`; `device_read_bps` / `device_write_bps: [{path, rate}]` with
/// byte-size rates → `BlkioDeviceReadBps` / `BlkioDeviceWriteBps`;
/// `device_read_iops` / `device_write_iops: [{path, rate}]` with operations per
/// second → `BlkioDeviceReadIOps` / `BlkioDeviceWriteIOps`.
struct BlkioConfigHandler: SettingHandler {
    static let weights: ClosedRange<Int64> = 10...1000

    let descriptor = SettingDescriptor(
        key: "blkio_config",
        summary: "block I/O weights and per-device read/write limits",
        examples: [
            SettingExample("blkio_config: {weight: 300}", .request(#"{"HostConfig": {"BlkioWeight": 300}}"#)),
            SettingExample(
                "blkio_config: {weight_device: [{path: /dev/sda, weight: 400}]}",
                .request(#"{"HostConfig": {"BlkioWeightDevice": [{"Path": "/dev/sda", "Weight": 400}]}}"#)),
            SettingExample(
                "blkio_config: {device_read_bps: [{path: /dev/sda, rate: 12mb}], device_write_bps: [{path: /dev/sda, rate: 1048576}]}",
                .request(#"{"HostConfig": {"BlkioDeviceReadBps": [{"Path": "/dev/sda", "Rate": 12582912}], "BlkioDeviceWriteBps": [{"Path": "/dev/sda", "Rate": 1048576}]}}"#)),
            SettingExample(
                "blkio_config: {device_read_iops: [{path: /dev/sda, rate: 120}], device_write_iops: [{path: /dev/sdb, rate: 30}]}",
                .request(#"{"HostConfig": {"BlkioDeviceReadIOps": [{"Path": "/dev/sda", "Rate": 120}], "BlkioDeviceWriteIOps": [{"Path": "/dev/sdb", "Rate": 30}]}}"#)),
            SettingExample("blkio_config: {weight: 5}", .error("expected a weight from 10 to 1000, got 5")),
            SettingExample("blkio_config: {weight_device: [{path: /dev/sda, weight: 2000}]}", .error("expected a weight from 10 to 1000, got 2000")),
            SettingExample("blkio_config: {device_read_bps: [{path: /dev/sda, rate: fast}]}", .error(#"expected a byte size like "512m", "1.5g" or a number of bytes, got "fast""#)),
            SettingExample("blkio_config: {device_write_iops: [{path: /dev/sda, rate: 1k}]}", .error(#"expected a number of operations per second like 100, got "1k""#)),
            SettingExample("blkio_config: {device_read_bps: [{path: sda, rate: 1m}]}", .error(#"expected a device path like "/dev/sda", got "sda""#)),
            SettingExample("blkio_config: {device_read_bps: [{path: /dev/sda}]}", .error(#"a device_read_bps entry needs "rate", like {path: /dev/sda, rate: 10mb}"#)),
            SettingExample("blkio_config: {device_read_bps: /dev/sda:1mb}", .error(#"expected a list of {path: /dev/sda, rate: 10mb}, got "/dev/sda:1mb""#)),
            SettingExample("blkio_config: {weight_device: [/dev/sda]}", .error(#"expected a mapping like {path: /dev/sda, weight: 500}, got "/dev/sda""#)),
            SettingExample("blkio_config: {device_read_bsp: []}", .error(#"unknown key "device_read_bsp" in blkio_config; did you mean "device_read_bps"?"#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        let config = try value.fields(
            of: "blkio_config",
            allowed: ["weight", "weight_device", "device_read_bps", "device_write_bps", "device_read_iops", "device_write_iops"],
            expected: "a mapping like {weight: 300}")
        var host = spec.request.HostConfig
        if let weight = config["weight"] {
            host.BlkioWeight = Int(try weight.integer(expected: "a weight", in: Self.weights))
        }
        if let list = config["weight_device"] {
            host.BlkioWeightDevice = try deviceEntries(list, of: "weight_device", field: "weight", like: "{path: /dev/sda, weight: 500}") { (path, node) throws(SettingProblem) in
                WeightDevice(Path: path, Weight: Int(try node.integer(expected: "a weight", in: Self.weights)))
            }
        }
        if let list = config["device_read_bps"] {
            host.BlkioDeviceReadBps = try bytesPerSecond(list, of: "device_read_bps")
        }
        if let list = config["device_write_bps"] {
            host.BlkioDeviceWriteBps = try bytesPerSecond(list, of: "device_write_bps")
        }
        if let list = config["device_read_iops"] {
            host.BlkioDeviceReadIOps = try operationsPerSecond(list, of: "device_read_iops")
        }
        if let list = config["device_write_iops"] {
            host.BlkioDeviceWriteIOps = try operationsPerSecond(list, of: "device_write_iops")
        }
        spec.request.HostConfig = host
    }

    private func bytesPerSecond(_ list: Node, of key: String) throws(SettingProblem) -> [ThrottleDevice] {
        try deviceEntries(list, of: key, field: "rate", like: "{path: /dev/sda, rate: 10mb}") { (path, node) throws(SettingProblem) in
            ThrottleDevice(Path: path, Rate: try ByteSize.parse(node))
        }
    }

    private func operationsPerSecond(_ list: Node, of key: String) throws(SettingProblem) -> [ThrottleDevice] {
        try deviceEntries(list, of: key, field: "rate", like: "{path: /dev/sda, rate: 100}") { (path, node) throws(SettingProblem) in
            ThrottleDevice(Path: path, Rate: try node.integer(expected: "a number of operations per second like 100") { $0 >= 0 })
        }
    }

    /// A list of `{path, <field>}` mappings, each made into an API entry by `make`
    /// from its device path and its `field` node.
    private func deviceEntries<Entry>(
        _ list: Node, of key: String, field: String, like example: String,
        make: (String, Node) throws(SettingProblem) -> Entry
    ) throws(SettingProblem) -> [Entry] {
        guard case .sequence(let items) = list else { throw SettingProblem.expected("a list of \(example)", got: list) }
        return try items.map { (item) throws(SettingProblem) in
            let entry = try item.fields(of: "a \(key) entry", allowed: ["path", field], expected: "a mapping like \(example)")
            let pathNode = try entry.required("path", like: example)
            let path = try pathNode.nonEmptyText(expected: #"a device path like "/dev/sda""#)
            guard path.hasPrefix("/") else { throw SettingProblem.expected(#"a device path like "/dev/sda""#, got: pathNode) }
            return try make(path, try entry.required(field, like: example))
        }
    }
}
