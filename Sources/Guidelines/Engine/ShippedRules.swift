/// The rule files shipped inside heed (Sources/Guidelines/Rules/, embedded at build time by
/// SwiftPM's `embedInCode`), in the order they are read. A new shipped file is added here.
enum ShippedRules {
    static var files: [(name: String, text: String)] {
        [
            ("common.yaml", PackageResources.common_yaml),
            ("personal-data.yaml", PackageResources.personal_data_yaml),
            ("confidential.yaml", PackageResources.confidential_yaml),
            ("offensive.yaml", PackageResources.offensive_yaml),
            ("official-communication.yaml", PackageResources.official_communication_yaml),
            ("unsourced-claim.yaml", PackageResources.unsourced_claim_yaml),
            ("copy-paste.yaml", PackageResources.copy_paste_yaml),
            ("endorsement.yaml", PackageResources.endorsement_yaml),
            ("intellectual-property.yaml", PackageResources.intellectual_property_yaml),
            ("missing-disclaimer.yaml", PackageResources.missing_disclaimer_yaml),
            ("jargon.yaml", PackageResources.jargon_yaml),
            ("logo.yaml", PackageResources.logo_yaml),
            ("overposting.yaml", PackageResources.overposting_yaml),
        ].map { ($0.0, String(decoding: $0.1, as: UTF8.self)) }
    }
}
