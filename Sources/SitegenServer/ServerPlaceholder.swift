import Hummingbird
/// Placeholder while the server is written.
enum ServerPlaceholder {}
