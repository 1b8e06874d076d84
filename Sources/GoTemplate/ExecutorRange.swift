/// `{{range}}`: over lists, maps (in sorted key order) and integers
/// (Go 1.22's `range 5`), with `{{else}}` for nothing to visit and
/// `{{break}}`/`{{continue}}`.
extension Executor {
    mutating func walkRange(_ dot: Operand, _ branch: Branch) throws(TemplateError) -> Flow {
        at(.node(.branch(branch)))
        let outerMark = vars.count
        defer { popVariables(to: outerMark) }
        let value = try evalPipeline(dot, branch.pipe)
        // The declared variables were pushed by evalPipeline; each iteration
        // overwrites them and drops whatever the body declared.
        let mark = vars.count
        switch value {
        case .value(.int(let count)):
            if branch.pipe.declarations.count > 1 {
                throw fail("can't use \(ValuePrinter.format(value.anyValue)) to iterate over more than one variable")
            }
            guard count > 0 else { break }
            for number in 0..<count {
                let flow = try iterate(branch, mark: mark, index: .missing, element: .value(.int(number)))
                if flow == .breakLoop { break }
            }
            return .normal
        case .value(.list(let elements)):
            guard !elements.isEmpty else { break }
            for (index, element) in elements.enumerated() {
                let flow = try iterate(branch, mark: mark, index: .value(.int(index)), element: .boxed(element))
                if flow == .breakLoop { break }
            }
            return .normal
        case .value(.map(let map)):
            guard !map.isEmpty else { break }
            for key in TemplateValue.sortedKeys(map) {
                let element = Operand.boxed(map[key] ?? .null)
                let flow = try iterate(branch, mark: mark, index: .value(.string(key)), element: element)
                if flow == .breakLoop { break }
            }
            return .normal
        case .missing:
            break  // Like a nil map: nothing to visit.
        default:
            throw fail("range can't iterate over \(ValuePrinter.format(value.anyValue))")
        }
        if let elseList = branch.elseList { return try walk(dot, elseList) }
        return .normal
    }

    /// One pass of the body with dot (and the range variables) set.
    private mutating func iterate(
        _ branch: Branch, mark: Int, index: Operand, element: Operand
    ) throws(TemplateError) -> Flow {
        let declarations = branch.pipe.declarations
        if branch.pipe.isAssign {
            // `range $i, $e = ...` assigns existing variables.
            if declarations.count > 1 {
                try assign(declarations[0].names[0], index)
                try assign(declarations[1].names[0], element)
            } else if let only = declarations.first {
                try assign(only.names[0], element)
            }
        } else {
            // Declared variables sit on top of the stack: the element last.
            if !declarations.isEmpty { vars[vars.count - 1].value = element }
            if declarations.count > 1 { vars[vars.count - 2].value = index }
        }
        defer { popVariables(to: mark) }
        let flow = try walk(element, branch.list)
        return flow == .continueLoop ? .normal : flow
    }
}
