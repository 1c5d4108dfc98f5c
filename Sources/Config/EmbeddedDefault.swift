extension HeedConfig {
    /// The configuration heed runs with when no file is given, as YAML.
    ///
    /// It must set every key (the loader checks this, since nothing lies beneath it to fill
    /// gaps). Deploy/heed.yaml holds the same values with every key explained; a test keeps
    /// the two equal, so change both together.
    public static let embeddedDefaultYAML: String = """
        # heed's embedded default configuration. Deploy/heed.yaml has the same values,
        # with every key explained.
        own_domains:
          - cern.ch

        watch:
          - address: social-media@cern.ch
            mode: query
          - address: physics-announce@cern.ch
            mode: announcement
            audience: specialist
          - address: it-announce@cern.ch
            mode: announcement
            audience: specialist
          - address: users-announce@cern.ch
            mode: announcement
            audience: wide
          - address: announcements@cern.ch
            mode: announcement
            audience: wide
          - address: "*-announce@cern.ch"
            mode: announcement
            audience: specialist

        limits:
          max_message_size: 32MiB
          max_depth: 32
          max_parts: 1000
          max_header_bytes: 1MiB

        milter:
          listen: "inet:8891@127.0.0.1"
          max_connections: 1000
          max_frame_size: 1MiB
          max_scanned_size: 16MiB
          timeouts:
            negotiation: 30s
            command: 10m
            evaluation: 60s
            shutdown: 30s
          on_error: accept

        checks:
          rule_directories: []
          disable: []
          severity: {}
          authorised_senders:
            - press.office@cern.ch
            - communications@cern.ch
          allow:
            numbers:
              - "+412276*"
            senders: []
            values: []
          logo:
            shipped_reference: true
            references: []

        policies:
          default:
            on_block: hold
            observe: false
            overposting:
              max: 5
              window: 7d
          lists: []

        contacts:
          logo: visual-identity@cern.ch
          official: communications@cern.ch
          privacy: data-privacy@cern.ch
          security: computer-security@cern.ch
          intellectual-property: legal-service@cern.ch
          media: press@cern.ch
          conduct: ombud@cern.ch

        store:
          path: /var/lib/heed/heed.sqlite
          key_file: /var/lib/heed/pseudonym.key
          retention_days: 90

        replies:
          enabled: true
          from: social-media@cern.ch
          templates: null
          period: 7d
          notice_period: 10m
          guidelines_url:
            en: https://admin-eguide.web.cern.ch/procedure/social-media-guidelines
            fr: https://admin-eguide.web.cern.ch/fr/procedure/social-media-guidelines
          relay:
            host: 127.0.0.1
            port: 10026
            timeout: 30s
          retry:
            first: 1m
            maximum: 1h
            attempts: 0

        digest:
          recipients:
            - social-media@cern.ch
          top: 5

        metrics:
          listen: null

        """

    /// The embedded default, parsed once.
    ///
    /// Never fails at run time: ConfigTests parses `embeddedDefaultYAML`, so a broken
    /// default is caught before it ships. The `fatalError` marks a programming error in this
    /// file, not bad input.
    public static let embeddedDefault: HeedConfig = {
        do {
            return try ConfigLoader.parse(yaml: embeddedDefaultYAML, source: embeddedSource, over: nil)
        } catch {
            fatalError("heed's embedded default configuration is invalid: \(error)")
        }
    }()

    /// The `source` of the embedded default and the file name in its errors.
    public static let embeddedSource = "embedded default"
}
