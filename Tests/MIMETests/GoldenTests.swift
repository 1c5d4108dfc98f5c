import Foundation
import MIME
import Testing

/// Golden tests: whole messages through `MIMEParser.parse`, against expectations written by hand
/// from the raw bytes (decoded independently, not copied from heed's output).
///
/// Sources:
/// - `Tests/Fixtures/golden/gNN-*.eml`: messages written for these tests (byte-exact, CRLF unless
///   the name says otherwise; `.gitattributes` there keeps git from touching them).
/// - `../shared/corpus/guidelines/dev/*.eml` and `../shared/corpus/mime/**`: referenced in place
///   (licences: never copied into the repository).
///
/// Per message: the part tree (IMAP section, media type, nesting shown by indentation: two spaces a
/// level), the decoded subject and From, embedded message headers, and for each text leaf its exact
/// decoded text (or exact substrings) with the charset used, for each attachment its file name,
/// Content-ID, disposition, decoded size and leading/trailing bytes.
@Suite struct GoldenTests {
    // MARK: expectation types

    enum Source: Sendable, CustomStringConvertible {
        /// Tests/Fixtures/golden/<name>
        case golden(String)
        /// ../shared/corpus/guidelines/dev/<name>
        case guidelines(String)
        /// ../shared/corpus/mime/<path>
        case mime(String)

        var url: URL {
            switch self {
            case .golden(let name): Fixtures.repoRoot.appendingPathComponent("Tests/Fixtures/golden/\(name)")
            case .guidelines(let name): Fixtures.shared.appendingPathComponent("corpus/guidelines/dev/\(name)")
            case .mime(let path): Fixtures.mimeCorpus.appendingPathComponent(path)
            }
        }

        var description: String {
            switch self {
            case .golden(let name): "golden/\(name)"
            case .guidelines(let name): "guidelines/\(name)"
            case .mime(let path): "mime/\(path)"
            }
        }
    }

    struct TextCheck: Sendable {
        let section: String
        /// The whole decoded text (LF line ends), when given.
        let exact: String?
        /// Exact substrings of the decoded text.
        let contains: [String]
        /// Charset names accepted as "the charset used" (more than one only where the choice does
        /// not change a single decoded character; see `asciiDefault`).
        let charsets: [String]
        /// The declared charset, lowercased, nil when none.
        let declared: String?
        let lossy: Bool?
        /// Exact substrings of the decoded HTML source (text/html only).
        let htmlContains: [String]
    }

    struct FileCheck: Sendable {
        let section: String
        let mediaType: String
        let filename: String?
        let count: Int
        let prefix: [UInt8]
        let suffix: [UInt8]
        let contentID: String?
        /// "inline", "attachment" or nil (no Content-Disposition); not checked for uuencoded files.
        let disposition: String?
        /// The whole decoded content, when given.
        let exact: [UInt8]?
    }

    struct EmbeddedCheck: Sendable {
        let section: String
        let subject: String?
        let from: String
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let source: Source
        /// What the message is there for.
        let covers: String
        let subject: String?
        /// `header.from` joined with ", " ("" when there is none).
        let from: String
        /// `header.to` and `header.cc` the same way; checked when given.
        var to: String? = nil
        var cc: String? = nil
        /// One line a part, in document order: indentation (2 spaces × depth), "[section]", media type.
        let tree: String
        var texts: [TextCheck] = []
        /// Every entry of `Message.attachments`, in order.
        var files: [FileCheck] = []
        var embedded: [EmbeddedCheck] = []
        var testDescription: String { source.description }
    }

    // MARK: builders

    /// RFC 2045 5.2: text without a charset parameter is us-ascii. heed reports "utf-8" for
    /// undeclared text that is valid UTF-8 (its documented rule, ASCII being valid UTF-8); for pure
    /// ASCII bytes both name the same decoding, so either is accepted.
    static let asciiDefault = ["us-ascii", "utf-8"]

    static func text(_ section: String, _ exact: String, charset: String, declared: String?, lossy: Bool? = nil,
                     htmlContains: [String] = []) -> TextCheck {
        TextCheck(section: section, exact: exact, contains: [], charsets: [charset], declared: declared, lossy: lossy,
                  htmlContains: htmlContains)
    }

    static func text(_ section: String, _ exact: String, charsets: [String], declared: String?) -> TextCheck {
        TextCheck(section: section, exact: exact, contains: [], charsets: charsets, declared: declared, lossy: false,
                  htmlContains: [])
    }

    static func text(_ section: String, contains: [String], charset: String, declared: String?, lossy: Bool? = nil,
                     htmlContains: [String] = []) -> TextCheck {
        TextCheck(section: section, exact: nil, contains: contains, charsets: [charset], declared: declared, lossy: lossy,
                  htmlContains: htmlContains)
    }

    static func file(_ section: String, _ mediaType: String, _ filename: String?, bytes count: Int,
                     prefix: [UInt8] = [], suffix: [UInt8] = [], cid: String? = nil, disposition: String?,
                     exact: [UInt8]? = nil) -> FileCheck {
        FileCheck(section: section, mediaType: mediaType, filename: filename, count: count, prefix: prefix, suffix: suffix,
                  contentID: cid, disposition: disposition, exact: exact)
    }

    static func ascii(_ s: String) -> [UInt8] { Array(s.utf8) }

    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// The IEND chunk every PNG ends with: length 0, "IEND", CRC AE 42 60 82.
    static let pngEnd: [UInt8] = [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]
    static let jpegStart: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46]
    static let jpegEnd: [UInt8] = [0xFF, 0xD9]
    static let zipStart: [UInt8] = [0x50, 0x4B, 0x03, 0x04]

    /// g12: the uuencoded file, byte for byte.
    static let configIni = "[server]\nhost = mail.example.org\nport = 587\nstarttls = yes\n\n[client]\nname = heed\n"

    // MARK: the messages

    static let cases: [Case] = [
        // ---------------------------------------------------------------- written for these tests
        Case(
            source: .golden("g01-latin1-q-subject.eml"),
            covers: "French subject and From in ISO-8859-1 Q encoded words; ISO-8859-1 quoted-printable body",
            subject: "Réunion d'équipe à 14h",
            from: "Amélie Châtelain <amelie.chatelain@example.org>",
            tree: "[1] text/plain",
            texts: [
                // heed decodes ISO-8859-1 as its superset windows-1252 (as browsers do, documented in
                // Charsets); for these bytes (E0, E9) both give the same characters.
                text("1", "Bonjour à tous,\n\nLa réunion d'équipe aura lieu à 14h en salle 40-S2-C01.\nOrdre du jour : bilan, planning, divers.\n\nAmélie\n",
                     charset: "windows-1252", declared: "iso-8859-1", lossy: false),
            ]),
        Case(
            source: .golden("g02-utf8-b-split-subject.eml"),
            covers: "UTF-8 B subject split across two encoded words inside \"é\" (C3 | A9); base64 UTF-8 body with CRLF",
            // RFC 2047 section 5 forbids splitting a character across encoded words; decoders in the
            // wild (and heed's documented contract) join adjacent same-charset words before charset
            // decoding, which gives the text the sender meant.
            subject: "Événement : café-croissant à l'accueil",
            from: "Lucie Perret <lucie.perret@example.org>",
            tree: "[1] text/plain",
            texts: [text("1", "Rendez-vous jeudi à 8h30 — apportez vos tasses ☕.\nMerci !\n", charset: "utf-8", declared: "utf-8", lossy: false)]),
        Case(
            source: .golden("g03-wrong-charsets.eml"),
            covers: "wrong charsets: utf-8 declared on windows-1252 bytes, us-ascii declared on UTF-8, one stray byte in UTF-8; windows-1252 Q subject",
            subject: "Charsets “faux” – test",
            from: "Marc Dubois <marc.dubois@example.org>",
            tree: """
                [] multipart/mixed
                  [1] text/plain
                  [2] text/plain
                  [3] text/plain
                """,
            texts: [
                // 92 E9 80 9C 85: no valid UTF-8 sequence at all, so windows-1252.
                text("1", "L’équipe a payé 25 € pour les œufs… merci !", charset: "windows-1252", declared: "utf-8", lossy: true),
                text("2", "Zürich – Genève", charset: "utf-8", declared: "us-ascii", lossy: false),
                // Valid UTF-8 (é, à, –) around one FF byte: UTF-8 with one U+FFFD.
                text("3", "Déjà vu \u{FFFD} – fin", charset: "utf-8", declared: "utf-8", lossy: true),
            ]),
        Case(
            source: .golden("g04-undeclared-latin1.eml"),
            covers: "no MIME headers at all; 8-bit Latin-1 body without charset; raw 8-bit Latin-1 Subject and From",
            subject: "Café à volonté",
            from: "Sébastien Roux <sebastien.roux@example.org>",
            tree: "[1] text/plain",
            texts: [text("1", "Le café est offert à l'accueil du bâtiment 40.\nÀ bientôt,\nSébastien\n", charset: "windows-1252", declared: nil)]),
        Case(
            source: .golden("g05-cyrillic.eml"),
            covers: "KOI8-R 8bit body, windows-1251 quoted-printable body, KOI8-R B subject and From, RFC 2231 koi8-r file name",
            subject: "Совещание в пятницу",
            from: "Иван Петров <ivan.petrov@example.org>",
            tree: """
                [] multipart/mixed
                  [1] text/plain
                  [2] text/plain
                  [3] text/plain
                """,
            texts: [
                text("1", "Коллеги, совещание переносится на пятницу, 10:00.\nС уважением,\nИван", charset: "koi8-r", declared: "koi8-r", lossy: false),
                text("2", "Повестка дня: бюджет, сроки, разное.", charset: "windows-1251", declared: "windows-1251", lossy: false),
                text("3", "Minutes: budget approved.", charset: "us-ascii", declared: "us-ascii", lossy: false),
            ],
            files: [file("3", "text/plain", "Протокол.txt", bytes: 25, prefix: ascii("Minutes:"), disposition: "attachment")]),
        Case(
            source: .golden("g06-alternative-html.eml"),
            covers: "multipart/alternative, quoted-printable text and HTML; HTML with links (label ≠ URL, label = URL, mailto), named and numeric entities, <title>/<style>",
            subject: "Portes ouvertes – programme",
            from: "Visites <visites@example.org>",
            tree: """
                [] multipart/alternative
                  [1] text/plain
                  [2] text/html
                """,
            texts: [
                text("1", "Bonjour,\n\nLe programme « Portes ouvertes » est en ligne : https://visit.cern/fr\nInscriptions & questions : visites@example.org\n\n— L'équipe des visites guidées",
                     charset: "utf-8", declared: "utf-8", lossy: false),
                text("2", "Bonjour,\n\nLe programme « Portes ouvertes » est en ligne <https://visit.cern/fr> : visit.cern/fr\n\nInscriptions & questions : visites@example.org\nTarif : 0 € – gratuit, café offert – ☕\n\n— L’équipe des visites guidées",
                     charset: "utf-8", declared: "utf-8", lossy: false,
                     htmlContains: ["<title>Portes ouvertes</title>", "<a href=\"https://visit.cern/fr\">en ligne</a>", "visites guidées</p>"]),
            ]),
        Case(
            source: .golden("g07-related-cid-png.eml"),
            covers: "multipart/related: HTML referring to an inline PNG by cid:",
            subject: "Nouveau logo du club",
            from: "Club Photo <photo@example.org>",
            tree: """
                [] multipart/related
                  [1] text/html
                  [2] image/png
                """,
            texts: [
                text("1", "Voici le nouveau logo :\n\nLogo du club\n\nQu'en pensez-vous ?", charset: "utf-8", declared: "utf-8", lossy: false,
                     htmlContains: ["<img src=\"cid:logo.7f3a@example.org\""]),
            ],
            files: [file("2", "image/png", "logo-club.png", bytes: 352, prefix: png, suffix: pngEnd, cid: "logo.7f3a@example.org", disposition: "inline")]),
        Case(
            source: .golden("g08-mixed-pdf-rfc2231.eml"),
            covers: "multipart/mixed with preamble and epilogue; PDF named by RFC 2231 filename*0*/filename*1* continuations (UTF-8, percent-encoded); xlsx named by name= and name*= (RFC 2231 form wins)",
            subject: "Résumé des décisions",
            from: "Secretariat <secretariat@example.org>",
            tree: """
                [] multipart/mixed
                  [1] text/plain
                  [2] application/pdf
                  [3] application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
                """,
            texts: [text("1", "Ci-joint le résumé des décisions de juin et le budget.", charset: "utf-8", declared: "utf-8", lossy: false)],
            files: [
                // Content-Disposition filename (RFC 2231) is preferred over Content-Type name.
                file("2", "application/pdf", "Résumé des décisions – juin.pdf", bytes: 332, prefix: ascii("%PDF-1.4\r\n"), suffix: ascii("%%EOF\r\n"),
                     disposition: "attachment"),
                // Both name="budget.xlsx" and name*=: RFC 2231 means name* to replace the plain form
                // (RFC 6266 4.3 says the same for filename/filename*), so the extended value wins.
                file("3", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Budget 2025 — équipe.xlsx", bytes: 139,
                     prefix: zipStart, disposition: nil),
            ]),
        Case(
            source: .golden("g09-forward-with-attachment.eml"),
            covers: "forwarded message/rfc822 (8bit) whose own multipart/mixed holds an ISO-8859-1 QP text and a base64 CSV attachment with a raw UTF-8 file name",
            subject: "Fwd: Procès-verbal de la réunion",
            from: "Julien Favre <julien.favre@example.org>",
            tree: """
                [] multipart/mixed
                  [1] text/plain
                  [2] message/rfc822
                    [2] multipart/mixed
                      [2.1] text/plain
                      [2.2] text/csv
                """,
            texts: [
                text("1", "Pour info, voir le message transféré ci-dessous.\n", charset: "utf-8", declared: "utf-8", lossy: false),
                text("2.1", "Bonjour Julien,\nVoici le procès-verbal. Prochaine réunion : mardi.\nZoé\n", charset: "windows-1252", declared: "iso-8859-1", lossy: false),
                text("2.2", "nom;présent\nZoé;oui\nJulien;non\n", charset: "utf-8", declared: "utf-8", lossy: false),
            ],
            files: [file("2.2", "text/csv", "présences.csv", bytes: 36, prefix: ascii("nom;pr"), suffix: ascii("non\r\n"), disposition: "attachment")],
            embedded: [EmbeddedCheck(section: "2", subject: "Procès-verbal de la réunion", from: "Zoé Müller <zoe.mueller@example.org>")]),
        Case(
            source: .golden("g10-base64-rfc822.eml"),
            covers: "message/rfc822 sent base64-encoded (RFC 2046 5.2.1 forbids it; seen in the wild) holding an ISO-8859-15 QP message with a euro sign",
            subject: "Fwd: Facture",
            from: "Julien Favre <julien.favre@example.org>",
            tree: """
                [] multipart/mixed
                  [1] text/plain
                  [2] message/rfc822
                    [2.1] text/plain
                """,
            texts: [
                text("1", "Le message d'origine est en pièce jointe.\n", charset: "utf-8", declared: "utf-8", lossy: false),
                // A4 is € in ISO-8859-15 (¤ in ISO-8859-1).
                text("2.1", "Montant remboursé : 42,50 €.\nCordialement.\n", charset: "iso-8859-15", declared: "iso-8859-15", lossy: false),
            ],
            embedded: [EmbeddedCheck(section: "2", subject: "Facture € et remboursement", from: "Service Desk <service-desk@example.org>")]),
        Case(
            source: .golden("g11-nested-three-levels.eml"),
            covers: "three multipart levels (mixed > alternative > related) with preamble/epilogue, inline GIF without name, binary attachment",
            subject: "Diagram (nested parts)",
            from: "Design <design@example.org>",
            tree: """
                [] multipart/mixed
                  [1] multipart/alternative
                    [1.1] text/plain
                    [1.2] multipart/related
                      [1.2.1] text/html
                      [1.2.2] image/gif
                  [2] application/octet-stream
                """,
            texts: [
                text("1.1", "Plain version: see the diagram.", charset: "utf-8", declared: "utf-8", lossy: false),
                text("1.2.1", "HTML version: see the diagram.", charset: "utf-8", declared: "utf-8", lossy: false),
            ],
            files: [
                file("1.2.2", "image/gif", nil, bytes: 43, prefix: ascii("GIF89a"), suffix: [0x3B], cid: "diagram@example.org", disposition: nil),
                file("2", "application/octet-stream", "data.bin", bytes: 256, disposition: "attachment", exact: Array(0...255)),
            ]),
        Case(
            source: .golden("g12-uuencode-in-plain.eml"),
            covers: "uuencoded file inside a text/plain body (no MIME headers)",
            subject: "config file",
            from: "Old Client <old@example.org>",
            tree: "[1] text/plain",
            texts: [
                TextCheck(section: "1", exact: nil,
                          contains: ["Salut,\n\nvoici le fichier de configuration :\n\nbegin 644 config.ini\nM6W-E<G9E<ET*", "\n`\nend\n\nBonne journee\n"],
                          charsets: asciiDefault, declared: nil, lossy: false, htmlContains: []),
            ],
            files: [file("1.uu1", "application/octet-stream", "config.ini", bytes: 81, disposition: nil, exact: ascii(configIni))]),
        Case(
            source: .golden("g13-lf-only-encoded-name.eml"),
            covers: "LF-only line ends; attachment without Content-Disposition named by an RFC 2047 encoded word in Content-Type name (common misuse)",
            subject: "Slides",
            from: "Nora Klein <nora.klein@example.org>",
            tree: """
                [] multipart/mixed
                  [1] text/plain
                  [2] application/vnd.openxmlformats-officedocument.presentationml.presentation
                """,
            texts: [text("1", "Hello,\nslides attached.\n", charset: "us-ascii", declared: "us-ascii", lossy: false)],
            files: [file("2", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "Présentation_équipe.pptx", bytes: 153,
                         prefix: zipStart, disposition: nil)]),
        Case(
            source: .golden("g14-digest.eml"),
            covers: "multipart/digest: first entry with no part header (implicit message/rfc822, RFC 2046 5.1.5), second explicit",
            subject: "Digest no. 14",
            from: "List <list@example.org>",
            tree: """
                [] multipart/digest
                  [1] message/rfc822
                    [1.1] text/plain
                  [2] message/rfc822
                    [2.1] text/plain
                """,
            texts: [
                text("1.1", "Texte un.\n", charsets: asciiDefault, declared: nil),
                text("2.1", "Texte deux : déjà lu.\n", charset: "utf-8", declared: "utf-8", lossy: false),
            ],
            embedded: [
                // The entry's (empty) part header ends at the first empty line; the message's own
                // header (From, Subject) follows it.
                EmbeddedCheck(section: "1", subject: "Première contribution", from: "a@example.org"),
                EmbeddedCheck(section: "2", subject: "Second item", from: "b@example.org"),
            ]),
        Case(
            source: .golden("g15-raw-utf8-headers.eml"),
            covers: "raw UTF-8 in Subject and From (RFC 6532), folded Subject with an emoji",
            // Unfolding removes only the CRLF (RFC 5322 2.2.3): the space that starts the continuation stays.
            subject: "Réunion — compte rendu 📝 version finale",
            from: "Zoë Ørsted <zoe.orsted@example.org>",
            tree: "[1] text/plain",
            texts: [text("1", "Voilà le compte rendu, ½ page.\n", charset: "utf-8", declared: "utf-8", lossy: false)]),
        Case(
            source: .golden("g16-inline-image-mixed.eml"),
            covers: "Apple Mail style inline JPEG between two text parts in multipart/mixed; subject mixing plain text, adjacent UTF-8 Q words and a windows-1252 word",
            // "=?utf-8?Q?Caf=C3=A9?= =?utf-8?Q?_&_th=C3=A9?=": the blank between adjacent encoded words
            // is dropped (RFC 2047 6.2), the "_" inside the second word is the space.
            subject: "[club] Café & thé pour l’équipe",
            from: "Paul Martin <paul.martin@example.org>",
            tree: """
                [] multipart/mixed
                  [1] text/plain
                  [2] image/jpeg
                  [3] text/plain
                """,
            texts: [
                text("1", "Photo du Globe:\n", charset: "us-ascii", declared: "us-ascii", lossy: false),
                // The CRLF before a delimiter belongs to the delimiter (RFC 2046 5.1.1): the body is CRLF "Paul".
                text("3", "\nPaul", charset: "us-ascii", declared: "us-ascii", lossy: false),
            ],
            files: [file("2", "image/jpeg", "photo-globe.jpg", bytes: 322, prefix: jpegStart, suffix: jpegEnd, disposition: "inline")]),
        Case(
            source: .golden("g17-double-forward.eml"),
            covers: "forward of a forward: message/rfc822 inside message/rfc822, innermost a single QP text/html part",
            subject: "Fwd: Fwd: Visite du Globe",
            from: "Anne Keller <anne.keller@example.org>",
            tree: """
                [] multipart/mixed
                  [1] text/plain
                  [2] message/rfc822
                    [2] multipart/mixed
                      [2.1] text/plain
                      [2.2] message/rfc822
                        [2.2.1] text/html
                """,
            texts: [
                text("1", "See below.\n", charset: "us-ascii", declared: "us-ascii", lossy: false),
                text("2.1", "FYI.\n", charset: "us-ascii", declared: "us-ascii", lossy: false),
                text("2.2.1", "Rendez-vous samedi à 10h devant le Globe.\nPlan : ici <https://maps.example.org/globe>", charset: "utf-8", declared: "utf-8", lossy: false),
            ],
            embedded: [
                EmbeddedCheck(section: "2", subject: "Fwd: Visite du Globe", from: "Marc Weber <marc.weber@example.org>"),
                EmbeddedCheck(section: "2.2", subject: "Visite du Globe — samedi", from: "Visits Service <visits.service@example.org>"),
            ]),
        Case(
            source: .golden("g18-qp-edge-cases.eml"),
            covers: "quoted-printable: encoded trailing space (=20), soft line break, lowercase hex, transport-added trailing blanks",
            subject: "Quoted-printable ✓",
            from: "QP Tester <qp@example.org>",
            tree: "[1] text/plain",
            texts: [
                // RFC 2045 6.7: trailing blanks on an encoded line are deleted when decoding ("café   " → "café"),
                // "=20" is a real space; lowercase hex is not allowed for encoders but a robust decoder reads it.
                text("1", "Ligne avec espace final encodé \nLigne coupée en deux par un saut doux.\nMinuscules : café\nSigne = égal\n",
                     charset: "utf-8", declared: "utf-8", lossy: false),
            ]),
        Case(
            source: .golden("g19-headerless-part.eml"),
            covers: "body part with no header fields (starts with the empty line) whose first lines look like fields; UTF-8 Q subject that is really Latin-1",
            // =E9 and =E8 alone are not UTF-8: the declared charset is wrong, the bytes are Latin-1.
            subject: "Café crème et ordre du jour",
            from: "Agenda <agenda@example.org>",
            tree: """
                [] multipart/mixed
                  [1] text/plain
                  [2] text/plain
                """,
            texts: [
                // RFC 2046 5.1.1: "A body part that starts with a blank line ... is a body part for
                // which all default values are to be assumed": no header fields, and "Date: ..." and
                // "Lieu: ..." are the first lines of its text/plain us-ascii body.
                text("1", "Date: jeudi 26 juin, 14h\nLieu: salle 40-S2-C01\n\nMerci de confirmer.", charsets: asciiDefault, declared: nil),
                // The CRLF before the closing delimiter belongs to the delimiter.
                text("2", "Ordre du jour : café, budget.", charset: "utf-8", declared: "utf-8", lossy: false),
            ]),
        Case(
            source: .golden("g20-outlook-style.eml"),
            covers: "Outlook-style headers: encoded words inside quoted display names, quoted name with a comma, uppercase MULTIPART/MIXED, tab-folded parameters, Quoted-Printable/BASE64 in mixed case, windows-1252 QP body, RFC 2231 filename with a language tag",
            subject: "RE: Présentation du résultat",
            // RFC 2047 5(3) forbids encoded words inside a quoted string, but mailers send
            // "=?utf-8?B?...?=" <addr> every day and heed's contract (EncodedWords) decodes them;
            // under either reading the double quotes are not part of the name.
            from: "Zoé Martin <zoe.martin@example.org>",
            to: "Dupont, Jean <jean.dupont@example.org>, Élodie <elodie@example.org>",
            cc: "René Favre <rene.favre@example.org>",
            tree: """
                [] multipart/mixed
                  [1] text/plain
                  [2] application/pdf
                """,
            texts: [text("1", "Bonjour,\nVoici le résultat, c’est 100 €.\n", charset: "windows-1252", declared: "windows-1252", lossy: false)],
            files: [file("2", "application/pdf", "résultat 2025.pdf", bytes: 332, prefix: ascii("%PDF-1.4\r\n"), suffix: ascii("%%EOF\r\n"),
                         disposition: "attachment")]),

        // ---------------------------------------------------------------- shared corpora (not copied)
        Case(
            source: .guidelines("a-063.eml"),
            covers: "forwarded announcement: message/rfc822 with multipart/mixed > multipart/alternative and a JPEG attachment",
            subject: "Fwd: Invitation: end-of-year party",
            from: "Paul Wagner <paul.wagner@cern.ch>",
            tree: """
                [] multipart/mixed
                  [1] text/plain
                  [2] message/rfc822
                    [2] multipart/mixed
                      [2.1] multipart/alternative
                        [2.1.1] text/plain
                        [2.1.2] text/html
                      [2.2] image/jpeg
                """,
            texts: [
                text("1", "Dear all,\n\nForwarding the Staff Association's invitation, in case you are not a member and\nmissed it. Everyone is welcome!\n\nPaul\n",
                     charset: "utf-8", declared: "utf-8", lossy: false),
                text("2.1.1", contains: ["end-of-year party on Friday 12 December\nat 18:00 in Restaurant 1.", "\n\nThe Staff Association Committee\n"],
                     charset: "utf-8", declared: "utf-8", lossy: false),
                text("2.1.2", "Dear member,\n\nYou are invited to the Staff Association end-of-year party on Friday 12 December\nat 18:00 in Restaurant 1. Music, buffet and raffle. Please find the invitation\ncard attached.\n\nThe Staff Association Committee",
                     charset: "utf-8", declared: "utf-8", lossy: false, htmlContains: ["<html lang=\"en\">"]),
            ],
            files: [file("2.2", "image/jpeg", "invitation_card.jpg", bytes: 17059, prefix: jpegStart, suffix: jpegEnd, disposition: "attachment")],
            embedded: [EmbeddedCheck(section: "2", subject: "Invitation: end-of-year party", from: "Staff Association <staff.association@cern.ch>")]),
        Case(
            source: .guidelines("a-011.eml"),
            covers: "French subject in two UTF-8 Q words across a fold; alternative > related with an inline cid: PNG and an img alt text",
            subject: "Nouveau portail de réservation des salles de réunion",
            from: "Pascal Rochat <pascal.rochat@cern.ch>",
            tree: """
                [] multipart/alternative
                  [1] text/plain
                  [2] multipart/related
                    [2.1] text/html
                    [2.2] image/png
                """,
            texts: [
                text("1", contains: ["Bonjour,\n\nÀ partir du lundi 20 janvier, les salles de réunion se réservent dans le nouveau\nportail : https://rooms.cern.ch\n",
                                     "IT-CDA, Tél. +41 22 766 4812\n"],
                     charset: "utf-8", declared: "utf-8", lossy: false),
                // The link label is the URL itself: shown once; the <img> gives its alt text.
                text("2.1", contains: ["se réservent dans le nouveau portail : https://rooms.cern.ch.\n\nAperçu du portail\n\nVos réservations existantes",
                                       "Pascal Rochat\nIT-CDA, Tél. +41 22 766 4812"],
                     charset: "utf-8", declared: "utf-8", lossy: false, htmlContains: ["<img src=\"cid:portail-salles@cern.ch\""]),
            ],
            files: [file("2.2", "image/png", "apercu.png", bytes: 3772, prefix: png, suffix: pngEnd, cid: "portail-salles@cern.ch", disposition: "inline")]),
        Case(
            source: .guidelines("q-033.eml"),
            covers: "French ISO-8859-1 Q subject split over two words, UTF-8 Q From, ISO-8859-1 QP body with guillemets, JPEG attachment",
            subject: "Bannière LinkedIn avec le logo : est-ce autorisé ?",
            from: "Clémence Baud <clemence.baud@cern.ch>",
            tree: """
                [] multipart/mixed
                  [1] text/plain
                  [2] image/jpeg
                """,
            texts: [
                text("1", contains: ["j'ai préparé la bannière\nci-jointe : le logo du CERN à gauche et mon intitulé de poste « Ingénieure\ncryogénie » à droite.\n",
                                     "TE-CRG - Bât. 165/1-012\nTél. +41 22 767 5530\n"],
                     charset: "windows-1252", declared: "iso-8859-1", lossy: false),
            ],
            files: [file("2", "image/jpeg", "banniere_linkedin.jpg", bytes: 12019, prefix: jpegStart, suffix: jpegEnd, disposition: "attachment")]),
        Case(
            source: .guidelines("q-013.eml"),
            covers: "forwarded phishing mail: message/rfc822 whose body is multipart/alternative, HTML link whose label is its URL",
            subject: "Fw: Action required: verify your social media affiliation",
            from: "Emma Schultz <emma.schultz@cern.ch>",
            tree: """
                [] multipart/mixed
                  [1] text/plain
                  [2] message/rfc822
                    [2] multipart/alternative
                      [2.1] text/plain
                      [2.2] text/html
                """,
            texts: [
                text("1", contains: ["It looks like it comes from you, but\nthe sender address is strange"], charset: "utf-8", declared: "utf-8", lossy: false),
                text("2.1", contains: ["Verify now: https://cern-socialmedia-support.com/verify?id=88213\n"], charset: "utf-8", declared: "utf-8", lossy: false),
                text("2.2", contains: ["reported as non-compliant.\n\nVerify now: https://cern-socialmedia-support.com/verify?id=88213\n\nThank you"],
                     charset: "utf-8", declared: "utf-8", lossy: false,
                     htmlContains: ["<a href=\"https://cern-socialmedia-support.com/verify?id=88213\">"]),
            ],
            embedded: [EmbeddedCheck(section: "2", subject: "Action required: verify your social media affiliation",
                                     from: "CERN Social Media Team <verify@cern-socialmedia-support.com>")]),
        Case(
            source: .mime("mime4j-mimetools-testmsgs/russian.msg"),
            covers: "KOI8-R B encoded word used as a filename parameter value (RFC 2047 misuse): 89DJ08/LLmRvYw== is F3 D0 C9 D3 CF CB \".doc\"",
            subject: "Greetings",
            from: "",
            tree: "[1] text/plain",
            texts: [text("1", "Salutations\n\n\n", charset: "us-ascii", declared: "us-ascii", lossy: false)],
            files: [file("1", "text/plain", "Список.doc", bytes: 17, prefix: ascii("Salutations\r\n"), disposition: "attachment")]),
        Case(
            source: .mime("mime4j-mimetools-testmsgs/attachment-filename-encoding-Latin1.msg"),
            covers: "LF-only message, RFC 2231 ISO-8859-1 percent-encoded filename* (E4 F6 FC = äöü), base64 text attachment",
            subject: nil,
            from: "",
            tree: """
                [] multipart/mixed
                  [1] text/plain
                  [2] text/plain
                """,
            texts: [
                text("1", "Attachment Test\n", charset: "utf-8", declared: "utf-8", lossy: false),
                text("2", "Test\n", charsets: asciiDefault, declared: nil),
            ],
            files: [file("2", "text/plain", "attachment.äöü", bytes: 5, disposition: "attachment", exact: ascii("Test\n"))]),
        Case(
            source: .mime("mime4j-mimetools-testmsgs/sig-uu.msg"),
            covers: "two uuencoded files in a text/plain body, the second with an empty name (a GIF)",
            subject: "Here's my UU'ed sig!",
            from: "",
            tree: "[1] text/plain",
            texts: [
                TextCheck(section: "1", exact: nil, contains: ["so here goes... first off, my .sig file:\n\nbegin 644 .signature\n", "\nDone!\n"],
                          charsets: asciiDefault, declared: nil, lossy: false, htmlContains: []),
            ],
            files: [
                file("1.uu1", "application/octet-stream", ".signature", bytes: 276, prefix: ascii("  ___  _ _ _   _"), suffix: ascii("ise.org\n"), disposition: nil),
                // "begin 644 " with no name: no file name (nil and "" are taken as the same here).
                file("1.uu2", "application/octet-stream", nil, bytes: 236, prefix: ascii("GIF89a"), suffix: [0x00, 0x3B], disposition: nil),
            ]),
    ]

    // MARK: checks

    static func treeLines(_ message: Message) -> [String] {
        message.parts.map { part in
            String(repeating: "  ", count: part.depth) + "[\(part.section)] \(part.mediaType)"
        }
    }

    static func leaf(_ message: Message, _ section: String) -> Part? {
        message.parts.first { $0.section == section && $0.kind == .leaf }
    }

    @Test func atLeastFifteenMessages() {
        #expect(Self.cases.count >= 15)
        #expect(Set(Self.cases.map(\.source.description)).count == Self.cases.count)
    }

    @Test(arguments: cases)
    func golden(_ c: Case) throws {
        let message = try MIMEParser.parse(try Fixtures.bytes(c.source.url))

        #expect(message.scan.complete, "scan limits: \(message.scan.limits)")
        #expect(message.subject == c.subject)
        #expect(message.header.from.map(\.description).joined(separator: ", ") == c.from)
        if let to = c.to { #expect(message.header.to.map(\.description).joined(separator: ", ") == to) }
        if let cc = c.cc { #expect(message.header.cc.map(\.description).joined(separator: ", ") == cc) }

        // Part tree: section, media type and depth of every part in document order.
        let expectedTree = c.tree.split(separator: "\n").map(String.init)
        #expect(Self.treeLines(message) == expectedTree, "\nheed:\n\(Self.treeLines(message).joined(separator: "\n"))")

        // Parent and children links agree with the depths.
        for part in message.parts {
            if let parent = part.parent {
                #expect(message.parts[parent].children.contains(part.index))
                #expect(message.parts[parent].depth + 1 == part.depth)
            } else {
                #expect(part.index == 0)
            }
        }

        for e in c.embedded {
            let part = message.parts.first { $0.section == e.section && $0.kind == .message }
            #expect(part != nil, "no message part \(e.section)")
            #expect(part?.embedded?.subject == e.subject, "embedded subject of \(e.section)")
            #expect(part?.embedded?.from.map(\.description).joined(separator: ", ") == e.from, "embedded From of \(e.section)")
        }

        // Every text leaf is accounted for.
        let expectedTextSections = c.texts.map(\.section)
        #expect(message.textParts.map(\.section) == expectedTextSections)
        for t in c.texts {
            guard let part = Self.leaf(message, t.section), let content = part.text else {
                Issue.record("no text leaf \(t.section)")
                continue
            }
            if let exact = t.exact {
                #expect(content.text == exact, "text of \(t.section)")
            }
            for piece in t.contains {
                #expect(content.text.contains(piece), "text of \(t.section) lacks \(piece.debugDescription)\nheed: \(content.text.debugDescription)")
            }
            #expect(t.charsets.contains(content.charset), "charset of \(t.section): heed \(content.charset), expected \(t.charsets)")
            #expect(content.declaredCharset == t.declared, "declared charset of \(t.section)")
            if let lossy = t.lossy {
                #expect(content.lossy == lossy, "lossy of \(t.section)")
            }
            for piece in t.htmlContains {
                #expect(content.html?.contains(piece) == true, "HTML source of \(t.section) lacks \(piece.debugDescription)")
            }
        }

        // Attachments: the whole list, in order, then each one's bytes.
        let attachments = message.attachments
        #expect(attachments.map(\.section) == c.files.map(\.section), "attachment sections")
        for f in c.files {
            guard let a = attachments.first(where: { $0.section == f.section }) else {
                Issue.record("no attachment \(f.section)")
                continue
            }
            #expect(a.mediaType == f.mediaType, "media type of \(f.section)")
            #expect(a.filename.flatMap { $0.isEmpty ? nil : $0 } == f.filename, "file name of \(f.section)")
            #expect(a.contentID == f.contentID, "Content-ID of \(f.section)")
            let bytes = a.bytes()
            #expect(bytes.count == f.count, "decoded size of \(f.section)")
            #expect(bytes.starts(with: f.prefix), "first bytes of \(f.section): \(bytes.prefix(16).map { String($0, radix: 16) })")
            #expect(bytes.reversed().starts(with: f.suffix.reversed()), "last bytes of \(f.section): \(bytes.suffix(16).map { String($0, radix: 16) })")
            if let exact = f.exact {
                #expect(bytes == exact, "content of \(f.section)")
            }
            if !f.section.contains(".uu"), let part = Self.leaf(message, f.section) {
                let disposition: String? = switch part.disposition {
                case .inline: "inline"
                case .attachment: "attachment"
                case .other(let token): token
                case nil: nil
                }
                #expect(disposition == f.disposition, "disposition of \(f.section)")
                #expect(part.filename == f.filename, "Part.filename of \(f.section)")
            }
        }
    }
}
