import HashiSupport

/// What `hashi serve` adds to the pages it serves (never to the files of a build): a script that
/// reloads the page after each rebuild and shows the build's errors over the page.
enum ReloadScript {
    /// Served at `/.hashi/reload.js`; a script file, so the pages' `script-src 'self'` allows it.
    static let path = "/.hashi/reload.js"
    /// Served at `/.hashi/state.js`: `HashiReload.state(version, errors)`.
    static let statePath = "/.hashi/state.js"

    static let tag = "<script src=\"\(path)\" defer></script>"

    static let source = """
    // hashi serve: reload after each rebuild; show the errors of a failed build.
    (function () {
      "use strict";
      var seen = null;
      var box = null;
      window.HashiReload = {
        state: function (version, errors) {
          if (seen === null) seen = version;
          else if (version !== seen && errors.length === 0) { window.location.reload(); return; }
          show(errors);
        }
      };
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
      function poll() {
        var tag = document.createElement("script");
        tag.src = "\(statePath)?t=" + Date.now();
        tag.onload = tag.onerror = function () { tag.remove(); setTimeout(poll, 700); };
        document.head.appendChild(tag);
      }
      poll();
    })();

    """

    static func state(version: Int, errors: [String]) -> String {
        let list = errors.map { ScriptJSON.string($0).text }.joined(separator: ",")
        return "HashiReload.state(\(version),[\(list)]);\n"
    }
}
