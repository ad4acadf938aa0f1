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
      renderMarkdown: plainText,
      styleOptions: {
        primaryFont: font,
        fontSizeSmall: '85%',
        bubbleMaxWidth: 600,
        bubbleBorderRadius: 10,
        bubbleFromUserBorderRadius: 10,
        bubbleFromUserBackground: '#d9f2e6',
        accent: '#0b6e4f',
        botAvatarInitials: '平塘',
        userAvatarInitials: '我',
        hideUploadButton: true,
        sendBoxHeight: 56,
        suggestedActionLayout: 'flow',
        suggestedActionHeight: 44
      }
    },
    document.getElementById('webchat')
  );
})();
