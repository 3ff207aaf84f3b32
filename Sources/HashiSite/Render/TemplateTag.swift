import HashiContent
import HashiSupport

/// One tag of a template as the checker sees it: `{{#name}}` has the sigil `#`, `{{name}}` none.
struct TemplateTag: Sendable, Equatable {
    var sigil: Character?
    var name: String
    /// Byte offset of the tag's opening delimiter in the template's UTF-8.
    var offset: Int
}
