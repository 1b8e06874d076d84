@testable import Podlike
import Testing

/// Which hosts let components nest under the controller's cgroup, and where they
/// go on the others.
struct CgroupPlacementTests {
    static let id = String(repeating: "c", count: 64)

    func placement(version: String?, driver: String?, parent: String? = nil, selfCgroup: String? = nil) -> CgroupPlacement {
        let controller = ContainerInspect(
            Id: Self.id, Name: "/pod", State: .init(Status: "running", Running: true), HostConfig: .init(CgroupParent: parent))
        let info = EngineInfo(ID: "engine", Name: "node", CgroupVersion: version, CgroupDriver: driver)
        return ControllerDiscovery.placement(for: controller, info: info, selfCgroup: selfCgroup)
    }

    @Test("cgroup v1 with cgroupfs: components nest under the controller's own cgroup, as the kernel shows it")
    func v1Cgroupfs() {
        #expect(placement(version: "1", driver: "cgroupfs") == .nested(parent: "/docker/\(Self.id)"))
        #expect(placement(version: "1", driver: "cgroupfs", parent: "/pods") == .nested(parent: "/pods/\(Self.id)"))
        #expect(placement(version: "1", driver: "cgroupfs", selfCgroup: "4:memory:/ci/docker/\(Self.id)\n")
            == .nested(parent: "/ci/docker/\(Self.id)"))
        // Engines too old to say assume the cgroupfs driver on cgroup v1.
        #expect(placement(version: nil, driver: nil) == .nested(parent: "/docker/\(Self.id)"))
    }

    @Test("cgroup v2 with either driver, and the systemd driver on v1: beside the controller, in its parent, with the limits divided",
          arguments: [("2", "systemd"), ("2", "cgroupfs"), ("1", "systemd")])
    func beside(version: String, driver: String) {
        #expect(placement(version: version, driver: driver) == .siblings(parent: nil))
        #expect(placement(version: version, driver: driver).limitMode == .distributed)
        #expect(placement(version: version, driver: driver, parent: "pods.slice") == .siblings(parent: "pods.slice"))
    }
}
