import Foundation
import Mustache
import Replies

/// A digest template that is missing or does not parse, naming the file.
public struct DigestTemplateError: Error, CustomStringConvertible, Equatable {
    public var file: String
    public var reason: String

    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    public var description: String { "template \(file): \(reason)" }
}

/// The digest's Mustache templates (`Templates/digest/`, described in its README.md), read and
/// parsed once, so that a missing or broken file fails before any figure is read, naming the
/// file (and the line and column of a syntax error).
///
/// Escaping contract: files ending in `.html.mustache` are HTML, where every `{{value}}` is
/// escaped (Mustache's default) and the view model offers no ready-made HTML, so no template
/// needs triple braces; every other file is plain text, unescaped. Partials (`{{> name}}`) are
/// the other files of the folder by name without `.mustache`, e.g. `{{> bar.html}}`.
public struct DigestTemplates: Sendable {
    /// The two layouts `render` uses; the folder may hold partials besides.
    public static let requiredFiles = ["digest.html", "digest.txt"]

    public let directory: String
    private let library: MustacheLibrary

    /// The repository's Templates/digest folder, found from this source file: right for
    /// `swift run` and tests; an installed heed is given its installed templates directory.
    public static let developmentDirectory: String =
        RepliesSettings.developmentTemplatesDirectory + "/digest"

    /// Loads every `*.mustache` file of `directory`. Throws `DigestTemplateError` naming the first
    /// file that is missing (of `requiredFiles`), unreadable, not UTF-8 or not valid Mustache.
    public init(directory: String = DigestTemplates.developmentDirectory) throws {
        self.directory = directory
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
                .filter { $0.hasSuffix(".mustache") }.sorted()
        } catch {
            throw DigestTemplateError(file: directory, reason: "cannot list the digest templates' directory")
        }
        for required in Self.requiredFiles where !names.contains(required + ".mustache") {
            throw DigestTemplateError(file: directory + "/" + required + ".mustache", reason: "missing or unreadable")
        }
        var library = MustacheLibrary()
        for file in names {
            let path = directory + "/" + file
            guard let data = FileManager.default.contents(atPath: path) else {
                throw DigestTemplateError(file: path, reason: "missing or unreadable")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw DigestTemplateError(file: path, reason: "not UTF-8")
            }
            let name = String(file.dropLast(".mustache".count))
            // Plain-text files switch Mustache's HTML escaping off. The pragma has no newline,
            // so the line numbers of errors stay the file's.
            let source = name.hasSuffix(".html") ? text : "{{% CONTENT_TYPE: TEXT}}" + text
            do {
                library.register(try MustacheTemplate(string: source), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw DigestTemplateError(
                    file: path,
                    reason: "line \(error.context.lineNumber), column \(error.context.columnNumber): \(error.error)")
            } catch {
                throw DigestTemplateError(file: path, reason: "\(error)")
            }
        }
        self.library = library
    }

    /// The HTML digest. Never fails: the layout was checked at load time.
    public func html(_ view: DigestView) -> String {
        library.render(view, withTemplate: "digest.html") ?? ""
    }

    /// The plain-text digest.
    public func text(_ view: DigestView) -> String {
        library.render(view, withTemplate: "digest.txt") ?? ""
    }
}
