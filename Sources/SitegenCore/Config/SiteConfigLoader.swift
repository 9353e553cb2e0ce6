import Yams

/// Decodes `sitegen.yml` text into a `SiteConfig`, collecting located diagnostics.
public struct SiteConfigLoader {
    /// Keys `sitegen.yml` understands.
    public static let knownKeys: Set<String> = [
        "title", "description", "language", "author", "baseURL", "repository", "markdown", "topics",
        "search",
    ]

    /// The config path used in diagnostics.
    public let path: String

    /// Creates a loader; `path` names the file in diagnostics.
    public init(path: String = "sitegen.yml") {
        self.path = path
    }

    /// Decodes the YAML text; diagnostics are returned with the config (defaults where broken).
    public func decode(_ text: String) -> (SiteConfig, [Diagnostic]) {
        var reader = YAMLReader(path: path)
        var config = SiteConfig()
        guard let root = reader.compose(text) else { return (config, reader.diagnostics) }
        guard let fields = reader.mapping(root, what: "sitegen.yml") else {
            return (config, reader.diagnostics)
        }
        for field in fields {
            apply(field.key, field.value, keyNode: field.keyNode, to: &config, reader: &reader)
        }
        return (config, reader.diagnostics)
    }

    private func apply(
        _ key: String, _ value: Node, keyNode: Node, to config: inout SiteConfig,
        reader: inout YAMLReader
    ) {
        switch key {
        case "title": config.title = reader.string(value, key: key) ?? config.title
        case "description": config.description = reader.string(value, key: key) ?? ""
        case "language": config.language = reader.string(value, key: key) ?? config.language
        case "author": config.author = reader.string(value, key: key) ?? ""
        case "baseURL": config.baseURL = BaseURL(reader.string(value, key: key) ?? "/")
        case "repository": config.repository = reader.string(value, key: key)
        case "markdown": decodeMarkdown(value, into: &config, reader: &reader)
        case "topics": decodeTopics(value, into: &config, reader: &reader)
        case "search": decodeSearch(value, into: &config, reader: &reader)
        default: reader.warning(keyNode, "unknown key '\(key)' in sitegen.yml")
        }
    }

    private func decodeMarkdown(
        _ node: Node, into config: inout SiteConfig, reader: inout YAMLReader
    ) {
        guard let fields = reader.mapping(node, what: "'markdown'") else { return }
        for field in fields {
            if field.key == "smartPunctuation" {
                config.markdown.smartPunctuation = reader.bool(field.value, key: field.key) ?? false
            } else {
                reader.warning(field.keyNode, "unknown key '\(field.key)' in 'markdown'")
            }
        }
    }

    private func decodeSearch(_ node: Node, into config: inout SiteConfig, reader: inout YAMLReader)
    {
        guard let fields = reader.mapping(node, what: "'search'") else { return }
        for field in fields {
            guard field.key == "split" else {
                reader.warning(field.keyNode, "unknown key '\(field.key)' in 'search'")
                continue
            }
            guard let text = reader.string(field.value, key: "split") else { continue }
            if let split = SearchSplit(rawValue: text) {
                config.searchSplit = split
            } else {
                reader.error(field.value, "'split' must be auto, always or never, not '\(text)'")
            }
        }
    }

    private func decodeTopics(_ node: Node, into config: inout SiteConfig, reader: inout YAMLReader)
    {
        guard let fields = reader.mapping(node, what: "'topics'") else { return }
        config.declaresTopics = true
        for field in fields {
            var topic = TopicDefinition(slug: field.key, title: field.key, description: "")
            if case .scalar = field.value {
                topic.title = field.value.string ?? field.key
            } else if let details = reader.mapping(field.value, what: "topic '\(field.key)'") {
                for detail in details {
                    switch detail.key {
                    case "title":
                        topic.title = reader.string(detail.value, key: "title") ?? field.key
                    case "description":
                        topic.description = reader.string(detail.value, key: "description") ?? ""
                    default: reader.warning(detail.keyNode, "unknown key '\(detail.key)' in topic")
                    }
                }
            }
            config.topics.append(topic)
        }
    }
}
