/// The files of `hashi init --overlay my-ngo`: the overlay folder of docs/REUSE.md, every key
/// present and explained, nothing that would go live unedited.
enum OverlayScaffold {
    static let files: [String: String] = [
        "site.yaml": siteYAML,
        "data/reporting-channels.yaml": SiteScaffold.channelsYAML,
        "README.md": readme,
    ]

    static let siteYAML = """
        # Your organisation's settings, laid over the microsite's Content/site.yaml by
        # `hashi build --overlay THIS-FOLDER`. Only brand: and baseURL: may be set here: the languages,
        # the pages and the source's credit and licence stay the microsite's.
        # Remove the # in front of the lines you need and put in your own values. Every key is optional.
        # brand:
        #   name: {ja: 団体名, en: Your organisation}   # or one text for every language
        #   showName: true            # false: the logo alone, its text the name (when the logo spells the name)
        #   logo: logo.svg            # a file beside this site.yaml; SVG, PNG, JPEG or WebP
        #   primaryColor: "#0b6e4f"   # the quotes are needed: # starts a YAML comment
        #   contact: "Contact: contact@your-organisation.org"
        #   license: "Our additions (logo, contact line, channels) are published under CC BY 4.0."
        # baseURL: https://www.your-organisation.org/campaign/   # where you publish the site

        """

    static let readme = """
        # Your overlay

        Made with `hashi init --overlay`. It holds only what your organisation changes in the microsite:

        - `site.yaml`: your brand (name, logo, colour, contact line, licence of your additions) and
          where you publish the site.
        - `data/reporting-channels.yaml`: your helplines. A channel with the `id` of one of the
          microsite's replaces it; a new `id` is added after them.
        - `Templates/` (make it only if you need it): a theme file you change, under the same path as
          in hashi's `Templates/`.

        Build it in the folder that holds the microsite's `Content/` (a checkout of hashi, or the
        unpacked release archive), with this folder beside it or inside it:

            hashi serve --overlay my-ngo          # see it at http://127.0.0.1:8000/
            hashi check --strict --overlay my-ngo
            hashi build --overlay my-ngo --archive my-ngo-site.zip

        Publish what `Output/` holds except its hidden `.hashi/` folder
        (`rsync -a --exclude .hashi Output/ destination/`), or share the zip.

        """

    static func nextSteps(_ folder: String) -> String {
        """
        hashi: made an overlay folder in \(folder)/. Edit \(folder)/site.yaml and \(folder)/data/reporting-channels.yaml, then,
        in the folder that holds the microsite's Content/:
          hashi serve --overlay \(folder)
          hashi check --strict --overlay \(folder)
          hashi build --overlay \(folder)
        """
    }
}
