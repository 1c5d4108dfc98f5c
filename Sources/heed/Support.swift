import Config
import Foundation

/// Exit statuses (sysexits.h where one fits).
enum ExitStatus {
    /// At least one input could not be read or parsed; the others were processed.
    static let inputError: Int32 = 1
    /// The configuration is wrong (EX_CONFIG).
    static let configError: Int32 = 78
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Loads the configuration or ends the process with a message that names the file, the key and
/// what is wrong.
func loadConfig(_ path: String?) -> HeedConfig {
    do {
        return try HeedConfig.load(path: path)
    } catch {
        printError("\(error)")
        exit(ExitStatus.configError)
    }
}

enum InputError: Error, CustomStringConvertible {
    case unreadable(String, String)
    var description: String {
        switch self {
        case .unreadable(_, let reason): "cannot read: \(reason)"
        }
    }
}

/// The bytes of a file, or of standard input for "-".
func readInput(_ path: String) throws -> [UInt8] {
    if path == "-" {
        return Array(FileHandle.standardInput.readDataToEndOfFile())
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw InputError.unreadable(path, "no such file")
    }
    if isDirectory.boolValue { throw InputError.unreadable(path, "is a directory") }
    do {
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
        let reason = (error as NSError).localizedFailureReason ?? error.localizedDescription
        throw InputError.unreadable(path, reason)
    }
}
