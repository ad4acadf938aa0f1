// Gets a Direct Line token from this service (the secret never reaches the page) and opens Web Chat on it.
(async function () {
  'use strict';

  const status = document.getElementById('status');
  const font = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

  function showProblem(text) {
    status.textContent = text;
    status.hidden = false;
  }

  let token;
  try {
    const response = await fetch('api/directline/token', { method: 'POST', credentials: 'same-origin' });
    if (response.status === 429) {
      showProblem('请求太频繁，请过一分钟再刷新页面。');
      return;
    }

    if (!response.ok) {
      throw new Error('token ' + response.status);
    }

    token = (await response.json()).token;
  } catch (e) {
    showProblem('连接失败，请检查网络后刷新页面重试。');
    return;
  }

  // The bot writes plain text with line breaks (the same text goes to WeChat), not Markdown: show it as written.
  function plainText(text) {
    const escaped = String(text)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;');
    // One paragraph element: Web Chat keeps only the element children of what this returns.
    return '<p>' + escaped.replace(/\r?\n/g, '<br>') + '</p>';
  }

  // This service is its own Direct Line: same origin, /v3/directline.
  const domain = new URL('v3/directline', document.baseURI).href;

  window.WebChat.renderWebChat(
    {
      directLine: window.WebChat.createDirectLine({ token, domain }),
      locale: 'zh-CN',
      // The paperclip's name, read aloud by a screen reader and shown on a long press: what it sends, in plain words.
      overrideLocalizedStrings: { TEXT_INPUT_UPLOAD_BUTTON_ALT: '发照片或文件' },
      renderMarkdown: plainText,
      styleOptions: {
        primaryFont: font,
        fontSizeSmall: '85%',
        bubbleMaxWidth: 600,
        bubbleBorderRadius: 10,
        bubbleFromUserBorderRadius: 10,
        bubbleFromUserBackground: '#d9f2e6',
        accent: '#0b6e4f',
        // The paperclip and the send arrow in the page's green rather than grey: the paperclip is how evidence is sent.
        sendBoxButtonColor: '#0b6e4f',
        botAvatarInitials: '平塘',
        userAvatarInitials: '我',
        // Evidence for 劳动维权 (photos of a contract, payslips, 欠条): one tap on the paperclip, one choice, and it is
        // sent — no second step to forget. The file dialog offers only what the service stores (FileSignatures.Accept,
        // checked by the browser test); the service still tells by the bytes.
        sendAttachmentOn: 'attach',
        uploadAccept: 'image/jpeg,image/png,image/gif,image/webp,image/heic,image/heif,.heic,.pdf,.doc,.docx,.xls,.xlsx,audio/amr,.amr,audio/mpeg,.mp3,audio/mp4,.m4a,audio/ogg,.ogg',
        uploadMultiple: true,
        // Off: a thumbnail is made in a blob: worker (another CSP source) and travels inside the upload's activity
        // part as a data: URL, which for a phone photo is larger than the service takes (32 KB); the bubble shows
        // the photo itself instead.
        enableUploadThumbnail: false,
        sendBoxHeight: 56,
        suggestedActionLayout: 'flow',
        suggestedActionHeight: 44
      }
    },
    document.getElementById('webchat')
  );
})();
