extension WebChatAssets {
    /// `/chat/app.css`: readable from 320 px wide; fonts the phone or computer already has (Arabic on
    /// Android: Noto; iOS and macOS: the system font; Windows: Segoe UI or Tahoma), no web-font download.
    static let style = #"""
        :root {
          --ink: #1f2a30; --muted: #55636b; --line: #d5dde1; --paper: #f6f8f9;
          --bot: #ffffff; --me: #0f6b5c; --me-ink: #ffffff; --accent: #0f6b5c; --focus: #b35c00;
          font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans Arabic", "Noto Naskh Arabic", Tahoma,
            "Geeza Pro", "Arial", sans-serif;
          font-size: 17px; line-height: 1.6; color: var(--ink); background: var(--paper);
        }
        * { box-sizing: border-box; }
        html, body { margin: 0; height: 100%; }
        .chat { display: flex; flex-direction: column; height: 100vh; height: 100dvh; max-width: 760px;
          margin: 0 auto; background: var(--paper); }
        .bar { display: flex; align-items: center; justify-content: space-between; gap: 8px;
          padding: 10px 14px; background: var(--accent); color: #fff; }
        .bar h1 { font-size: 1.1rem; margin: 0; }
        .restart { font: inherit; font-size: 0.9rem; color: #fff; background: transparent;
          border: 1px solid rgba(255,255,255,0.7); border-radius: 8px; padding: 4px 10px; min-height: 36px; }
        .note { margin: 0; padding: 6px 14px; font-size: 0.85rem; color: var(--muted);
          border-bottom: 1px solid var(--line); }
        .log { flex: 1; overflow-y: auto; list-style: none; margin: 0; padding: 12px; display: flex;
          flex-direction: column; gap: 8px; }
        .msg { max-width: 88%; padding: 8px 12px; border-radius: 14px; white-space: pre-wrap;
          overflow-wrap: anywhere; }
        .msg.bot { align-self: flex-start; background: var(--bot); border: 1px solid var(--line);
          border-start-start-radius: 4px; }
        .msg.me { align-self: flex-end; background: var(--me); color: var(--me-ink);
          border-start-end-radius: 4px; }
        .msg.me.pending { opacity: 0.7; }
        .msg.failed { outline: 2px solid #b00020; }
        .options { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
        .options button { font: inherit; font-size: 0.95rem; color: var(--accent); background: #fff;
          border: 1px solid var(--accent); border-radius: 18px; padding: 6px 12px; min-height: 44px;
          text-align: start; }
        .options button:disabled { color: var(--muted); border-color: var(--line); }
        .typing { margin: 0 12px 4px; color: var(--muted); font-size: 0.9rem; display: flex; gap: 8px;
          align-items: center; }
        .typing[hidden] { display: none; }
        .dots i { display: inline-block; width: 6px; height: 6px; margin: 0 2px; border-radius: 50%;
          background: var(--muted); animation: blink 1.2s infinite; }
        .dots i:nth-child(2) { animation-delay: 0.2s; } .dots i:nth-child(3) { animation-delay: 0.4s; }
        @keyframes blink { 0%, 80%, 100% { opacity: 0.2; } 40% { opacity: 1; } }
        @media (prefers-reduced-motion: reduce) { .dots i { animation: none; } }
        .status { margin: 0 12px; font-size: 0.85rem; color: #8a4b00; min-height: 0; }
        .status:empty { display: none; }
        .composer { display: flex; gap: 8px; padding: 10px 12px; border-top: 1px solid var(--line);
          background: #fff; }
        .composer textarea { flex: 1; min-width: 0; font: inherit; resize: none; padding: 8px 10px;
          border: 1px solid var(--line); border-radius: 10px; min-height: 44px; max-height: 8em; }
        .attach { font: inherit; font-size: 1.2rem; background: #fff; border: 1px solid var(--line);
          border-radius: 10px; min-width: 44px; min-height: 44px; }
        .msg img { display: block; max-width: 100%; max-height: 320px; border-radius: 8px; margin-bottom: 4px; }
        .msg a { color: inherit; font-weight: 600; }
        .send { font: inherit; color: #fff; background: var(--accent); border: 0; border-radius: 10px;
          padding: 0 16px; min-height: 44px; }
        button:focus-visible, textarea:focus-visible, .log:focus-visible { outline: 3px solid var(--focus);
          outline-offset: 2px; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
          clip: rect(0 0 0 0); white-space: nowrap; }
        @media (min-width: 761px) { .chat { border-inline: 1px solid var(--line); } }

        """#
}
