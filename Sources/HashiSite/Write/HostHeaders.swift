import Foundation
import HashiContent
import HashiSupport

/// Which host's headers file `--headers` writes.
public enum HostHeadersFormat: String, Sendable, CaseIterable {
    /// `_headers`, read by Netlify and by Cloudflare Pages.
    case netlify
}

/// The host's headers file (`_headers`): the Content-Security-Policy as a real header, which alone
/// can say `frame-ancestors` (a `<meta>` policy cannot), so no other site can frame the pages and
/// overlay them with its own. The embeddable channels pages keep a policy without it: framing them
/// is what they are for.
///
/// Every path gets its own block, because both hosts join the values of one header from several
/// matching blocks, and two policies are both enforced: a `/*` block with `frame-ancestors 'none'`
/// would forbid framing the embeddable pages too. Paths are from the host's root, under the path of
/// the base URL when there is one.
package struct HostHeaders {
    package static let path = GeneratedOutputs.headersPath
    /// The policy of `Templates/partials/meta.mustache`, with framing forbidden.
    package static let sitePolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    /// The policy of `Templates/layouts/channels-embed.mustache`: its CSS is inline; any site may frame it.
    package static let embedPolicy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'none'; base-uri 'none'; form-action 'none'"
    /// Browser features the site never uses, turned off for it and anything it could embed.
    package static let permissionsPolicy = [
        "accelerometer", "autoplay", "bluetooth", "camera", "display-capture", "encrypted-media", "fullscreen",
        "geolocation", "gyroscope", "hid", "idle-detection", "magnetometer", "microphone", "midi", "payment",
        "picture-in-picture", "publickey-credentials-get", "screen-wake-lock", "serial", "usb", "xr-spatial-tracking",
    ].map { $0 + "=()" }.joined(separator: ", ")

    let site: Site
    /// The pages hashi writes itself (the theme decides which), as output paths.
    let generatedPages: [String]

    package init(site: Site, generatedPages: [String]) {
        self.site = site
        self.generatedPages = generatedPages
    }

    package var text: String {
        var out = """
        # Written by `hashi build --headers netlify`, for Netlify and Cloudflare Pages.
        /*
          X-Content-Type-Options: nosniff
          Referrer-Policy: no-referrer
          Permissions-Policy: \(Self.permissionsPolicy)

        """
        let pages = Set(site.pages.map(\.outputPath) + generatedPages).sorted()
        for page in pages {
            let policy = Self.isEmbeddable(page) ? Self.embedPolicy : Self.sitePolicy
            for address in addresses(of: page) {
                out += "\n\(address)\n  Content-Security-Policy: \(policy)\n"
            }
        }
        return out
    }

    /// `en/channels-embed/index.html`
    static func isEmbeddable(_ outputPath: String) -> Bool {
        outputPath.split(separator: "/").dropLast().last == Substring(GeneratedOutputs.channelsEmbedLayout)
    }

    /// The addresses a page is asked for by: its folder (`/en/about/`) and its file (`/en/about/index.html`).
    func addresses(of outputPath: String) -> [String] {
        let prefix = basePath
        let file = prefix + URLPath.encode(outputPath)
        guard outputPath == "index.html" || outputPath.hasSuffix("/index.html") else { return [file] }
        return [String(file.dropLast("index.html".count)), file]
    }

    /// The path of the base URL (`/campaign/`), or `/`.
    var basePath: String {
        guard let base = site.config.baseURL, let url = URL(string: base), !url.path.isEmpty else { return "/" }
        return url.path.hasSuffix("/") ? url.path : url.path + "/"
    }
}
