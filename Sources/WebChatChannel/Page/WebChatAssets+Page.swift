extension WebChatAssets {
    /// `/chat`: the page. Arabic, right to left; no inline script or style (the policy forbids them).
    static let page = #"""
        <!doctype html>
        <html lang="ar" dir="rtl">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light">
        <title>محادثة جمعية صفا</title>
        <link rel="stylesheet" href="/chat/app.css">
        <script type="module" src="/chat/app.js"></script>
        </head>
        <body>
        <main class="chat" aria-labelledby="chat-title">
          <header class="bar">
            <h1 id="chat-title">جمعية صفا</h1>
            <button id="restart" type="button" class="restart">محادثة جديدة</button>
          </header>
          <p class="note">تُحفظ هذه المحادثة على هذا الجهاز، فيمكنك العودة إليها لاحقًا.</p>
          <ol id="log" class="log" role="log" aria-live="polite" aria-relevant="additions" aria-label="الرسائل"
              tabindex="0"></ol>
          <p id="typing" class="typing" hidden><span class="dots" aria-hidden="true"><i></i><i></i><i></i></span>
            <span>يكتب الرد…</span></p>
          <p id="status" class="status" role="status" aria-live="polite"></p>
          <form id="composer" class="composer" autocomplete="off">
            <button id="attach" type="button" class="attach" aria-label="إرفاق صورة أو ملف PDF"
                    title="إرفاق صورة أو ملف PDF"><span aria-hidden="true">📎</span></button>
            <input id="file" type="file" accept="image/jpeg,image/png,image/webp,application/pdf" hidden>
            <label for="text" class="visually-hidden">اكتب رسالتك</label>
            <textarea id="text" name="text" rows="1" maxlength="2000" placeholder="اكتب رسالتك هنا"
                      enterkeyhint="send"></textarea>
            <button id="send" type="submit" class="send">إرسال</button>
          </form>
          <noscript><p class="status">تحتاج هذه الصفحة إلى تفعيل JavaScript في المتصفح.</p></noscript>
        </main>
        </body>
        </html>

        """#
}
