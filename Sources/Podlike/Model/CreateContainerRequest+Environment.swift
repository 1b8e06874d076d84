extension CreateContainerRequest {
    /// The value set for `key` in `Env`, if any.
    public func environmentValue(_ key: String) -> String? {
        Env?.first { $0.hasPrefix(key + "=") }.map { String($0.dropFirst(key.count + 1)) }
    }

    /// Sets `key=value` in `Env`. With `overwrite: false` an existing value stays,
    /// which lets `env_file` yield to `environment` whatever order they come in.
    public mutating func setEnvironment(_ key: String, _ value: String, overwrite: Bool = true) {
        var env = Env ?? []
        if let index = env.firstIndex(where: { $0 == key || $0.hasPrefix(key + "=") }) {
            guard overwrite else { return }
            env[index] = "\(key)=\(value)"
        } else {
            env.append("\(key)=\(value)")
        }
        Env = env
    }
}
