import Testing

@testable import Topics

/// The cue file format, on small files an administrator could write.
@Suite("Cue files")
struct CueFormatTests {
    func classifier(_ text: String) throws -> TopicClassifier { try TopicClassifier(cues: text) }

    @Test("a minimal file: one word cue, folded and stemmed")
    func minimal() throws {
        let c = try classifier("""
            topic conduct
            5 harcèlement
            """)
        #expect(c.classify(subject: nil, body: "Il s'agit de HARCELEMENTS répétés.").topic == .conduct)
        #expect(c.classify(subject: nil, body: "Nothing here.").topic == .general)
    }

    @Test("prefixes, phrases with stopwords left out, alternatives, hyphenated alternatives")
    func patterns() throws {
        let c = try classifier("""
            stopwords of the
            set min-score 3
            topic conduct
            3 code of conduct
            topic security
            3 hack*
            topic logo
            3 t-shirt|mug
            topic intellectual-property
            3 well-known|famous song
            """)
        #expect(c.classify(subject: nil, body: "the code of the conduct").topic == .conduct)
        #expect(c.classify(subject: nil, body: "the hackers got in").topic == .security)
        #expect(c.classify(subject: nil, body: "logo on a T-shirt").topic == .logo)
        #expect(c.classify(subject: nil, body: "logo on mugs").topic == .logo)
        #expect(c.classify(subject: nil, body: "a well-known song").topic == .intellectualProperty)
        #expect(c.classify(subject: nil, body: "a famous song").topic == .intellectualProperty)
        #expect(c.classify(subject: nil, body: "a well song").topic == .general)
    }

    @Test("`A ~N B`: parts near each other, in any order, within N words")
    func near() throws {
        let c = try classifier("""
            topic security
            4 account ~5 my name
            """)
        #expect(c.classify(subject: nil, body: "an account with my name").topic == .security)
        #expect(c.classify(subject: nil, body: "my name is on that account").topic == .security)
        #expect(c.classify(subject: nil, body: "an account I opened long ago and never used with my name").topic == .general)
    }

    @Test("the subject weighs more than the body; a cue counts once per zone")
    func weights() throws {
        let c = try classifier("""
            set subject-weight 2
            set min-score 1
            topic media
            1 journalist
            """)
        #expect(c.classify(subject: "journalist", body: "").scores[.media] == 2)
        #expect(c.classify(subject: "journalist", body: "journalist journalist journalist").scores[.media] == 3)
    }

    @Test("a reply's or forward's subject counts reply-subject-weight when the body has cues")
    func replySubject() throws {
        let c = try classifier("""
            set subject-weight 2
            set reply-subject-weight 0.5
            set min-score 0
            topic media
            2 journalist
            topic general
            1 thanks
            """)
        #expect(c.classify(subject: "journalist", body: "thanks").scores[.media] == 4)
        #expect(c.classify(subject: "Re: journalist", body: "thanks").scores[.media] == 1)
        #expect(c.classify(subject: "TR : journalist", body: "thanks").scores[.media] == 1)
        #expect(c.classify(subject: "[outreach] Fwd: journalist", body: "thanks").scores[.media] == 1)
        #expect(c.classify(subject: "Reply: journalist", body: "thanks").scores[.media] == 4)
        // A follow-up that only adds detail: the subject still says what the thread is about.
        #expect(c.classify(subject: "Re: journalist", body: "one more detail").scores[.media] == 4)
    }

    @Test("words after lead-words count tail-weight")
    func tail() throws {
        let c = try classifier("""
            set lead-words 3
            set tail-weight 0.5
            set min-score 0
            topic media
            2 journalist
            """)
        #expect(c.classify(subject: nil, body: "a journalist").scores[.media] == 2)
        #expect(c.classify(subject: nil, body: "one two three journalist").scores[.media] == 1)
    }

    @Test("min-score and min-margin leave unclear questions general")
    func thresholds() throws {
        let c = try classifier("""
            set min-score 3
            set min-margin 1
            topic logo
            3 logo
            topic media
            3 journalist
            2.5 reporter
            """)
        #expect(c.classify(subject: nil, body: "logo").topic == .logo)
        #expect(c.classify(subject: nil, body: "reporter").topic == .general, "below min-score")
        #expect(c.classify(subject: nil, body: "logo journalist").topic == .general, "no margin")
        let close = c.classify(subject: nil, body: "logo reporter")
        #expect(close.topic == .general, "a margin of 0.5")
        #expect(close.cues.count == 2, "the log says which topics came close: \(close.cues)")
    }

    @Test("a negative weight cancels a misleading cue, and no score goes below zero")
    func negative() throws {
        let c = try classifier("""
            set min-score 2
            topic media
            3 media
            -3 social media
            """)
        #expect(c.classify(subject: nil, body: "a media request").topic == .media)
        #expect(c.classify(subject: nil, body: "my social media account").topic == .general)
        #expect(c.classify(subject: nil, body: "my social media").scores[.media] == 0)
    }

    @Test("general can have cues of its own")
    func generalCues() throws {
        let c = try classifier("""
            topic general
            4 forgot ~3 password
            topic security
            2 password
            """)
        let decision = c.classify(subject: nil, body: "I forgot my password")
        #expect(decision.topic == .general)
        #expect(decision.cues.first?.hasPrefix("general: 'forgot … password'") == true, "\(decision.cues)")
    }

    @Test("sign-offs and footers come from the file")
    func signoffsFromFile() throws {
        let c = try classifier("""
            signoff groetjes
            footer disclaimer notice
            topic media
            5 journalist
            """)
        #expect(c.classify(subject: nil, body: "Hello\nGroetjes,\nPiet, journalist").topic == .general)
        #expect(c.classify(subject: nil, body: "Hello\nDisclaimer notice: journalist").topic == .general)
        #expect(c.classify(subject: nil, body: "Hello\nA journalist called.").topic == .media)
    }

    @Test("comments and blank lines are ignored")
    func comments() throws {
        let c = try classifier("""
            # a comment

            topic logo   # trailing comment
            5 logo       # another
            """)
        #expect(c.classify(subject: nil, body: "logo").topic == .logo)
    }

    @Test(
        "a broken file names its line",
        arguments: [
            ("5 logo", 1, "before any `topic`"),
            ("topic logos", 1, "expected `topic NAME`"),
            ("topic logo\nfive logo", 2, "unknown keyword"),
            ("topic logo\n5", 2, "no pattern"),
            ("set min-score lots", 1, "must be a number"),
            ("set speed 3", 1, "unknown setting"),
            ("topic logo\n5 lo*", 2, "at least 3 letters"),
            ("stopwords the\ntopic logo\n5 the|logo", 3, "stopword"),
            ("topic logo\n5 logo ~99 mug", 2, "from 1 to 50"),
            ("topic logo\n5 logo ~", 2, "empty part"),
            ("stopwords the\ntopic logo\n5 the", 3, "empty part"),
        ])
    func errors(text: String, line: Int, message: String) {
        do {
            _ = try TopicClassifier(cues: text)
            Issue.record("no error for \(text)")
        } catch {
            #expect(error.line == line)
            #expect(error.message.contains(message), "\(error)")
            #expect(error.description.hasPrefix("topic cues, line \(line): "))
        }
    }

    @Test("an empty file compiles and answers general")
    func empty() throws {
        #expect(try classifier("").classify(subject: "hacked", body: "hacked").topic == .general)
    }
}
