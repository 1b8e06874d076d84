/// Swarm places a task by the service's reservations alone, so a pod whose
/// components reserve more than the service does may land on a node that can't
/// hold it. Init components run one at a time, before the others. Nothing is said
/// when the service's reservation is unknown (a worker can't read the spec).
enum ReservationCheck {
    static func warnings(for components: [PodPlan.Component], pod: PodContext) -> [String] {
        let reservation = { (component: PodPlan.Component) in
            component.spec.request.HostConfig.MemoryReservation.flatMap { $0 > 0 ? $0 : nil } ?? 0
        }
        let together = components.filter { !$0.isInit }.reduce(Int64(0)) { $0 + reservation($1) }
        let needed = max(together, components.filter(\.isInit).map(reservation).max() ?? 0)
        guard let reserved = pod.memoryReservation, needed > reserved else { return [] }
        let service = reserved > 0 ? "reserves only \(ResourceFormat.bytes(reserved))" : "reserves no memory"
        let megabytes = (needed + (1 << 20) - 1) >> 20
        return [
            "the components reserve \(ResourceFormat.bytes(needed)) of memory, but the service \(service), and Swarm "
                + "places the pod by the service's reservations alone; set deploy.resources.reservations.memory: \(megabytes)M "
                + "on the service (docker service update --reserve-memory \(megabytes)M)"
        ]
    }
}
