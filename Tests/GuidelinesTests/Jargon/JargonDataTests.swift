import Foundation
import Guidelines
import Testing

/// The curated lists in `Sources/Guidelines/Jargon/Data/` are what heed embeds: editing a list
/// without running `make-wordlists.py --lists-only` fails here.
@Suite struct JargonDataTests {
    static let dataDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/Guidelines/Jargon/Data")

    func file(_ name: String) throws -> String {
        var text = try String(contentsOf: Self.dataDirectory.appendingPathComponent(name), encoding: .utf8)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    @Test func embeddedListsMatchTheirFiles() throws {
        let embedded = JargonResources.embedded
        #expect(try file("thresholds.txt") == embedded.thresholds)
        #expect(try file("departments.txt") == embedded.departments)
        for language in Language.allCases {
            let suffix = language.rawValue
            #expect(try file("acronyms-\(suffix).txt") == embedded.acronyms[language])
            #expect(try file("slang-\(suffix).txt") == embedded.slang[language])
            #expect(try file("terms-\(suffix).txt") == embedded.terms[language])
            #expect(try file("plain-\(suffix).txt") == embedded.plain[language])
            #expect(try file("closings-\(suffix).txt") == embedded.closings[language])
        }
    }

    @Test func theWordFrequencyDataCarriesItsLicence() throws {
        let attribution = try file("ATTRIBUTION.md")
        #expect(attribution.contains("CC BY-SA 4.0") && attribution.contains("Robyn Speer"))
        for language in Language.allCases {
            #expect(JargonResources.embedded.wordlists[language]?.hasPrefix("# wordfreq \(language.rawValue)") == true)
        }
    }
}
