extension WebChatAssets {
    /// `/chat/app.js`: a dependency-free ES module. Replies come by event stream (resuming with
    /// Last-Event-ID) or, when that fails, by long polling; each shown once, in id order, and acknowledged.
    /// Posts carry an idempotency key and are retried with it, so a lost answer never sends twice.
    static let script = #"""
        const log = document.getElementById("log");
        const form = document.getElementById("composer");
        const input = document.getElementById("text");
        const typing = document.getElementById("typing");
        const status = document.getElementById("status");
        const restart = document.getElementById("restart");
        const attach = document.getElementById("attach");
        const fileInput = document.getElementById("file");
        const maxUpload = 5 * 1024 * 1024;

        // In the embed (an iframe on the association's site) the cookie is a third-party one browsers drop:
        // the conversation token lives in this origin's storage and goes in a header instead.
        const embedded = new URLSearchParams(location.search).get("embed") === "1";
        const tokenKey = "safa-chat-token";
        function authHeaders(extra) {
          const headers = Object.assign({}, extra || {});
          const token = embedded && localStorage.getItem(tokenKey);
          if (token) headers["X-Safa-Chat"] = token;
          return headers;
        }

        let lastID = 0;            // the highest entry shown
        let acked = 0;             // the highest entry acknowledged
        let source = null;         // the EventSource, while it works
        let polling = false;
        let streamFailures = 0;
        let typingTimer = 0;
        const pending = new Map(); // idempotency key -> the bubble shown at once

        function newKey() {
          if (crypto.randomUUID) return crypto.randomUUID();
          const bytes = crypto.getRandomValues(new Uint8Array(16));
          return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
        }

        function say(text) { status.textContent = text; }

        function showTyping(on) {
          clearTimeout(typingTimer);
          typing.hidden = !on;
          if (on) typingTimer = setTimeout(() => { typing.hidden = true; }, 20000);
        }

        function bubble(kind, text) {
          const item = document.createElement("li");
          item.className = "msg " + kind;
          const body = document.createElement("div");
          body.textContent = text || "";
          item.appendChild(body);
          log.appendChild(item);
          log.scrollTop = log.scrollHeight;
          return item;
        }

        // A file's picture or link, then its caption.
        function fill(item, entry) {
          item.textContent = "";
          if (entry.url) {
            if (entry.kind === "photo") {
              const image = document.createElement("img");
              image.src = entry.url;
              image.alt = "صورة";
              image.loading = "lazy";
              // A picture grows the log once loaded: keep the newest message in view.
              image.addEventListener("load", () => { log.scrollTop = log.scrollHeight; });
              item.appendChild(image);
            } else {
              const link = document.createElement("a");
              link.href = entry.url;
              link.textContent = "مستند (اضغط للتنزيل)";
              link.setAttribute("download", "");
              item.appendChild(link);
            }
          }
          if (entry.text) {
            const body = document.createElement("div");
            body.textContent = entry.text;
            item.appendChild(body);
          }
        }

        function disableOldOptions() {
          for (const button of log.querySelectorAll(".options button")) button.disabled = true;
        }

        function showEntry(id, entry) {
          if (id <= lastID) return;
          lastID = id;
          if (entry.type === "me") {
            const shown = entry.key && pending.get(entry.key);
            if (shown) {
              shown.classList.remove("pending");
              pending.delete(entry.key);
              if (entry.url) fill(shown, entry);
            } else {
              fill(bubble("me", ""), entry);
            }
          } else if (entry.type === "bot") {
            showTyping(false);
            disableOldOptions();
            const item = bubble("bot", "");
            fill(item, entry);
            if (entry.buttons && entry.buttons.length) {
              const group = document.createElement("div");
              group.className = "options";
              group.setAttribute("role", "group");
              group.setAttribute("aria-label", "الخيارات");
              for (const option of entry.buttons) {
                const button = document.createElement("button");
                button.type = "button";
                button.textContent = option.label;
                button.addEventListener("click", () => {
                  disableOldOptions();
                  send({ button: option.payload, label: option.label }, option.label);
                });
                group.appendChild(button);
              }
              item.appendChild(group);
            }
          }
          log.scrollTop = log.scrollHeight;
          scheduleAck();
        }

        let ackTimer = 0;
        function scheduleAck() {
          clearTimeout(ackTimer);
          ackTimer = setTimeout(async () => {
            if (lastID <= acked) return;
            const upTo = lastID;
            try {
              const response = await fetch("/chat/ack", { method: "POST", credentials: "same-origin",
                headers: authHeaders({ "Content-Type": "application/json" }), body: JSON.stringify({ upTo }) });
              if (response.ok) acked = Math.max(acked, upTo);
            } catch (_) { /* acknowledged with the next one */ }
          }, 300);
        }

        function listen() {
          if (polling) return;
          if (embedded || !("EventSource" in window) || streamFailures >= 3) { poll(); return; }
          if (source) source.close();
          source = new EventSource("/chat/events?after=" + lastID);
          source.onmessage = (event) => {
            streamFailures = 0;
            say("");
            const data = JSON.parse(event.data);
            showEntry(data.id, data.entry);
          };
          source.onopen = () => { say(""); };
          source.onerror = () => {
            // A normal end of each answer also lands here; the browser reconnects with Last-Event-ID.
            if (source.readyState === EventSource.CLOSED) {
              source.close();
              source = null;
              streamFailures += 1;
              setTimeout(listen, 1000 * streamFailures);
            }
          };
        }

        async function poll() {
          polling = true;
          while (polling) {
            try {
              const response = await fetch("/chat/poll?after=" + lastID, { credentials: "same-origin",
                headers: authHeaders() });
              if (response.status === 401) { await begin(true); continue; }
              if (!response.ok) throw new Error(String(response.status));
              const data = await response.json();
              say("");
              for (const item of data.entries) showEntry(item.id, item.entry);
            } catch (_) {
              say("انقطع الاتصال، نحاول مرة أخرى…");
              await new Promise((resolve) => setTimeout(resolve, 3000));
            }
          }
        }

        async function send(message, echo) {
          const key = newKey();
          const shown = bubble("me pending", echo);
          pending.set(key, shown);
          showTyping(true);
          const body = JSON.stringify(Object.assign({ key }, message));
          for (let attempt = 0; attempt < 6; attempt++) {
            try {
              const response = await fetch("/chat/send", { method: "POST", credentials: "same-origin",
                headers: authHeaders({ "Content-Type": "application/json" }), body });
              if (response.ok) { say(""); return; }
              if (response.status < 500 && response.status !== 429) break;
            } catch (_) { /* the same key again: the bot handles it once */ }
            say("لم تصل رسالتك بعد، نعيد المحاولة…");
            await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
          }
          shown.classList.add("failed");
          showTyping(false);
          say("تعذّر إرسال الرسالة. تحقق من الاتصال ثم أعد المحاولة.");
        }

        async function upload(file) {
          if (file.size > maxUpload) { say("الملف أكبر من ٥ ميغابايت. أرسل صورة أصغر أو ملفًا أصغر."); return; }
          const key = newKey();
          const shown = bubble("me pending", "جارٍ إرسال الملف…");
          pending.set(key, shown);
          for (let attempt = 0; attempt < 4; attempt++) {
            try {
              const response = await fetch("/chat/upload?key=" + key, { method: "POST", credentials: "same-origin",
                headers: authHeaders({ "Content-Type": file.type || "application/octet-stream" }), body: file });
              if (response.ok) { say(""); showTyping(true); return; }
              if (response.status === 415) { say("يُقبل من الملفات: الصور (JPEG أو PNG أو WebP) وملفات PDF فقط."); break; }
              if (response.status === 413) { say("الملف أكبر من المسموح. أرسل ملفًا أصغر."); break; }
              if (response.status < 500 && response.status !== 429) break;
            } catch (_) { /* the same key again */ }
            await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
          }
          shown.classList.add("failed");
          shown.textContent = "لم يُرسل الملف.";
        }

        async function begin(fresh) {
          const query = [fresh ? "fresh=1" : "", embedded ? "embed=1" : ""].filter(Boolean).join("&");
          const response = await fetch("/chat/start" + (query ? "?" + query : ""), {
            method: "POST", credentials: "same-origin", headers: authHeaders() });
          if (!response.ok) throw new Error(String(response.status));
          const started = await response.json();
          if (embedded && started.token) localStorage.setItem(tokenKey, started.token);
          return started;
        }

        form.addEventListener("submit", (event) => {
          event.preventDefault();
          const text = input.value.trim();
          if (!text) return;
          input.value = "";
          send({ text }, text);
        });

        attach.addEventListener("click", () => fileInput.click());
        fileInput.addEventListener("change", () => {
          const file = fileInput.files && fileInput.files[0];
          fileInput.value = "";
          if (file) upload(file);
        });

        input.addEventListener("keydown", (event) => {
          if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            form.requestSubmit();
          }
        });

        restart.addEventListener("click", async () => {
          if (!confirm("هل تريد بدء محادثة جديدة؟ لن تظهر المحادثة الحالية بعد ذلك.")) return;
          if (source) { source.close(); source = null; }
          log.textContent = "";
          lastID = 0; acked = 0; pending.clear();
          await begin(true);
          listen();
          input.focus();
        });

        document.addEventListener("visibilitychange", () => {
          if (document.visibilityState === "visible" && !source && !polling) listen();
        });
        window.addEventListener("online", () => { if (!source && !polling) listen(); });

        (async () => {
          try {
            const started = await begin(false);
            if (started.conversation === "new") showTyping(true);
            listen();
          } catch (_) {
            say("تعذّر الاتصال بالخدمة. أعد تحميل الصفحة بعد قليل.");
          }
        })();

        """#
}
