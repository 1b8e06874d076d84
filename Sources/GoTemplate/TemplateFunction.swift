/// A function callable from a template, by name (when passed in a
/// template's function map) or through the `call` builtin (when stored in
/// the data as ``TemplateValue/function(_:)``).
///
/// Go functions are typed; here every parameter is an `interface{}`, so the
/// only thing checked before the call is the argument count, with Go's
/// messages. Throwing from `body` is Go's "second result is a non-nil error":
/// execution stops with `error calling NAME: <the error's description>`.
public struct TemplateFunction: Sendable {
    /// How many arguments the function takes.
    public enum Arity: Sendable, Equatable {
        /// Exactly this many, like a Go function without `...`.
        case exactly(Int)
        /// At least this many, like a Go function whose last parameter is
        /// `...interface{}`.
        case atLeast(Int)
    }

    public let name: String
    public let arity: Arity
    public let body: @Sendable ([TemplateValue]) throws -> TemplateValue

    public init(
        _ name: String,
        arity: Arity = .atLeast(0),
        body: @escaping @Sendable ([TemplateValue]) throws -> TemplateValue
    ) {
        self.name = name
        self.arity = arity
        self.body = body
    }

    /// The Go type this function stands for, used in error messages
    /// (`func(interface {}) (interface {}, error)`).
    var goTypeName: String {
        switch arity {
        case .exactly(let count):
            let parameters = Array(repeating: "interface {}", count: max(count, 0))
            return "func(\(parameters.joined(separator: ", "))) (interface {}, error)"
        case .atLeast(let count):
            let fixed = Array(repeating: "interface {}", count: max(count, 0))
            let parameters = fixed + ["...interface {}"]
            return "func(\(parameters.joined(separator: ", "))) (interface {}, error)"
        }
    }

    /// Number of declared parameters, counting a variadic tail as one, the
    /// way Go's `reflect.Type.NumIn` does; arity errors are phrased with it.
    var parameterCount: Int {
        switch arity {
        case .exactly(let count): return count
        case .atLeast(let count): return count + 1
        }
    }

    var isVariadic: Bool {
        if case .atLeast = arity { return true }
        return false
    }
}

extension TemplateFunction: Equatable {
    /// Functions have no identity to compare, so two values are equal when
    /// they carry the same name and arity; good enough for data equality.
    public static func == (lhs: TemplateFunction, rhs: TemplateFunction) -> Bool {
        lhs.name == rhs.name && lhs.arity == rhs.arity
    }
}

/// A ready-made error for function bodies: its description is the message,
/// so a template error reads `error calling NAME: message`, as in Go.
public struct TemplateFunctionError: Error, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
