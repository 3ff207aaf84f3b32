/// The files of `hashi init my-site`: a bilingual site (ja, en) that builds with the theme inside
/// the binary, with every line a volunteer has to change marked in a comment.
enum SiteScaffold {
    static let files: [String: String] = [
        "Content/site.yaml": siteYAML,
        "Content/ja/_index.md": """
            ---
            title: ようこそ
            description: このサイトの紹介。困ったときの相談先もあります。
            ---

            ここにサイトの紹介を書きます。このファイルは `Content/ja/_index.md` です。

            いま困っている人は、[相談窓口](help.md)を見てください。

            """,
        "Content/en/_index.md": """
            ---
            title: Welcome
            description: What this site is about, and where to turn for help.
            ---

            Say here what this site is about. This file is `Content/en/_index.md`.

            If you need help now, see [where to get help](help.md).

            """,
        "Content/ja/help.md": """
            ---
            title: 相談窓口
            description: 相談や通報ができる窓口。
            layout: channels
            ---

            相談窓口は `Content/data/reporting-channels.yaml` に書くと、この下に一覧で表示されます。

            """,
        "Content/en/help.md": """
            ---
            title: Where to get help
            description: Where to ask for help or report.
            layout: channels
            ---

            The channels of `Content/data/reporting-channels.yaml` are listed below this text.

            """,
        "Content/data/reporting-channels.yaml": channelsYAML,
        "README.md": readme,
        ".gitignore": "Output/\n",
    ]

    static let siteYAML = """
        # The site: its languages (the first is the default), the help page and the menu.
        # A key's value that starts with # or contains ": " needs quotes: "#0b6e4f".
        languages:
          - code: ja
            name: 日本語
            title: 新しいサイト          # the site's name in the header
            footer: このサイトの文章は CC BY 4.0 で公開しています。   # your credit and licence line, on every page
          - code: en
            name: English
            title: A new site
            footer: The text of this site is published under CC BY 4.0.
        helpPage: help.md                # linked from every page's help box
        menu:
          - help.md
        # Optional: your brand (name, logo, primaryColor, contact, license), and where you publish
        # the site. See docs/REUSE.md.
        # brand:
        #   name: {ja: 団体名, en: Your organisation}
        # baseURL: https://www.your-organisation.org/campaign/

        """

    static let channelsYAML = """
        # Where to report or get help, listed on the help page and written to Output/data/.
        # Every text is given in every language; links start with https://; a phone number is one a
        # phone can dial. Uncomment the example below, then replace EVERY value with a real one.
        # The phone number in it is a placeholder that reaches no one.
        checked: 2026-12-01
        channels: []
        # channels:
        #   - id: your-helpline              # lowercase letters, digits and hyphens; never change it later
        #     situations: [work, sexual]     # emergency, work, sexual, child, online, immigration, witness
        #     name:
        #       ja: "（窓口の名前）"
        #       en: "(name of the helpline)"
        #     purpose:
        #       ja: "（何を相談できるか）"
        #       en: "(what people can ask about)"
        #     audience:
        #       ja: "（だれのための窓口か）"
        #       en: "(who it is for)"
        #     phone: "000-0000-0000"         # PLACEHOLDER, not a real number
        #     source: https://www.your-organisation.org/contact/   # the page you checked the facts on
        #     checked: 2026-12-01            # the day you checked them

        """
}
