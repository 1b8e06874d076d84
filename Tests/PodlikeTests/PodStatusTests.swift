import Drivers
import Podlike
import Testing

struct PodStatusTests {
    /// A board with these components registered, none of them created yet.
    func board(_ names: [String] = ["app"], inits: [String] = [], jobs: [String] = []) async -> PodStatusBoard {
        let board = PodStatusBoard()
        for name in inits { await board.register(component: name, isInit: true) }
        for name in names { await board.register(component: name, isInit: false, isJob: jobs.contains(name)) }
        return board
    }

    func run(_ name: String, on board: PodStatusBoard, hasHealthcheck: Bool = false) async {
        await board.created(name, id: "id-\(name)")
        await board.started(name, hasHealthcheck: hasHealthcheck)
    }

    @Test("a pod with no component running yet is starting")
    func nothingRunning() async {
        let board = await board(["app", "db"])
        #expect(await board.snapshot().health == .starting)
        await board.created("app", id: "a")
        #expect(await board.snapshot().health == .starting)
    }

    @Test("a pod with no components at all is starting, never healthy")
    func empty() async {
        #expect(await PodStatusBoard().snapshot().health == .starting)
    }

    @Test("a running component without a healthcheck counts as healthy")
    func noHealthcheckIsHealthy() async {
        let board = await board()
        await run("app", on: board)
        let status = await board.snapshot()
        #expect(status.health == .healthy)
        #expect(status.components.first?.health == ComponentHealth.none)
    }

    @Test("a healthcheck keeps its component starting until the engine reports healthy")
    func healthcheckStarts() async {
        let board = await board()
        await run("app", on: board, hasHealthcheck: true)
        #expect(await board.snapshot().health == .starting)
        await board.health("app", "healthy")
        #expect(await board.snapshot().health == .healthy)
        await board.health("app", "unhealthy")
        #expect(await board.snapshot().health == .unhealthy)
    }

    @Test(
        "the pod's health is the worst of its running components': unhealthy < starting < healthy",
        arguments: [
            (["healthy", "healthy"], PodHealth.healthy),
            (["healthy", "none"], .healthy),
            (["healthy", "starting"], .starting),
            (["starting", "unhealthy"], .unhealthy),
            (["none", "unhealthy", "healthy"], .unhealthy),
        ])
    func worstWins(_ healths: [String], expected: PodHealth) async {
        let names = healths.indices.map { "c\($0)" }
        let board = await board(names)
        for (name, health) in zip(names, healths) {
            await run(name, on: board, hasHealthcheck: health != "none")
            if health != "none" { await board.health(name, health) }
        }
        #expect(await board.snapshot().health == expected)
    }

    @Test("one component still waiting keeps a pod of healthy components starting")
    func waitingHoldsBack() async {
        let board = await board(["app", "sidecar"])
        await run("app", on: board)
        let status = await board.snapshot()
        #expect(status.health == .starting)
        #expect(status.componentsNotHealthy.map(\.name) == ["sidecar"])
    }

    @Test("init components that finished with 0 are ignored; while one runs the pod is starting")
    func initComponents() async {
        let board = await board(["app"], inits: ["prepare"])
        await run("prepare", on: board)
        #expect(await board.snapshot().health == .starting)
        await board.exited("prepare", code: 0)
        await run("app", on: board)
        let status = await board.snapshot()
        #expect(status.health == .healthy)
        #expect(status.componentsNotHealthy.isEmpty)
    }

    @Test("an init component that failed makes the pod unhealthy")
    func failedInit() async {
        let board = await board(["app"], inits: ["prepare"])
        await run("prepare", on: board)
        await board.exited("prepare", code: 2)
        #expect(await board.snapshot().health == .unhealthy)
    }

    @Test("a job that exited 0 is ignored; a job that failed makes the pod unhealthy", arguments: [(Int32(0), PodHealth.healthy), (3, .unhealthy)])
    func jobs(code: Int32, expected: PodHealth) async {
        let board = await board(["app", "migrate"], jobs: ["migrate"])
        await run("migrate", on: board)
        await board.exited("migrate", code: code)
        await run("app", on: board)
        #expect(await board.snapshot().health == expected)
    }

    @Test("a regular component that exited makes the pod unhealthy, even with code 0", arguments: [Int32(0), 1, 137])
    func regularExit(code: Int32) async {
        let board = await board(["app", "sidecar"])
        await run("app", on: board)
        await run("sidecar", on: board)
        await board.exited("sidecar", code: code)
        let status = await board.snapshot()
        #expect(status.health == .unhealthy)
        #expect(status.componentsNotHealthy.map(\.name) == ["sidecar"])
    }

    @Test("a restart counts, keeps the last exit code, and leaves the component starting until it runs again")
    func restart() async throws {
        let board = await board()
        await run("app", on: board, hasHealthcheck: true)
        await board.health("app", "healthy")
        await board.exited("app", code: 1)
        await board.restarted("app")
        var app = try #require(await board.snapshot().components.first)
        #expect(app.state == .restarting && app.restarts == 1 && app.exitCode == 1)
        #expect(await board.snapshot().health == .starting)

        await board.created("app", id: "second")
        await board.started("app", hasHealthcheck: true)
        app = try #require(await board.snapshot().components.first)
        #expect(app.containerID == "second" && app.state == .running && app.health == .starting && app.exitCode == 1)
        await board.exited("app", code: 1)
        await board.restarted("app")
        #expect(await board.snapshot().components.first?.restarts == 2)
    }

    @Test("health takes the engine's value with or without the event's prefix, and ignores anything else")
    func healthSpellings() async {
        let board = await board()
        await run("app", on: board, hasHealthcheck: true)
        await board.health("app", "health_status: healthy")
        #expect(await board.snapshot().components.first?.health == .healthy)
        await board.health("app", "sick")
        #expect(await board.snapshot().components.first?.health == .healthy)
        await board.health("app", "health_status: unhealthy")
        #expect(await board.snapshot().components.first?.health == .unhealthy)
    }

    @Test("the scheduler's events update the board as the named calls do")
    func schedulerEvents() async {
        let board = await board()
        await board.created("app", id: "a")
        await board.record(.started("app", hasHealthcheck: true))
        #expect(await board.snapshot().health == .starting)
        await board.record(.healthy("app"))
        #expect(await board.snapshot().health == .healthy)
        await board.record(.unhealthy("app"))
        #expect(await board.snapshot().health == .unhealthy)
        await board.record(.exited("app", code: 4))
        #expect(await board.snapshot().components.first?.exitCode == 4)
    }

    @Test("calls about components the board doesn't know, like the IPC holder, change nothing")
    func unknownNames() async {
        let board = await board()
        await run("app", on: board)
        let before = await board.snapshot()
        await board.created("IPC holder", id: "h")
        await board.started("IPC holder")
        await board.exited("IPC holder", code: 1)
        await board.restarted("IPC holder")
        #expect(await board.snapshot() == before)
    }

    @Test("a board made from the plan lists init components first and marks jobs")
    func fromPlan() async throws {
        let labels = [
            "pod.init.components": "- image: busybox\n",
            "pod.component.app": "image: busybox\ndepends_on:\n  migrate:\n    condition: service_completed_successfully\n",
            "pod.component.migrate": "image: busybox\n",
        ]
        let plan = try PodPlanner(driver: ComponentDriver(registry: try BuiltinSettings.registry(), context: SettingContext(baseDirectory: "/", processEnvironment: [:])))
            .plan(labels: labels) { _ in "" }
        let components = await PodStatusBoard(plan: plan).snapshot().components
        #expect(components.map(\.isInit) == [true, false, false])
        #expect(components.dropFirst().map(\.name) == ["app", "migrate"])
        #expect(components.map(\.isJob) == [false, false, true])
        #expect(components.allSatisfy { $0.state == .waiting })
    }

    @Test("JSON round-trips the status, with the pod's health and every field")
    func json() async throws {
        let board = await board(["app"], inits: ["prepare"])
        await run("prepare", on: board)
        await board.exited("prepare", code: 0)
        await run("app", on: board, hasHealthcheck: true)
        let status = await board.snapshot()
        let text = String(decoding: try status.json(), as: UTF8.self)
        #expect(text.contains("\"health\":\"starting\""))
        #expect(text.contains("\"containerID\":\"id-app\""))
        #expect(try PodStatus(json: try status.json(pretty: true)) == status)
    }

    @Test("the health report names what holds the pod back")
    func healthReport() async {
        let board = await board(["app", "db", "worker"])
        await run("app", on: board, hasHealthcheck: true)
        await run("worker", on: board)
        await board.exited("worker", code: 3)
        await board.restarted("worker")
        #expect(await board.snapshot().healthReport == """
            pod is starting
              app: running, health starting
              db: waiting
              worker: restarting, exit code 3, 1 restart
            """)
        let healthy = await self.board()
        await run("app", on: healthy)
        #expect(await healthy.snapshot().healthReport == "pod is healthy: 1 of 1 components running")
    }

    @Test("the status table shows 12-character container IDs, state, health, restarts and exit code")
    func table() async {
        let board = await board(["app", "migrate"], inits: ["prepare"], jobs: ["migrate"])
        await board.created("prepare", id: String(repeating: "a", count: 64))
        await board.started("prepare")
        await board.exited("prepare", code: 0)
        await board.created("app", id: "0123456789abcdef")
        await board.started("app", hasHealthcheck: true)
        #expect(await board.snapshot().table == """
            pod: starting
            COMPONENT       CONTAINER     STATE    HEALTH    RESTARTS  EXIT CODE
            prepare (init)  aaaaaaaaaaaa  exited   none      0         0
            app             0123456789ab  running  starting  0         -
            migrate (job)   -             waiting  none      0         -
            """)
    }
}
