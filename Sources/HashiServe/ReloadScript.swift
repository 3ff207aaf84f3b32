import HashiSupport

/// What `hashi serve` adds to the pages it serves (never to the files of a build): a script that
/// listens for the server's events, reloads the page when a rebuild succeeds and shows the errors
/// of one that failed over the last good site.
enum ReloadScript {
    /// Served at `/.hashi/reload.js`; a script file, so the pages' `script-src 'self'` allows it.
    static let path = "/.hashi/reload.js"
    /// Server-Sent Events, one `data:` line per state: `{"version":N,"errors":[…]}`.
    static let eventsPath = "/.hashi/events"

    /// The script tag of a page served from site `version`.
    static func tag(version: Int) -> String {
        "<script src=\"\(path)?v=\(version)\" defer></script>"
    }

    static let source = """
    // hashi serve: reload after each rebuild; show the errors of a failed build.
    (function () {
      "use strict";
      // The version of the site this page came from, in the script's own address.
      var seen = Number((/[?&]v=(\\d+)/.exec(document.currentScript.src) || [])[1]);
      var box = null;
      function show(errors) {
        if (!errors.length) { if (box) { box.remove(); box = null; } return; }
        if (!box) {
          box = document.createElement("pre");
          box.setAttribute("role", "alert");
          box.style.position = "fixed"; box.style.inset = "auto 0 0 0"; box.style.maxHeight = "50vh";
          box.style.overflow = "auto"; box.style.margin = "0"; box.style.padding = "1rem";
          box.style.background = "#1b1b1b"; box.style.color = "#ffdd00"; box.style.zIndex = "1000";
          box.style.whiteSpace = "pre-wrap";
          document.body.appendChild(box);
        }
        box.textContent = "hashi: the last build failed; this is the last good site.\\n\\n" + errors.join("\\n");
      }
      var events = new EventSource("\(eventsPath)");
      events.onmessage = function (message) {
        var state = JSON.parse(message.data);
        if (state.version !== seen && state.errors.length === 0) { events.close(); window.location.reload(); return; }
        show(state.errors);
      };
    })();

    """

    /// One event of the stream.
    static func event(version: Int, errors: [String]) -> [UInt8] {
        let list = errors.map { ScriptJSON.string($0).text }.joined(separator: ",")
        return Array("data: {\"version\":\(version),\"errors\":[\(list)]}\n\n".utf8)
    }

    /// The page as serve sends it: the reload script just before `</body>`, and `connect-src 'self'`
    /// first in its Content-Security-Policy so the script may open the event stream.
    static func inject(_ html: [UInt8], version: Int) -> [UInt8] {
        var page = html
        let policy = Array("http-equiv=\"Content-Security-Policy\" content=\"".utf8)
        if let range = page.firstRange(of: policy) {
            page.insert(contentsOf: Array("connect-src 'self'; ".utf8), at: range.upperBound)
        }
        let marker = Array("</body>".utf8)
        let tag = Array(tag(version: version).utf8)
        guard let range = page.lastRange(of: marker) else { return page + tag }
        page.insert(contentsOf: tag, at: range.lowerBound)
        return page
    }
}

extension Array where Element: Equatable {
    func lastRange(of pattern: [Element]) -> Range<Int>? {
        guard pattern.count <= count else { return nil }
        for start in stride(from: count - pattern.count, through: 0, by: -1) where self[start..<start + pattern.count].elementsEqual(pattern) {
            return start..<start + pattern.count
        }
        return nil
    }
}
