import Foundation

/// A bounded queue from the parsing threads to the writer. The writer is woken when the
/// number it asked for is there (or the producers are done, or its time is up), not for each
/// result; a producer only when it waits for room.
final class ResultQueue: @unchecked Sendable {
    private let cond = NSCondition()
    private var items: [FileResult] = []
    private let capacity: Int
    private var producers: Int
    private var closed = false
    /// How many results the waiting writer wants (0: it is not waiting).
    private var wanted = 0
    /// Producers waiting for room.
    private var blocked = 0

    init(capacity: Int, producers: Int) {
        self.capacity = capacity
        self.producers = producers
    }

    var isClosed: Bool { cond.lock(); defer { cond.unlock() }; return closed }

    func push(_ r: FileResult) {
        cond.lock()
        while items.count >= capacity && !closed {
            blocked += 1
            cond.wait()
            blocked -= 1
        }
        if !closed { items.append(r) }
        if wanted > 0 && items.count >= wanted { cond.broadcast() }
        cond.unlock()
    }

    func producerDone() {
        cond.lock()
        producers -= 1
        cond.broadcast()
        cond.unlock()
    }

    /// Up to `max` results; waits until there are `max`, every producer is done, or `timeout` passed.
    func pop(max: Int, timeout: TimeInterval) -> (items: [FileResult], finished: Bool) {
        cond.lock()
        defer { cond.unlock() }
        let want = Swift.min(Swift.max(max, 1), capacity)
        let deadline = Date(timeIntervalSinceNow: timeout)
        while items.count < want && producers > 0 && !closed {
            wanted = want
            if !cond.wait(until: deadline) { break }
        }
        wanted = 0
        let n = Swift.min(Swift.max(max, 0), items.count)
        let out = Array(items.prefix(n))
        items.removeFirst(n)
        if blocked > 0 { cond.broadcast() }
        return (out, items.isEmpty && producers == 0)
    }

    /// Drops what is queued and lets producers go on without blocking (on an error).
    func close() {
        cond.lock()
        closed = true
        items.removeAll()
        cond.broadcast()
        cond.unlock()
    }
}
