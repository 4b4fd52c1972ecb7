/// Long work stopped on request (Ctrl-C, polled through a `shouldStop` closure) before it
/// changed anything: a sweep, solve or cliff search on its private engine, an import that
/// has read part of a file, an export whose file is not in place yet.
public struct Interrupted: Error, Equatable, Sendable {
    public init() {}
}
