import HashiContent
import HashiSupport

/// A page's context in the engine's form: what its key hashes, and, once its body is set, what
/// its template reads.
package struct RenderContext: Sendable {
    private(set) var value: TemplateValue

    init(value: TemplateValue) {
        self.value = value
    }

    /// Sets the page's body (`PageFields.contentName`), written into the page as it is.
    mutating func setBody(_ html: [UInt8]) {
        guard case .object(var members) = value else { return }
        value = .null  // one reference to the members, so the insert does not copy them
        members[PageFields.contentName] = .bytes(html)
        value = .object(members)
    }
}
