/*!
 * forum-widget loader: put this script where the widget should appear.
 *   <script src="https://cdn.example.org/forum-widget/forum-widget.js" async></script>
 * Options (on the script tag): data-lang, data-src, data-view. See README.md.
 * Classic script on purpose: document.currentScript is null inside modules.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script) {
    console.error('forum-widget: load forum-widget.js with a plain <script src> tag (not a module or an injected inline script).');
    return;
  }
  // The one global: a namespace object shared by every copy of this script on the page.
  var ns = window.ForumWidget || (window.ForumWidget = {});
  var base = new URL('.', script.src).href;

  /** Loads and instantiates the wasm once per page, however many widgets there are. */
  function core() {
    if (!ns._core) {
      ns._core = import(base + 'forum-widget-core.js').then(function (mod) {
        return mod.default({ module_or_path: base + 'forum-widget.wasm' }).then(function () {
          return mod;
        });
      });
    }
    return ns._core;
  }

  function message(root, lang, text) {
    var box = document.createElement('p');
    box.className = 'fw-loader-message';
    box.setAttribute('role', 'status');
    box.setAttribute('lang', lang);
    box.textContent = text;
    root.replaceChildren(box);
  }

  var host = document.createElement('forum-widget');
  script.parentNode.insertBefore(host, script.nextSibling);
  var root = host.attachShadow({ mode: 'open' });
  var lang = script.getAttribute('data-lang') || '';
  var zh = /^zh\b/i.test(lang || document.documentElement.lang || '');
  message(root, zh ? 'zh' : 'en', zh ? '正在加载活动信息…' : 'Loading event…');

  var src = script.getAttribute('data-src');
  var options = {
    lang: lang || undefined,
    src: src ? new URL(src, document.baseURI).href : undefined,
    view: script.getAttribute('data-view') || undefined,
  };

  core().then(
    function (mod) {
      root.replaceChildren();
      mod.mount(root, options.lang, options.src, options.view);
    },
    function (error) {
      var text = zh
        ? '活动组件无法加载。'
        : 'The event widget could not be loaded.';
      message(root, zh ? 'zh' : 'en', text);
      console.error('forum-widget: could not load ' + base + 'forum-widget.wasm: ' + error +
        '. Check that forum-widget-core.js and forum-widget.wasm are served beside forum-widget.js (with CORS headers when on another origin) and that the page allows wasm (CSP script-src \'wasm-unsafe-eval\').');
    }
  );
})();
