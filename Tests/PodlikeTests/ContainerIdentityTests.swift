import Podlike
import Testing

struct ContainerIdentityTests {
    let id = "c4079e42c60be20a9d1744480d698d68e27abd01df045b4941d9404a4b388767"

    @Test("cgroup v1: the ID comes from mountinfo and from /proc/self/cgroup")
    func cgroupV1() {
        let identity = ContainerIdentity(
            mountinfo: "94 76 254:0 /var/lib/docker/containers/\(id)/hostname /etc/hostname rw,relatime - ext4 /dev/vda rw",
            cgroup: "9:name=systemd:/docker/\(id)\n8:pids:/docker/\(id)",
            hostname: "c4079e42c60b\n")
        #expect(identity.candidates == [id, "c4079e42c60b"])
    }

    @Test("cgroup v2 with a private cgroup namespace: mountinfo still names the container")
    func cgroupV2() {
        let identity = ContainerIdentity(
            mountinfo: "541 520 0:30 /var/lib/docker/containers/\(id)/resolv.conf /etc/resolv.conf rw - ext4 /dev/sda1 rw",
            cgroup: "0::/", hostname: "myhost")
        #expect(identity.candidates == [id])
    }

    @Test("the systemd cgroup driver's scope names are understood")
    func systemdScope() {
        let identity = ContainerIdentity(mountinfo: nil, cgroup: "0::/system.slice/docker-\(id).scope", hostname: nil)
        #expect(identity.candidates == [id])
    }

    @Test("outside a container there are no candidates, even where the host mounts containers' folders")
    func outside() {
        let hostMounts = "42 27 254:0 /var/lib/docker /var/lib/docker rw - ext4 /dev/vda rw\n" +
            "310 42 0:52 / /var/lib/docker/containers/\(id)/mounts/shm rw - tmpfs shm rw"
        let identity = ContainerIdentity(mountinfo: hostMounts, cgroup: "9:name=systemd:/", hostname: "build-host")
        #expect(identity.candidates.isEmpty)
    }
}
