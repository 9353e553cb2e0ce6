import Foundation
import SitegenCore

/// The script serve mode injects into HTML (never present in `build` output), and its events.
public enum LiveReload {
    /// Path of the event stream under the base path.
    public static let eventsPath = "__sitegen/events"
    /// Path of the script under the base path.
    public static let scriptPath = "__sitegen/live.js"

    /// Adds the script tag before `</body>` (or at the end).
    public static func inject(into html: Data, basePath: String) -> Data {
        let tag = Data("<script src=\"\(basePath)\(scriptPath)\" defer></script>\n".utf8)
        guard let range = html.range(of: Data("</body>".utf8), options: .backwards) else {
            return html + tag
        }
        var result = html
        result.insert(contentsOf: tag, at: range.lowerBound)
        return result
    }

    /// A Server-Sent Events message.
    public static func event(_ name: String, data: String) -> String {
        let lines = data.split(separator: "\n", omittingEmptySubsequences: false).map {
            "data: \($0)"
        }
        return "event: \(name)\n" + lines.joined(separator: "\n") + "\n\n"
    }

    /// The `errors` event: diagnostics as a JSON array of `{location, severity, message}`.
    public static func errorEvent(_ diagnostics: [Diagnostic]) -> String {
        let items = diagnostics.map {
            [
                "location": $0.location.description, "severity": $0.severity.rawValue,
                "message": $0.message,
            ]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(items)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        return event("errors", data: json)
    }

    /// The browser side: reloads on `reload`, shows or clears the error overlay. Text is set with
    /// `textContent`, so diagnostics are always escaped.
    public static let script = """
        (function () {
          "use strict";
          var me = document.currentScript, base = me.src.replace(/__sitegen\\/live\\.js.*$/, "");
          var generation = null, overlay = null;
          function clear() { if (overlay) { overlay.remove(); overlay = null; } }
          function show(items) {
            clear();
            overlay = document.createElement("div");
            overlay.id = "sitegen-error-overlay";
            overlay.setAttribute("role", "alert");
            overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;background:rgba(20,0,0,.92);color:#fff;font:14px/1.5 ui-monospace,monospace;padding:2rem;overflow:auto";
            var title = document.createElement("h2");
            title.textContent = "Build failed: the last good version of the site is shown";
            overlay.appendChild(title);
            var list = document.createElement("ul");
            items.forEach(function (d) {
              var li = document.createElement("li");
              li.textContent = d.location + ": " + d.severity + ": " + d.message;
              list.appendChild(li);
            });
            overlay.appendChild(list);
            document.body.appendChild(overlay);
          }
          var source = new EventSource(base + "__sitegen/events");
          source.addEventListener("hello", function (e) {
            if (generation !== null && e.data !== generation) location.reload();
            generation = e.data;
          });
          source.addEventListener("reload", function () { clear(); location.reload(); });
          source.addEventListener("errors", function (e) { show(JSON.parse(e.data)); });
          source.addEventListener("ok", clear);
        })();
        """
}
