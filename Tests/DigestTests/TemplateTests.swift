import Digest
import Foundation
import Store
import Testing

@Suite struct TemplateTests {
    /// The shipped HTML is what mail clients accept: no script, no style sheet, no external
    /// resource; layout and bars are tables.
    @Test func theHTMLIsMailClientSafe() throws {
        let html = try seededDigest().html.lowercased()
        for forbidden in ["<script", "<style", "<link", "<img", "<iframe", "javascript:", "@import", "url(", "src="] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        #expect(html.contains("<table role=\"presentation\""))
        #expect(!html.contains("{{"))
    }

    /// Values are escaped in HTML: a list name from the configuration cannot inject markup.
    @Test func valuesAreEscapedInHTML() throws {
        let templates = try DigestTemplates(directory: shippedDigestTemplates)
        var view = DigestView(data: .init(current: .emptyWeek, previous: .emptyWeek), options: defaultOptions())
        view.teamAddress = "<b>team</b>@cern.ch"
        #expect(templates.html(view).contains("&lt;b&gt;team&lt;/b&gt;@cern.ch"))
        #expect(templates.text(view).contains("(<b>team</b>@cern.ch)"))
    }

    @Test func aBrokenTemplateIsNamed() throws {
        try withTemporaryDirectory { directory in
            try "ok".write(toFile: directory + "/digest.html.mustache", atomically: true, encoding: .utf8)
            try "line one\n{{#open}}never closed\n".write(
                toFile: directory + "/digest.txt.mustache", atomically: true, encoding: .utf8)
            do {
                _ = try DigestTemplates(directory: directory)
                Issue.record("a broken template was accepted")
            } catch let error as DigestTemplateError {
                #expect(error.file == directory + "/digest.txt.mustache")
                #expect(error.description.contains("digest.txt.mustache"))
            }
        }
    }

    @Test func aMissingTemplateIsNamed() throws {
        try withTemporaryDirectory { directory in
            try "ok".write(toFile: directory + "/digest.html.mustache", atomically: true, encoding: .utf8)
            #expect(throws: DigestTemplateError(file: directory + "/digest.txt.mustache", reason: "missing or unreadable")) {
                try DigestTemplates(directory: directory)
            }
            #expect(throws: DigestTemplateError.self) {
                try DigestTemplates(directory: directory + "/nowhere")
            }
        }
    }
}

extension DigestPeriod {
    static let emptyWeek = DigestPeriod(
        from: weekStart, to: weekEnd, messages: [], messageTotal: 0, categories: [], rules: [], topics: [],
        repliesSent: 0, repliesSuppressed: 0, suppressions: [])
}
