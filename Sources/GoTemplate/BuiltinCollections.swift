/// `len`, `index` and `slice`. Strings are indexed and measured in bytes,
/// as in Go; indexing a string yields the byte as an integer.
extension Builtins {
    static func length(_ item: Operand) throws(CallFailure) -> Operand {
        switch item {
        case .missing:
            // Go's implementation panics inside reflect here; this is the
            // message its recovered panic produces.
            throw CallFailure("reflect: call of reflect.Value.Type on zero Value")
        case .boxed(.null):
            throw CallFailure("len of nil pointer")
        case .value(let value), .boxed(let value):
            switch value {
            case .string(let text): return .value(.int(text.utf8.count))
            case .list(let elements): return .value(.int(elements.count))
            case .map(let map): return .value(.int(map.count))
            default: throw CallFailure("len of type \(value.goTypeName)")
            }
        }
    }

    /// `index x 1 2` is `x[1][2]`; a missing map key yields nil, an index
    /// past the end is an error.
    static func index(_ item: Operand, _ indexes: [Operand]) throws(CallFailure) -> Operand {
        var current = item.unboxed
        if current.isMissing { throw CallFailure("index of untyped nil") }
        for rawIndex in indexes {
            let index = rawIndex.unboxed
            let value: TemplateValue
            switch current {
            case .missing, .boxed(.null): throw CallFailure("index of nil pointer")
            case .value(let plain), .boxed(let plain): value = plain
            }
            switch value {
            case .list(let elements):
                let position = try indexArgument(index, limit: elements.count)
                guard position < elements.count else { throw CallFailure("reflect: slice index out of range") }
                current = .boxed(elements[position])
            case .string(let text):
                let bytes = Array(text.utf8)
                let position = try indexArgument(index, limit: bytes.count)
                guard position < bytes.count else { throw CallFailure("reflect: string index out of range") }
                current = .value(.int(Int(bytes[position])))
            case .map(let map):
                let key: String
                switch index {
                case .missing: throw CallFailure("value is nil; should be of type string")
                case .value(.string(let text)), .boxed(.string(let text)): key = text
                case .value(let other), .boxed(let other):
                    throw CallFailure("value has type \(other.goTypeName); should be string")
                }
                current = .boxed(map[key] ?? .null)
            default:
                throw CallFailure("can't index item of type \(value.goTypeName)")
            }
        }
        return current
    }

    /// `slice x 1 2` is `x[1:2]`. Go does not unbox the indexes here, so an
    /// index read straight from the data is rejected as `interface {}`.
    static func slice(_ item: Operand, _ indexes: [Operand]) throws(CallFailure) -> Operand {
        guard case .value(let value) = item.unboxed else { throw CallFailure("slice of untyped nil") }
        if indexes.count > 3 { throw CallFailure("too many slice indexes: \(indexes.count)") }
        let length: Int
        switch value {
        case .string(let text):
            if indexes.count == 3 { throw CallFailure("cannot 3-index slice a string") }
            length = text.utf8.count
        case .list(let elements):
            length = elements.count
        default:
            throw CallFailure("can't slice item of type \(value.goTypeName)")
        }
        var bounds = [0, length, length]
        for (position, index) in indexes.enumerated() {
            bounds[position] = try indexArgument(index, limit: length)
        }
        if bounds[0] > bounds[1] { throw CallFailure("invalid slice index: \(bounds[0]) > \(bounds[1])") }
        if indexes.count == 3 && bounds[1] > bounds[2] {
            throw CallFailure("invalid slice index: \(bounds[1]) > \(bounds[2])")
        }
        switch value {
        case .string(let text):
            let bytes = Array(text.utf8)[bounds[0]..<bounds[1]]
            return .value(.string(String(decoding: bytes, as: UTF8.self)))
        case .list(let elements):
            return .value(.list(Array(elements[bounds[0]..<bounds[1]])))
        default:
            throw CallFailure("can't slice item of type \(value.goTypeName)")
        }
    }

    /// Go's `indexArg`: an integer within `0...limit`.
    private static func indexArgument(_ index: Operand, limit: Int) throws(CallFailure) -> Int {
        switch index {
        case .missing:
            throw CallFailure("cannot index slice/array with nil")
        case .value(.int(let position)):
            if position < 0 || position > limit { throw CallFailure("index out of range: \(position)") }
            return position
        case .value(let other):
            throw CallFailure("cannot index slice/array with type \(other.goTypeName)")
        case .boxed:
            throw CallFailure("cannot index slice/array with type interface {}")
        }
    }
}
