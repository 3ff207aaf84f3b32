extension SiteScaffold {
    static let readme = """
        # Your site

        Made with `hashi init`. Every command runs in this folder.

        1. See it: `hashi serve`, then open http://127.0.0.1:8000/. It rebuilds when you save a file.
        2. Write: each language has a folder of Markdown pages, `Content/ja/` and `Content/en/`; a page
           has the same file name in every language. `_index.md` is the home page, `help.md` the help
           page. A new page goes into the menu in `Content/site.yaml`.
        3. Add your helplines to `Content/data/reporting-channels.yaml` (an example is in its comments).
        4. Change the title, the footer (your credit and licence) and, if you like, the brand in
           `Content/site.yaml`.
        5. Check: `hashi check --strict` reports every problem as `file:line:column`.
        6. Publish: `hashi build` writes the site to `Output/`. Copy what is in it, except the hidden
           `.hashi/` folder, to any web host:
           `rsync -a --exclude .hashi Output/ destination/`. `hashi build --archive site.zip` also
           writes a zip to share. On Netlify or Cloudflare Pages, `hashi build --headers netlify`
           adds the security headers.

        The theme is inside `hashi`. To change it, copy the file you change from hashi's `Templates/`
        into a `Templates/` folder here, under the same path: a file there wins.

        """

    static func nextSteps(_ folder: String) -> String {
        """
        hashi: made a new site in \(folder)/ (ja, en). Next:
          cd \(folder)
          hashi serve          # see it at http://127.0.0.1:8000/
          hashi check --strict # every problem, as file:line:column
          hashi build          # the site, in Output/
        \(folder)/README.md says what to edit.
        """
    }
}
