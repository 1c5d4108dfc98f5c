import Foundation
import Testing

/// `heed serve` as a supervisor runs it: the real binary, real sockets on 127.0.0.1, signals.
@Suite struct ServeCommandTests {
    @Test func aBadListenAddressIsAUsageError() throws {
        let output = try HeedBinary.run(["serve", "--listen", "inet:99999@127.0.0.1"])
        #expect(output.status == 64)
        #expect(output.stderr.contains("\"99999\" is not a port"))
    }

    @Test func aBadConfigurationStopsItAtStart() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("heed-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("heed.yaml")
        try "milter:\n  on_error: reject\n".write(to: config, atomically: true, encoding: .utf8)
        let output = try HeedBinary.run(["serve", "--config", config.path])
        #expect(output.status == 78)
        #expect(output.stderr.contains("milter.on_error"))
    }

    @Test func runsUntilSIGTERMThenExitsCleanly() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("heed-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let socket = dir.appendingPathComponent("heed.sock").path
        let errURL = dir.appendingPathComponent("err")
        try Data().write(to: errURL)
        // The store in the test's own directory: the default (/var/lib/heed) needs root, and a
        // test must not touch the machine's state.
        let config = dir.appendingPathComponent("heed.yaml")
        try "store:\n  path: store/heed.sqlite\n  key_file: store/pseudonym.key\n".write(to: config, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = HeedBinary.path
        process.arguments = ["serve", "--config", config.path, "--listen", "unix:\(socket)"]
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        // Listening once the socket file exists (at most 20 s on a loaded machine).
        for _ in 0..<400 where !FileManager.default.fileExists(atPath: socket) { usleep(50_000) }
        #expect(FileManager.default.fileExists(atPath: socket))
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        let log = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(log.contains("heed milter listening"))
        #expect(log.contains("heed milter stopped"))
        // Created on first start, where the configuration says.
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("store/heed.sqlite").path))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("store/pseudonym.key").path))
    }
}
