import Podlike

/// Compose keys a pod can't honour, each with the reason and what to do instead.
enum UnsupportedSettings {
    private static let network = "the network namespace is the pod's, shared by every component"
    private static let setByPod = "set by the pod for every component"

    static let all: [UnsupportedSetting] = [
        UnsupportedSetting("build", because: "a pod can't build images; build and push the image first, then name it with \"image\""),
        UnsupportedSetting("cgroup_parent", because: "\(setByPod): components nest under the controller's cgroup, or sit beside it and share its limits where the host can't nest them"),
        UnsupportedSetting("container_name", because: "\(setByPod): components are named <controller>.podlike.<component>"),
        UnsupportedSetting("dns", because: "\(network); set \"dns\" on the Swarm service instead"),
        UnsupportedSetting("dns_opt", because: "\(network); set \"dns_opt\" on the Swarm service instead"),
        UnsupportedSetting("dns_search", because: "\(network); set \"dns_search\" on the Swarm service instead"),
        UnsupportedSetting("domainname", because: "\(network); set the hostname and domain on the Swarm service instead"),
        UnsupportedSetting("expose", because: "\(network); components reach each other on localhost, and ports are published on the Swarm service"),
        UnsupportedSetting("extends", because: "a component is a single mapping; write out the settings it would inherit"),
        UnsupportedSetting("external_links", because: "\(network); attach the Swarm service to the other service's network instead"),
        UnsupportedSetting("extra_hosts", because: "\(network); set \"extra_hosts\" on the Swarm service instead"),
        UnsupportedSetting("hostname", because: "\(network); set \"hostname\" on the Swarm service instead"),
        UnsupportedSetting("ipc", because: "\(setByPod): components share the pod's IPC namespace (see --no-ipc)"),
        UnsupportedSetting("links", because: "\(network); components reach each other on localhost"),
        UnsupportedSetting("mac_address", because: "\(network); it has the controller's MAC address"),
        UnsupportedSetting("network_mode", because: "\(network); set networks on the Swarm service instead"),
        UnsupportedSetting("networks", because: "\(network); attach the Swarm service to networks instead"),
        UnsupportedSetting("pid", because: "\(setByPod): components share the controller's PID namespace (see --no-pids)"),
        UnsupportedSetting("ports", because: "\(network); publish ports on the Swarm service instead"),
        UnsupportedSetting("scale", because: "a pod runs one of each component; scale the Swarm service's replicas instead"),
        UnsupportedSetting("volumes_from", because: "\(setByPod): components share the controller's volumes (see --no-volumes)"),
    ]
}
