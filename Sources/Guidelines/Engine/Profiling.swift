import Config
import MIME

/// For heed-checks-bench only: the cost of each piece of `CheckEngine.evaluate` on one message,
/// finer than `stageTimes` (each rule of the rule checks, the parts of the analysis), so that
/// the benchmark can say where the time goes without a profiler. Not part of heed's interface.
extension CheckEngine {
    @_spi(Bench)
    /// `measure` runs its argument and returns the time it took in nanoseconds (the benchmark
    /// measures CPU time).
    public func detailedTimes(_ message: Message, recipients: [String]? = nil,
                              measure: (() -> Void) -> Int) -> [(stage: String, nanoseconds: Int)] {
        let addresses = recipients ?? (message.header.to + message.header.cc).map(\.address)
        let (mode, list) = config.mode(forRecipients: addresses)
        guard mode != .passthrough else { return [] }
        var times: [(String, Int)] = []
        var texts: [String] = []
        if let subject = message.subject { texts.append(subject) }
        for part in message.textParts where !part.isAttachment {
            if let text = part.text?.text { texts.append(text) }
        }
        var language = Language.en
        times.append(("language", measure { language = LanguageDetector.detect(texts) }))
        // The analysis' layouts alone (tokens, lines, word index), then the whole analysis.
        times.append(("analysis: layouts", measure {
            for text in texts {
                let bytes = Array(text.utf8)
                _ = TextLayout(bytes: bytes, range: 0..<bytes.count, lexicon: rules.vocabulary.lexicon)
            }
        }))
        var analysis: MessageAnalysis?
        times.append(("analysis: all", measure {
            analysis = MessageAnalysis(message: message, mode: mode, wideAudience: list?.audience == .wide, vocabulary: rules.vocabulary)
        }))
        guard let analysis else { return times }
        let disabled = Set(config.checks.disable + config.policies.policy(for: list?.address).disable)
        let input = CheckInput(message: message, mode: mode, list: list, language: language, config: config, analysis: analysis,
                               disabled: disabled)
        for check in checks where !disabled.contains(check.id) {
            if let ruleCheck = check as? RuleCheck {
                for rule in ruleCheck.rules where !input.isDisabled(rule) {
                    times.append((rule.id, measure {
                        _ = ruleCheck.runner.run(rule, analysis: analysis, config: config)
                    }))
                }
            } else {
                times.append((check.id, measure { _ = check.run(input) }))
            }
        }
        return times
    }
}
