import Podlike
import Testing

struct PodFailureTests {
    struct Boom: Error, CustomStringConvertible {
        var description: String { "engine: start container \"web.podlike.app\" failed (500): boom" }
    }

    @Test("a failure names the component and the key, then says what happened and the error behind it")
    func description() {
        #expect("\(PodFailure(.start, component: "app", "could not start", underlying: Boom()))"
            == #"component "app": could not start: engine: start container "web.podlike.app" failed (500): boom"#)
        #expect("\(PodFailure(.copy, component: "app", key: "pod.copy", #""/x" does not exist"#))" == #"component "app", pod.copy: "/x" does not exist"#)
        #expect("\(PodFailure(.copy, key: "pod.copy", "can't read"))" == "pod.copy: can't read")
        #expect("\(PodFailure(.eventStream, "lost the engine's event stream"))" == "lost the engine's event stream")
    }

    @Test("every code exits 125, docker run's code for podlike's or the engine's failure, and the outcome carries it")
    func exitCodes() {
        let codes: [PodFailure.Code] = [.invalidInput, .image, .copy, .create, .start, .eventStream, .engine]
        #expect(codes.allSatisfy { $0.exitCode == 125 })
        let outcome = PodOutcome.failed(PodFailure(.create, component: "app", "the engine could not create it"))
        #expect(outcome.exitCode == 125)
        #expect(outcome.reason == #"component "app": the engine could not create it"#)
    }

    @Test("any other error of the run is the engine's failure; a pod failure stays itself")
    func wrapping() {
        let wrapped = PodFailure(Boom())
        #expect(wrapped.code == .engine)
        #expect(wrapped.underlying is Boom)
        #expect(PodFailure(PodFailure(.image, component: "app", "pulling failed") as any Error).code == .image)
    }
}
