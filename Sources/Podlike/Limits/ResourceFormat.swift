/// Amounts as people read them in messages: `1.5 GiB`, `0.25 CPUs`.
public enum ResourceFormat {
    public static func bytes(_ bytes: Int64) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 { return bytes == 1 ? "1 byte" : "\(bytes) bytes" }
        return "\(decimal(value)) \(units[unit])"
    }

    public static func cpus(_ nanoCpus: Int64) -> String {
        let value = Double(nanoCpus) / 1e9
        return "\(decimal(value)) CPU\(value == 1 ? "" : "s")"
    }

    /// At most two decimals, without trailing zeros.
    private static func decimal(_ value: Double) -> String {
        let hundredths = Int64((value * 100).rounded())
        let whole = hundredths / 100, fraction = hundredths % 100
        if fraction == 0 { return "\(whole)" }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
