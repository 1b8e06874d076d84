import Foundation
import Testing

extension EndToEndSuites {
    /// `pod.copy.NAME` on a real engine: files of the controller (here from a volume
    /// only the controller mounts) reach the component before it starts.
    @Suite(.serialized, .enabled(if: EndToEnd.engineAvailable, "needs a Docker engine"))
    struct CopyEndToEndTests {
        /// A file, and a folder holding an executable script, a private file and a
        /// subfolder.
        static let sources = """
            echo copied file > /shared/single.txt
            mkdir -p /shared/conf/sub
            printf "#!/bin/sh\\necho script ran\\n" > /shared/conf/run.sh && chmod 755 /shared/conf/run.sh
            echo private > /shared/conf/sub/secret.txt && chmod 600 /shared/conf/sub/secret.txt
            """

        @Test("e2e: pod.copy copies a file and a folder into the component before it starts, keeping modes")
        func copies() throws {
            let volume = try SharedVolume(populate: Self.sources)
            defer { volume.remove() }
            let pod = try ControllerRun.start("copy", labels: [
                // Reads everything as soon as it starts: the copies are there already.
                "pod.container.app": busybox("""
                    cat /etc/app/single.txt; /opt/conf/run.sh; cat /opt/conf/sub/secret.txt; \
                    stat -c "%a %n" /opt/conf/run.sh /opt/conf/sub/secret.txt /etc/app/single.txt; \
                    if [ -e /src ]; then echo source-visible; fi
                    """),
                "pod.copy.app": "[/src/single.txt:/etc/app/, /src/conf:/opt/conf]",
            ], arguments: ["--logs", "--no-volumes"], dockerArguments: volume.mount(at: "/src", readOnly: true))
            defer { pod.remove() }
            #expect(try pod.exitCode() == 0)
            let lines = forwardedLines(of: "app", in: try pod.stdout())
            #expect(lines == [
                "copied file", "script ran", "private",
                "755 /opt/conf/run.sh", "600 /opt/conf/sub/secret.txt", "644 /etc/app/single.txt",
            ], "\(lines)")
            try pod.expectNothingLeft()
        }

        @Test("e2e: a missing pod.copy source fails with 125 and a clear message, and leaves nothing")
        func missingSource() throws {
            let pod = try ControllerRun.start("copymissing", labels: [
                "pod.container.app": busybox("echo app ran; sleep 30"),
                "pod.container.other": busybox("sleep 30"),
                "pod.copy.app": "/run/secrets/not-mounted:/etc/app/secret",
            ], arguments: ["--logs"])
            defer { pod.remove() }
            #expect(try pod.exitCode() == 125)
            let logs = try pod.logs()
            #expect(logs.contains(#"component "app", pod.copy: "/run/secrets/not-mounted" does not exist in the controller"#), "\(logs)")
            #expect(!logs.contains("app ran"))
            let events = try pod.events()
            // The sources are read before anything is created.
            #expect(!events.contains { $0.action == "create" }, "\(events)")
            try pod.expectNothingLeft()
        }
    }
}
