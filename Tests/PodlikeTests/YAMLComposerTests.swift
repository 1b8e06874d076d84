import PodlikeYAML
import Testing

struct YAMLComposerTests {
    func compose(_ text: String, limits: YAMLLimits = .standard) throws -> Node {
        try #require(try YAML.compose(text, limits: limits))
    }

    func failure(_ text: String, limits: YAMLLimits = .standard) -> YAMLError? {
        do {
            _ = try YAML.compose(text, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    @Test("scalars keep their text, style and position, counted from 1")
    func scalars() throws {
        let root = try compose("image: nginx\nport: '80'\n")
        #expect(root["image"]?.string == "nginx")
        #expect(root["port"]?.string == "80")
        #expect(root["port"]?.mark == Node.Mark(line: 2, column: 7))
        guard case .scalar(let port) = root["port"] else { Issue.record("not a scalar"); return }
        #expect(port.style == .singleQuoted)
        #expect(port.tag == .str)
    }

    @Test("plain scalars resolve by the core schema; a quoted one is a string", arguments: [
        ("~", PodlikeYAML.Tag.null), ("", .null), ("null", .null), ("true", .bool), ("no", .bool), ("12", .int), ("0x1F", .int),
        ("1.5", .float), ("1e3", .float), (".inf", .float), ("nginx", .str), ("'true'", .str), ("\"12\"", .str), ("!!str 12", .str),
    ])
    func resolution(_ written: String, _ tag: PodlikeYAML.Tag) throws {
        let root = try compose("value: \(written)")
        #expect(root["value"]?.tag == tag)
    }

    @Test("booleans read YAML 1.1's spellings, but never a quoted one")
    func booleans() throws {
        #expect(try compose("yes").bool == true)
        #expect(try compose("Off").bool == false)
        #expect(try compose("'true'").bool == nil)
        #expect(try compose("maybe").bool == nil)
    }

    @Test("an empty text has no value")
    func empty() throws {
        #expect(try YAML.compose("") == nil)
        #expect(try YAML.compose("# only a comment\n") == nil)
    }

    @Test("aliases repeat the anchored value")
    func aliases() throws {
        let root = try compose("a: &x [1, 2]\nb: *x\n")
        #expect(root["b"]?.sequence?.map(\.string) == ["1", "2"])
    }

    @Test("a merge key brings in the pairs the mapping does not write itself")
    func mergeOne() throws {
        let root = try compose("base: &base {image: a, tty: true}\nsvc:\n  <<: *base\n  image: b\n")
        let service = try #require(root["svc"]?.mapping)
        #expect(service.keys.compactMap(\.string).sorted() == ["image", "tty"])
        #expect(service["image"]?.string == "b")
        #expect(service["tty"]?.string == "true")
    }

    @Test("among several merged mappings, the first that has a key wins")
    func mergeList() throws {
        let root = try compose("a: &a {x: 1}\nb: &b {x: 2, y: 2}\nc:\n  <<: [*a, *b]\n  z: 3\n")
        let merged = try #require(root["c"]?.mapping)
        #expect(merged["x"]?.string == "1")
        #expect(merged["y"]?.string == "2")
        #expect(merged["z"]?.string == "3")
        #expect(merged.count == 3)
    }

    @Test("a quoted \"<<\" is an ordinary key")
    func quotedMergeKey() throws {
        let root = try compose("'<<': {x: 1}\n")
        #expect(root["<<"]?["x"]?.string == "1")
    }

    @Test("a merge key with something other than mappings says what it takes, where")
    func mergeOfScalar() throws {
        let error = try #require(failure("a:\n  <<: [nginx]\n"))
        #expect(error.message.contains("a merge key (<<) takes a mapping or a list of mappings"))
        #expect(error.mark?.line == 2)
    }

    @Test("a tag outside the core schema is kept, and foreignContent names it", arguments: [
        "image: !!binary aGVsbG8=", "when: !!timestamp 2001-12-14", "x: !custom value", "x: !!set {a: null}", "x: !!map [a]",
        "? !!binary a2V5\n: value",
    ])
    func foreignTags(_ text: String) throws {
        let error = try #require(try compose(text).foreignContent)
        #expect(error.message.contains("the YAML tag"))
        #expect(error.message.contains("is not supported"))
        #expect(error.mark?.line == 1)
    }

    @Test("!!binary is named as written; core tags are no problem")
    func tagSpelling() throws {
        #expect(try #require(try compose("image: !!binary aGVsbG8=").foreignContent).message.contains("!!binary"))
        #expect(try compose("a: !!str 1\nb: !!int '2'\nc: !!map {d: !!seq [!!null '']}").foreignContent == nil)
    }

    @Test("a NUL character, even escaped, is found where it was written")
    func nul() throws {
        let error = try #require(try compose("environment: {A: \"x\\0y\"}").foreignContent)
        #expect(error.message.contains("NUL"))
        #expect(error.mark == Node.Mark(line: 1, column: 18))
    }

    @Test("a syntax error gives libyaml's words and the position")
    func syntax() throws {
        let error = try #require(failure("image: [nginx\n"))
        #expect(error.mark?.line == 2)
        #expect(error.description.hasPrefix("line 2, column 1: "))
        #expect(error.message.contains("flow sequence"))
    }

    @Test("an alias to no anchor is an error")
    func unknownAlias() throws {
        #expect(try #require(failure("a: *nowhere")).message.contains("names no anchor"))
    }

    @Test("a second document is an error; a label holds one value")
    func twoDocuments() throws {
        #expect(try #require(failure("a: 1\n---\nb: 2\n")).message.contains("second YAML document"))
    }

    @Test("an alias bomb stops at the node limit, quickly")
    func aliasBomb() throws {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            text += "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
        }
        let error = try #require(failure(text))
        #expect(error.message.contains("more than 200000 values"))
    }

    @Test("nesting deeper than the limit is an error naming it")
    func depth() throws {
        let text = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(try #require(failure(text)).message.contains("deeper than 64 levels"))
        #expect(try YAML.compose(String(repeating: "[", count: 64) + String(repeating: "]", count: 64)) != nil)
    }

    @Test("a JSON object is YAML too")
    func json() throws {
        let root = try compose(#"{"pod.container.app": "image: nginx", "n": 1}"#)
        #expect(root["pod.container.app"]?.string == "image: nginx")
    }
}
