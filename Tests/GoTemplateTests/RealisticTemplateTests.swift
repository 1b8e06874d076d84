import GoTemplate
import Testing

/// End-to-end renders of the kind of templates `podlike template` serves;
/// the expected texts are what Go's text/template produces for them.
@Suite("Realistic Compose-to-Pod templates")
struct RealisticTemplateTests {
    static let labelsTemplate = """
        {{- range $name, $value := .Service.Labels }}
          {{ $name }}: {{ $value | printf "%q" }}
        {{- end }}
        {{ if .Args.sidecar }}sidecar: {{ .Args.sidecar.image | default }}{{ end }}

        """

    static let podTemplate = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: {{ .Service.Name }}
          {{- with .Service.Labels }}
          labels:
            {{- range $k, $v := . }}
            {{ $k }}: {{ $v | printf "%q" }}
            {{- end }}
          {{- end }}
        spec:
          containers:
            - name: {{ .Service.Name }}
              image: {{ .Service.Image }}
              {{- if .Service.Env }}
              env:
                {{- range .Service.Env }}
                - {{ . | printf "%q" }}
                {{- end }}
              {{- end }}
              ports:
                {{- range $i, $p := .Service.Ports }}
                - containerPort: {{ $p }}{{ if eq $i 0 }} # primary{{ end }}
                {{- end }}
        {{- block "sidecar" .Args.sidecar }}
        {{- if . }}
            - name: sidecar
              image: {{ .image | default "envoy:latest" }}
        {{- end }}
        {{- end }}
          replicas: {{ .Service.Replicas | printf "%d" }} # ratio {{ .Service.Ratio }}
          missing: {{ .Service.Missing }}

        """

    @Test("The labels-and-sidecar template renders like Go, with a custom default function")
    func labelsTemplate() throws {
        let template = try Template(name: "pod.yml", text: Self.labelsTemplate, functions: Fixture.functions)
        #expect(try template.execute(Fixture.data)
            == "\n  app: \"web\"\n  empty: \"\"\n  tier: \"front\"\nsidecar: envoy:v1\n")
    }

    @Test("A full pod template renders every section for a rich service")
    func fullPod() throws {
        let template = try Template(name: "pod.yml", text: Self.podTemplate, functions: Fixture.functions)
        let expected = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              labels:
                app: "web"
                empty: ""
                tier: "front"
            spec:
              containers:
                - name: web
                  image: nginx:1.25
                  env:
                    - "A=1"
                    - "B=2"
                  ports:
                    - containerPort: 80 # primary
                    - containerPort: 443
                - name: sidecar
                  image: envoy:v1
              replicas: 3 # ratio 0.5
              missing: <no value>

            """
        #expect(try template.execute(Fixture.data) == expected)
    }

    @Test("The same pod template drops empty sections for a minimal service")
    func minimalPod() throws {
        let template = try Template(name: "pod.yml", text: Self.podTemplate, functions: Fixture.functions)
        let data: TemplateValue = [
            "Service": ["Name": "db", "Image": "postgres", "Labels": [:], "Ports": [5432], "Replicas": 1, "Ratio": 1.0],
            "Args": [:],
        ]
        let expected = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: db
            spec:
              containers:
                - name: db
                  image: postgres
                  ports:
                    - containerPort: 5432 # primary
              replicas: 1 # ratio 1
              missing: <no value>

            """
        #expect(try template.execute(data) == expected)
    }

    @Test("A block can be overridden by parsing a replacement definition")
    func overrideBlock() throws {
        var template = try Template(name: "pod.yml", text: Self.podTemplate, functions: Fixture.functions)
        try template.parse(name: "sidecar", text: "\n    - name: custom-{{ .image }}")
        let output = try template.execute(Fixture.data)
        #expect(output.contains("    - name: custom-envoy:v1\n  replicas: 3"))
    }

    @Test("One parsed template serves concurrent executions with different data")
    func concurrentExecutions() async throws {
        let template = try Template(name: "t", text: "{{ .Service.Name }}:{{ len .Service.Ports }}")
        let results = await withTaskGroup(of: String.self) { group in
            for index in 0..<8 {
                group.addTask {
                    let data: TemplateValue = ["Service": ["Name": .string("s\(index)"), "Ports": .list(Array(repeating: 1, count: index))]]
                    return (try? template.execute(data)) ?? "error"
                }
            }
            var collected: [String] = []
            for await result in group { collected.append(result) }
            return collected.sorted()
        }
        #expect(results == (0..<8).map { "s\($0):\($0)" }.sorted())
    }
}
