/// The chat page's files, compiled into the binary (no CDN, no build step): `/chat`, `/chat/app.css` and
/// `/chat/app.js` serve these strings. Each lives in its own file (`WebChatAssets+Page`, `+Style`,
/// `+Script`) as a raw string literal, edited as HTML, CSS and JavaScript.
enum WebChatAssets {}
