import Foundation
import Testing
import Topics

@testable import Replies

@Suite struct TemplateTests {
    let templates: ReplyTemplates

    init() throws {
        templates = try ReplyTemplates(settings: testSettings)
    }

    @Test func goldenEnglishLogoReply() {
        let rendered = templates.render(
            ReplyContent(
                kind: .query(.logo), language: .en, originalSubject: "Can I use the logo?",
                contact: "visual.identity@cern.ch"))
        #expect(rendered.subject == goldenENSubject)
        #expect(rendered.text == goldenENText)
        #expect(rendered.html == goldenENHTML)
    }

    @Test func goldenFrenchLogoReplyWithAFinding() {
        let finding = ReplyFinding(
            category: "personal-data", rule: "personal-data.phone", severity: "warning", guideline: "respect.privacy",
            evidence: "+41 79 *** ** 12")
        let rendered = templates.render(
            ReplyContent(
                kind: .query(.logo), language: .fr, originalSubject: "Puis-je utiliser le logo ?", findings: [finding],
                contact: "visual.identity@cern.ch"))
        #expect(rendered.subject == goldenFRSubject)
        #expect(rendered.text == goldenFRText)
        #expect(rendered.html == goldenFRHTML)
    }

    /// Every topic, verdict and category renders in both languages, with no Mustache left over.
    @Test(arguments: ReplyLanguage.allCases)
    func everyTemplateRenders(language: ReplyLanguage) {
        let findings = (ReplyTemplates.findingCategories + ["some-new-category"]).map {
            ReplyFinding(category: $0, rule: "\($0).x", severity: "block", guideline: "g", evidence: "EVIDENCE-\($0)")
        }
        let kinds = Topic.allCases.map(ReplyKind.query) + ReplyVerdict.allCases.map(ReplyKind.verdict)
        for kind in kinds {
            let rendered = templates.render(
                ReplyContent(kind: kind, language: language, originalSubject: "S", findings: findings, list: "l@cern.ch",
                    reason: "R"))
            #expect(!rendered.subject.isEmpty)
            for part in [rendered.text, rendered.html] {
                #expect(!part.contains("{{"), "\(kind) \(language)")
                #expect(part.contains("EVIDENCE-personal-data"))
                #expect(part.contains("EVIDENCE-some-new-category"), "unknown categories use findings/other")
                #expect(part.contains("https://admin-eguide.web.cern.ch/"))
            }
        }
    }

    @Test func holdAndRejectNoticesSayWhatHappened() {
        let hold = templates.render(
            ReplyContent(kind: .verdict(.hold), language: .en, originalSubject: "News", list: "users-announce@cern.ch",
                reason: "personal data"))
        #expect(hold.subject == "Your message is on hold: News")
        #expect(hold.text.contains("to users-announce@cern.ch is on hold and has not reached its readers yet: personal data."))
        let reject = templates.render(ReplyContent(kind: .verdict(.reject), language: .fr, originalSubject: nil))
        #expect(reject.subject == "Votre message n'a pas été distribué")
        #expect(reject.text.contains("n'a pas été distribué."))
    }

    /// Values from the message are escaped in HTML and left alone in text.
    @Test func valuesAreEscapedInHTMLOnly() {
        let hostile = "<script>alert('x')</script> & \"q\""
        let finding = ReplyFinding(category: "offensive", rule: "r", severity: "warning", guideline: "g", evidence: hostile)
        let rendered = templates.render(
            ReplyContent(kind: .verdict(.advise), language: .en, originalSubject: hostile, findings: [finding]))
        #expect(!rendered.html.contains("<script>"))
        #expect(rendered.html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"))
        #expect(rendered.text.contains(hostile))
    }

    @Test func aMissingFileFailsNamingIt() throws {
        try withTemplateCopy { directory in
            try FileManager.default.removeItem(atPath: directory + "/topics/media.fr.mustache")
            let error = #expect(throws: TemplateLoadError.self) {
                try ReplyTemplates(settings: RepliesSettings(templatesDirectory: directory))
            }
            #expect(error?.file == directory + "/topics/media.fr.mustache")
            #expect(error?.reason == "missing or unreadable")
        }
    }

    @Test func aBrokenFileFailsNamingItAndTheLine() throws {
        try withTemplateCopy { directory in
            let path = directory + "/hold.en.html.mustache"
            try "<p>line one</p>\n{{#findings}}\n<p>{{text}}</p>\n{{/finding}}\n".write(
                toFile: path, atomically: true, encoding: .utf8)
            let error = #expect(throws: TemplateLoadError.self) {
                try ReplyTemplates(settings: RepliesSettings(templatesDirectory: directory))
            }
            #expect(error?.file == path)
            #expect(error?.reason.hasPrefix("line 4") == true)
        }
    }

    @Test func linksBecomeAnchorsInEscapedText() {
        #expect(HTMLText.linkify("see http://a.ch/x, then https://b.ch.")
            == "see <a href=\"http://a.ch/x\">http://a.ch/x</a>, then <a href=\"https://b.ch\">https://b.ch</a>.")
        #expect(HTMLText.paragraphs("a <b>\nc\n\nd") == ["a &lt;b&gt;<br>\nc", "d"])
    }

    @Test func languageCodes() {
        #expect(ReplyLanguage(code: "fr") == .fr)
        #expect(ReplyLanguage(code: "FR-ch") == .fr)
        #expect(ReplyLanguage(code: "de") == .en)
        #expect(ReplyLanguage(code: nil) == .en)
    }

    private func withTemplateCopy(_ body: (String) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("heed-templates-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: RepliesSettings.developmentTemplatesDirectory, toPath: directory)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try body(directory)
    }
}
