import Podlike
import PodlikeFlags
import Testing

struct LegacyFlagSpellingTests {
    @Test("the original tool's Go-style flags keep working", arguments: [
        (["-logs"], ["--logs"]),
        (["-pids=false"], ["--no-pids"]),
        (["-pids=true"], ["--pids"]),
        (["-volumes=true", "-ipc=false"], ["--volumes", "--no-ipc"]),
        (["--volumes=false"], ["--no-volumes"]),
        (["-pull"], ["--pull"]),
        (["-logs=false"], []),
        (["--no-pids", "--logs"], ["--no-pids", "--logs"]),
        (["render", "--labels", "f.yml"], ["render", "--labels", "f.yml"]),
        (["--", "-logs"], ["--", "-logs"]),
    ])
    func rewrites(_ input: [String], _ expected: [String]) throws {
        #expect(try LegacyFlagSpelling.normalize(input) == expected)
    }

    @Test("a flag value that is not a boolean is an error")
    func badValue() {
        #expect(throws: LegacyFlagSpelling.InvalidValue.self) {
            try LegacyFlagSpelling.normalize(["-pids=maybe"])
        }
    }
}
