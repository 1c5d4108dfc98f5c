import Guidelines
import Testing

/// intellectual-property: third-party copyright notices, scanned works, photos taken from third
/// parties without credit, NDA material, piracy; and credited or openly licensed material.
@Suite struct IntellectualPropertyTests {
    static let photo = Mail.File(name: "view.png", type: "image/png", bytes: Mail.tinyPNG)

    @Test(arguments: [
        ("© Daily Planet 2025. All rights reserved.", "intellectual-property.copyright-notice"),
        ("Copyright 2024 Acme Media, reproduction prohibited.", "intellectual-property.copyright-notice"),
        ("I scanned the whole textbook, the PDF is on the share.", "intellectual-property.scanned-work"),
        ("J'ai scanné le livre de cours en entier, le voici.", "intellectual-property.scanned-work"),
        ("The prototype specs are under NDA, so keep this quiet.", "intellectual-property.nda"),
        ("Ces plans sont couverts par un accord de confidentialité avec le fournisseur.", "intellectual-property.nda"),
        ("Anyone want a cracked version of the CAD software?", "intellectual-property.piracy"),
    ])
    func reported(text: String, rule: String) throws {
        #expect(try Mail.rules(text).contains(rule), "\(text)")
    }

    @Test(arguments: [
        "© CERN 2025, all rights reserved.",
        "Plot: collaboration public figure, CC-BY 4.0. © 2025 the authors.",
        "The library has scanned its old theses for open access.",
        "Training: how to handle documents under NDA, Thursday 10:00.",
        "Copyright questions go to the legal service.",
    ])
    func notReported(text: String) throws {
        #expect(try !Mail.categories(text).contains("intellectual-property"), "\(text)")
    }

    @Test func aPhotoTakenFromAThirdPartyWithoutCredit() throws {
        #expect(try Mail.rules("I downloaded this photo from a photographer's website, enjoy!", files: [Self.photo])
            .contains("intellectual-property.unlicensed-photo"))
        #expect(try Mail.rules("Photo trouvée sur un site de voyage, superbe non ?", files: [Self.photo])
            .contains("intellectual-property.unlicensed-photo"))
    }

    @Test func creditedOwnOrNotAttachedPhotosAreFine() throws {
        #expect(try Mail.categories("I downloaded this photo from a photographer's website.\nPhoto: Ana Ruiz, used with permission.",
                                    files: [Self.photo]).isEmpty)
        #expect(try Mail.categories("I took this picture from the roof of building 40.", files: [Self.photo]).isEmpty)
        #expect(try Mail.categories("I found a nice photo on a photographer's website, can I use it?").isEmpty)
    }
}
