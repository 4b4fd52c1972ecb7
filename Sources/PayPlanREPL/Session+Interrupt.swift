import Foundation
import PayPlan

/// Shows a long command's progress at most five times a second, so that polling
/// it at every step costs a clock read, not a terminal write.
final class ProgressThrottle {
    private let show: (String) -> Void
    private var last: UInt64 = 0
    private(set) var shown = false

    init(_ show: @escaping (String) -> Void) { self.show = show }

    /// Shows `text()` when 0.2 s have passed since the last line (the first call always shows).
    func update(_ text: @autoclosure () -> String) {
        let now = DispatchTime.now().uptimeNanoseconds
        guard !shown || now - last >= 200_000_000 else { return }
        last = now
        shown = true
        show(text())
    }

    /// Clears the progress line when one was shown.
    func clear() { if shown { show("") } }
}

/// Ctrl-C and progress for the long commands: sweep, solve, cliffs, offer, the
/// imports, `statement all` and the report exports. Each works on a copy (a
/// private engine or a new workspace committed only at its end), so a stopped
/// command changes nothing, and says so.
extension Session {
    /// Throws `Interrupted` when Ctrl-C was pressed since the command began.
    func checkInterrupt() throws { if interruptCheck() { throw Interrupted() } }

    /// A progress throttle writing to `progressLine`.
    func progressThrottle() -> ProgressThrottle { ProgressThrottle { [progressLine] in progressLine($0) } }

    /// The answer of a command stopped by Ctrl-C: `sweep stopped: nothing was changed`
    /// (`sweep 已停止：未做任何更改`).
    /// `zh`: the command's name in Chinese when it has one (`修改`), written without a space before 已停止.
    func stopped(_ command: String, zh: String? = nil) -> Output {
        .error(ProgressMessage.stopped(command: command, zh: zh))
    }

    /// The stop hook of an engine rebuild inside an edit or `load` (`Engine.init`'s `shouldStop`):
    /// answers Ctrl-C's flag and, once the rebuild has run for 0.3 s, shows
    /// `load: working out the figures (Ctrl-C stops)` (`load：正在计算（Ctrl-C 停止）`).
    func rebuildStop(_ command: String, _ commandZh: String?, _ throttle: ProgressThrottle) -> () -> Bool {
        let started = DispatchTime.now().uptimeNanoseconds
        let text = ProgressMessage.workingOut(command: command, zh: commandZh).text(language)
        return { [interruptCheck] in
            if DispatchTime.now().uptimeNanoseconds - started >= 300_000_000 { throttle.update(text) }
            return interruptCheck()
        }
    }

    /// Lets Ctrl-C stop `probe`'s search and shows its progress as `command: phase done/all`.
    func watch(_ probe: InputProbe, _ command: String, _ throttle: ProgressThrottle) {
        probe.shouldStop = { [interruptCheck] in interruptCheck() }
        probe.evaluationLimit = probeEvaluationLimit
        let language = language
        probe.progress = { phase, done, all in
            throttle.update(ProgressMessage.probe(command: command, scanning: phase == .scan, done: done, all: all).text(language))
        }
    }
}
