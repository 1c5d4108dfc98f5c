import Testing
@testable import TextDecoding

@Suite struct HTMLTextTests {
    func t(_ html: String) -> String { HTMLText.text(fromHTML: html) }

    @Test func linksKeepTheirTargets() {
        #expect(t(#"See <a href="https://home.cern/news">the news</a> today."#) == "See the news <https://home.cern/news> today.")
        #expect(t(#"<a href="https://home.cern/">https://home.cern</a>"#) == "https://home.cern")
        #expect(t(#"<a href="https://home.cern/">HOME.CERN</a>"#) == "HOME.CERN")
        #expect(t(#"<a href="mailto:a@cern.ch">a@cern.ch</a>"#) == "a@cern.ch")
        #expect(t(#"<A HREF='https://x.org/?a=1&amp;b=2&copy=3'>x</A>"#) == "x <https://x.org/?a=1&b=2&copy=3>")
        #expect(t("<a href=https://x.org/unquoted>go</a>") == "go <https://x.org/unquoted>")
        #expect(t(#"<a href="https://x.org"></a>"#) == "https://x.org")
        #expect(t(#"<a href="https://x.org">x</a><a href="https://y.org">y</a>."#) == "x <https://x.org> y <https://y.org>.")
        #expect(t(#"<a href="https://x.org"><img src="a.png"></a>Next"#) == "https://x.org Next")
        // A label that looks like another URL is exactly what a reader must see both of.
        #expect(t(#"<a href="https://evil.example/">https://paypal.com</a>"#) == "https://paypal.com <https://evil.example/>")
    }

    @Test func fragmentAndScriptTargetsSkipped() {
        #expect(t(##"<a href="#top">Back to top</a>"##) == "Back to top")
        #expect(t(#"<a href="javascript:alert(1)">click</a>"#) == "click")
        #expect(t(#"<a href=" JavaScript:void(0)">click</a>"#) == "click")
        #expect(t("<a href=\"java\tscript:x\">click</a>") == "click")
        #expect(t(#"<a href="vbscript:x">click</a>"#) == "click")
        #expect(t(#"<a name="anchor">text</a>"#) == "text")
    }

    @Test func imagesGiveAltText() {
        #expect(t(#"<p>Logo: <img src="x.png" alt="CERN &amp; friends"> end</p>"#) == "Logo: CERN & friends end")
        #expect(t(#"<a href="https://x.org"><img alt="Click me"></a>"#) == "Click me <https://x.org>")
        #expect(t(#"<img src="spacer.gif">text"#) == "text")
    }

    @Test func entities() {
        #expect(t("caf&eacute; &amp; cr&egrave;me &lt;b&gt;") == "café & crème <b>")
        #expect(t("&agrave;&ccedil;&ecirc;&ocirc;&uuml; &laquo;x&raquo; &lsquo;a&rsquo; &ldquo;b&rdquo;") == "àçêôü «x» ‘a’ “b”")
        #expect(t("a&ndash;b&mdash;c&hellip; &euro;5 &copy; &reg; &trade; &apos;&quot;") == "a–b—c… €5 © ® ™ '\"")
        #expect(t("&#233;&#xE9;&#XE9; &#x1F600; &#128512;") == "ééé 😀 😀")
        #expect(t("&#0; &#xD800; &#x110000; &#99999999999999999999;") == "\u{FFFD} \u{FFFD} \u{FFFD} \u{FFFD}")
        #expect(t("&#150;") == "–")  // C1 range through windows-1252, as browsers do
        #expect(t("AT&T &unknown; & &; &#; &#x;") == "AT&T &unknown; & &; &#; &#x;")
        #expect(t("&eacute &amp") == "é &")
        #expect(t("a&nbsp;&nbsp;b") == "a b")
    }

    @Test func droppedContent() {
        let html = """
        <html><head><title>Newsletter</title><style>p { color: red }</style>
        <script>var x = "<p>not text</p>";</script></head>
        <body><!-- a comment <p>hidden</p> --><p>Hello</p>
        <script type="text/javascript">document.write("</scr" + "ipt>")</script >
        <template><p>template content</p></template><p>World</p>
        <!--[if mso]><p>Outlook only</p><![endif]--></body></html>
        """
        #expect(t(html) == "Hello\n\nWorld")
        #expect(t("<SCRIPT>x</SCRIPT>after") == "after")
        #expect(t("<style>a{}</styles>still style</style>after") == "after")
    }

    @Test func blocksAndWhitespace() {
        #expect(t("<p>a</p><p>b</p>") == "a\n\nb")
        #expect(t("a<br>b<br/>c<br><br><br><br>d") == "a\nb\nc\n\nd")
        #expect(t("<div>one</div><div>two</div>") == "one\ntwo")
        #expect(t("  lots   of \n\t space  ") == "lots of space")
        #expect(t("<h1>Title</h1>text<hr>more<blockquote>quoted</blockquote>") == "Title\n\ntext\n\nmore\n\n> quoted")
        #expect(t("<p>On Monday Jo wrote:</p><blockquote>first<br>second<blockquote>deeper</blockquote>back</blockquote>after")
            == "On Monday Jo wrote:\n\n> first\n> second\n\n> > deeper\n\n> back\n\nafter")
        #expect(t("in<b>line</b> <i>tags</i>") == "inline tags")
    }

    @Test func listsAndTables() {
        #expect(t("<ul><li>one</li><li>two</li></ul><p>after</p>") == "- one\n- two\n\nafter")
        #expect(t("<ol><li><p>para in item</p></li></ol>") == "- para in item")
        let table = "<table><tr><th>Name</th><th>Room</th></tr><tr><td>Ada</td><td>40-1-A01</td></tr></table>"
        #expect(t(table) == "Name | Room\nAda | 40-1-A01")
        #expect(t("<table><tr><td></td><td>x</td><td> </td></tr></table>") == "x")
    }

    @Test func preKeepsWhitespace() {
        #expect(t("<p>code:</p><pre>\n  let x = 1\n    y</pre><p>done</p>") == "code:\n\n  let x = 1\n    y\n\ndone")
        #expect(t("<pre>a&nbsp;&nbsp;b<br>c</pre>") == "a  b\nc")
    }

    @Test func brokenMarkup() {
        #expect(t("a < b and c > d") == "a < b and c > d")
        #expect(t("1 <2 and x<=y") == "1 <2 and x<=y")
        #expect(t("<b>bold never closed") == "bold never closed")
        #expect(t("text <div unterminated") == "text")
        #expect(t("x <!-- unclosed comment <p>y</p>") == "x")
        #expect(t("<!--> shown <!---> also") == "shown also")
        #expect(t("<p title=\"a>b\">quoted gt</p>") == "quoted gt")
        #expect(t("</p></div>stray closers</a></table>") == "stray closers")
        #expect(t("<!DOCTYPE html><?xml version=\"1.0\"?>doc") == "doc")
        #expect(t("<a href=\"https://x.org\">open link") == "open link <https://x.org>")
        #expect(t("<script>never closed") == "")
        #expect(t("<head><meta charset=utf-8>Text in head shows") == "Text in head shows")
        #expect(t("") == "")
        #expect(t("<") == "<")
        #expect(t("&") == "&")
        #expect(t("</") == "</")
    }

    @Test func deeplyNestedDocumentCompletes() {
        let depth = 20_000
        let html = String(repeating: "<div><span class=\"c\">", count: depth) + "deep text"
            + String(repeating: "</span></div>", count: depth)
        #expect(html.utf8.count > 200_000)
        #expect(t(html) == "deep text")

        let unclosed = String(repeating: "<table><tr><td><a href=\"https://x.org\"><b>", count: 5_000) + "end"
        let r = t(unclosed)
        #expect(r.hasSuffix("end <https://x.org>"))

        let lts = String(repeating: "< <a <!x <b ", count: 20_000)
        _ = t(lts)
        let amps = String(repeating: "&#x1234567890;&amp", count: 20_000)
        #expect(t(amps).unicodeScalars.filter { $0 == "\u{FFFD}" }.count == 20_000)
    }

    @Test func hostileInputNeverTraps() {
        var rng = SplitMix64(seed: 8)
        for _ in 0..<400 {
            let input = hostileInput(&rng, pieces: ["<", ">", "</", "<a href=\"", "\"", "'", "<!--", "-->", "&", "&#", "x", ";",
                                                    "<script>", "</script", "<pre>", "</pre>", "<li>", "<td>", "<br>", " ", "\n",
                                                    "<head>", "<template>", "<img alt=", "é"],
                                     length: Int.random(in: 0..<400, using: &rng))
            _ = t(String(decoding: input, as: UTF8.self))
        }
    }
}
