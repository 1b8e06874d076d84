import Testing

/// Every end-to-end suite is nested here so that they run one after another:
/// they share one engine, and a controller that starts reaps orphans that
/// another test may have left on purpose.
@Suite(.serialized, .enabled(if: EndToEnd.engineAvailable, "needs a Docker engine"))
enum EndToEndSuites {}
