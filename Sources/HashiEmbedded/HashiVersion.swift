/// Which hashi this is, for bug reports and for a workflow that pins a release.
public enum HashiVersion {
    /// The release, from the `VERSION` file of the checkout the binary was built from.
    public static let version = embeddedVersion
    /// The short commit of that checkout; nil when it was built outside a git checkout.
    public static let commit: String? = embeddedCommit.isEmpty ? nil : embeddedCommit
    /// `hashi 0.3.0 (abc1234)`, or `hashi 0.3.0 (development)` without a commit.
    public static var description: String { "hashi \(version) (\(commit ?? "development"))" }
}
