extension WebChatAssets {
    /// `/chat/widget.js`: the one-line embed for the association's site,
    /// `<script src="https://BOT/chat/widget.js" data-label="تحدث معنا" defer></script>`. It adds a launcher
    /// button that opens the chat (`/chat?embed=1`) in a panel; the page there keeps its conversation token
    /// in its own storage. Styles are set through the DOM, so a strict policy on the host page allows them.
    static let widget = #"""
        (() => {
          const script = document.currentScript;
          if (!script || window.safaChatWidget) return;
          window.safaChatWidget = true;
          const origin = new URL(script.src).origin;
          const label = script.dataset.label || "تحدث معنا";
          const side = script.dataset.side === "left" ? "left" : "right";

          const launcher = document.createElement("button");
          launcher.type = "button";
          launcher.textContent = label;
          launcher.setAttribute("aria-expanded", "false");
          launcher.setAttribute("aria-controls", "safa-chat-panel");
          Object.assign(launcher.style, {
            position: "fixed", bottom: "16px", [side]: "16px", zIndex: "2147483000", minHeight: "48px",
            padding: "0 20px", border: "0", borderRadius: "24px", background: "#0f6b5c", color: "#fff",
            font: "600 16px system-ui, -apple-system, 'Segoe UI', 'Noto Sans Arabic', Tahoma, sans-serif",
            boxShadow: "0 4px 14px rgba(0,0,0,0.25)", cursor: "pointer",
          });

          const panel = document.createElement("div");
          panel.id = "safa-chat-panel";
          panel.setAttribute("role", "dialog");
          panel.setAttribute("aria-label", "محادثة جمعية صفا");
          panel.hidden = true;
          Object.assign(panel.style, {
            position: "fixed", bottom: "76px", [side]: "16px", zIndex: "2147483000",
            width: "min(400px, calc(100vw - 32px))", height: "min(640px, calc(100vh - 96px))",
            borderRadius: "14px", overflow: "hidden", boxShadow: "0 8px 30px rgba(0,0,0,0.3)", background: "#fff",
          });
          let frame = null;

          function open() {
            if (!frame) {
              frame = document.createElement("iframe");
              frame.src = origin + "/chat?embed=1";
              frame.title = "محادثة جمعية صفا";
              frame.setAttribute("allow", "clipboard-write");
              Object.assign(frame.style, { width: "100%", height: "100%", border: "0" });
              panel.appendChild(frame);
            }
            panel.hidden = false;
            launcher.setAttribute("aria-expanded", "true");
            frame.focus();
          }

          function close() {
            panel.hidden = true;
            launcher.setAttribute("aria-expanded", "false");
            launcher.focus();
          }

          launcher.addEventListener("click", () => (panel.hidden ? open() : close()));
          document.addEventListener("keydown", (event) => {
            if (event.key === "Escape" && !panel.hidden) close();
          });
          document.body.appendChild(panel);
          document.body.appendChild(launcher);
        })();

        """#
}
