/// Divides an amount among claimants in proportion to their weights, giving none
/// less than its floor: claimants whose proportional share falls below their floor
/// get the floor, and the rest is divided again among the others.
enum WeightedSplit {
    struct Claim: Equatable {
        var weight: Int64
        var floor: Int64
    }

    /// Each claimant's share, rounded down to a multiple of `unit`, in the claims'
    /// order; nil when the floors alone add up to more than `amount`. The shares
    /// never add up to more than `amount`.
    static func split(_ amount: Int64, among claims: [Claim], unit: Int64 = 1) -> [Int64]? {
        guard claims.reduce(Int64(0), { $0 + $1.floor }) <= amount else { return nil }
        var pinned = Array(repeating: false, count: claims.count)
        var shares = Array(repeating: Int64(0), count: claims.count)
        while true {
            let left = amount - zip(claims, pinned).reduce(Int64(0)) { $0 + ($1.1 ? $1.0.floor : 0) }
            let open = claims.indices.filter { !pinned[$0] }
            let weights = open.reduce(0.0) { $0 + Double(max(claims[$1].weight, 1)) }
            var pinnedMore = false
            for index in open {
                let exact = Double(left) * Double(max(claims[index].weight, 1)) / weights
                let share = Int64(exact.rounded(.down)) / unit * unit
                if share < claims[index].floor {
                    pinned[index] = true
                    pinnedMore = true
                }
                shares[index] = share
            }
            guard pinnedMore else { break }
        }
        for index in claims.indices where pinned[index] { shares[index] = claims[index].floor }
        return shares
    }
}
