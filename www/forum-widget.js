/*!
 * forum-widget loader. Put this script where the widget should appear:
 *   <script src="https://cdn.example.org/forum-widget/forum-widget.js"></script>
 * or use the element anywhere on the page, with the script once:
 *   <style>forum-widget:not(:defined) { display: block; min-height: 100vh; }</style>
 *   <forum-widget lang="zh" view="program"></forum-widget>
 *   <script src="https://cdn.example.org/forum-widget/forum-widget.js" async data-mount="none"></script>
 * Options, events, CSS properties and the JS API: see README.md.
 * A classic script on purpose: document.currentScript is null inside modules.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  var TAG = 'forum-widget';
  var OPTIONS = ['lang', 'src', 'view', 'sections', 'theme', 'heading-level', 'language-switcher', 'seo', 'loading'];
  // Before the wasm has loaded: keep host styles out, and reserve space. The built-in
  // event renders taller than the viewport at every width, so reserving the viewport's
  // height keeps the content below it from moving while it is in view.
  var LOADER_CSS = ':host{display:block!important}' +
    '.fw-loader-message{margin:0;padding:1rem;font:16px/1.5 system-ui,sans-serif;color:#57606a;' +
    'border:1px solid #d0d7de;border-radius:8px;background:#fff}' +
    '.fw-loading{box-sizing:border-box;min-height:var(--fw-placeholder-height,100vh)}' +
    '.fw-loader-message a{color:#1a56b8}';

  if (window.ForumWidget && window.ForumWidget.mount) {
    // A second copy of the script: reuse the first one's namespace and element.
    insertAfterScript(window.ForumWidget);
    return;
  }
  if (!script) {
    console.error('forum-widget: load forum-widget.js with a plain <script src> tag (not type="module").');
    return;
  }
  var base = new URL('.', script.src).href;
  // Where the built-in event was published; the fallback links there when the wasm cannot run.
  var SOURCE_PAGE = 'https://www.miit.gov.cn/jgsj/qyj/gzdt/art/2023/art_159c0082349e4e3592bc78ebd8f40d33.html';
  // The build writes the content-hashed names of the other two files here.
  var FILES = { core: 'forum-widget-core.js', wasm: 'forum-widget.wasm', wasmIntegrity: '' };
  // A page that pins this script with Subresource Integrity gets the wasm checked too.
  var pinned = !!script.integrity;
  var compiled = null;
  var instances = [];
  var sheet = null;

  /** Fetches and compiles the wasm once per page, however many widgets there are. */
  function compile() {
    if (!compiled) {
      if (typeof WebAssembly !== 'object') {
        compiled = Promise.reject(new Error('this browser does not support WebAssembly'));
      } else if (!constructedStylesheets()) {
        // Nothing to gain from fetching the wasm: it could not style the widget.
        compiled = Promise.reject(new Error('this browser does not support constructed stylesheets'));
      } else {
        // The status is checked here, before compiling: WebKit checks the MIME type first,
        // so a 404 page would otherwise be reported as a damaged file.
        var response = fetch(base + FILES.wasm, pinned ? { integrity: FILES.wasmIntegrity } : {}).then(function (r) {
          if (!r.ok) throw new Error(FILES.wasm + ' returned HTTP status ' + r.status);
          return r;
        });
        // compileStreaming compiles while the file downloads.
        compiled = WebAssembly.compileStreaming
          ? WebAssembly.compileStreaming(response)
          : response.then(function (r) { return r.arrayBuffer(); }).then(WebAssembly.compile);
      }
    }
    return compiled;
  }

  /**
   * A wasm instance for one widget: a free healthy one, or a new one from the compiled
   * module. One widget per instance means a panic, which stops an instance for good,
   * stops only its own widget. Instances are reused after unmount, so a single-page app
   * never holds more than it shows at once.
   */
  function takeInstance() {
    for (var i = 0; i < instances.length; i++) {
      if (!instances[i].busy && !instances[i].broken) {
        instances[i].busy = true;
        return Promise.resolve(instances[i]);
      }
    }
    var instance = { busy: true, broken: false, mod: null, exports: null };
    instances.push(instance);
    // A distinct module URL gives the new instance its own copy of the JS glue.
    var url = base + FILES.core + (instances.length > 1 ? '?instance=' + instances.length : '');
    // The glue downloads while the wasm compiles.
    return Promise.all([compile(), import(url)]).then(function (loaded) {
      return loaded[1].default({ module_or_path: loaded[0] }).then(function (exports) {
        instance.mod = loaded[1];
        instance.exports = exports;
        return instance;
      });
    }).catch(function (error) {
      instances.splice(instances.indexOf(instance), 1);
      throw error;
    });
  }

  /** Whether shadow roots take constructed stylesheets (Chrome 73, Firefox 101, Safari 16.4). */
  function constructedStylesheets() {
    return typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype &&
      typeof ShadowRoot === 'function' && 'adoptedStyleSheets' in ShadowRoot.prototype;
  }

  /** What went wrong before any wasm ran, for the reader (en/zh) and for the site's developer. */
  function reason(error) {
    var text = String(error && error.message || error);
    var files = FILES.core + ' and ' + FILES.wasm + ' must be served beside ' + base + 'forum-widget.js' +
      (pinned ? ', from the same build as this pinned forum-widget.js' : '');
    if (typeof WebAssembly !== 'object') {
      return { en: 'this browser does not support WebAssembly', zh: '此浏览器不支持 WebAssembly', fix: 'Use a current browser.' };
    }
    if (!constructedStylesheets()) {
      return { en: 'this browser version is too old for it', zh: '此浏览器版本过旧',
        fix: 'The widget needs constructed stylesheets: Chrome 73, Firefox 101, Safari 16.4 or later.' };
    }
    if (/wasm-eval|Content Security Policy|CSP/i.test(text)) {
      return { en: "the page's Content-Security-Policy does not allow WebAssembly", zh: '页面的内容安全策略不允许 WebAssembly',
        fix: "Add 'wasm-unsafe-eval' (and " + new URL(base).origin + " when it is another origin) to script-src." };
    }
    if (error instanceof WebAssembly.CompileError || /CompileError|magic|expected|section/i.test(text)) {
      return { en: FILES.wasm + ' is damaged', zh: FILES.wasm + ' 文件已损坏',
        fix: 'Upload dist/ again; serve .wasm unmodified as application/wasm.' };
    }
    if (/status|404|not ok|Failed to fetch|import|module script/i.test(text)) {
      return { en: 'the widget files could not be fetched', zh: '无法获取组件文件',
        fix: files + ' (with CORS headers when on another origin).' };
    }
    return { en: 'an unexpected error', zh: '意外错误', fix: files + '.' };
  }

  function isChinese(options) {
    return /^zh\b/i.test(options.lang || document.documentElement.lang || navigator.language || '');
  }

  function message(root, options, en, zh, className) {
    var box = document.createElement('p');
    box.className = 'fw-loader-message' + (className ? ' ' + className : '');
    box.setAttribute('role', 'status');
    box.setAttribute('lang', isChinese(options) ? 'zh' : 'en');
    box.textContent = isChinese(options) ? zh : en;
    root.replaceChildren(box);
    return box;
  }

  function adoptLoaderStyles(root) {
    try {
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(LOADER_CSS);
      }
      if (root.adoptedStyleSheets.indexOf(sheet) < 0) {
        root.adoptedStyleSheets = root.adoptedStyleSheets.concat([sheet]);
      }
    } catch (e) { /* older browsers: the placeholder is unstyled */ }
  }

  function emit(element, name, detail) {
    element.dispatchEvent(new CustomEvent('forum-widget:' + name, { bubbles: true, composed: true, detail: detail }));
  }

  /** Options as the wasm reads them: strings, with `src` made absolute against the page. */
  function normalize(options) {
    var out = {};
    OPTIONS.concat(['now']).forEach(function (key) {
      var value = options[key] !== undefined ? options[key] : options[key.replace(/-(\w)/g, function (m, c) { return c.toUpperCase(); })];
      if (value !== undefined && value !== null) out[key] = key === 'now' ? value : String(value);
    });
    if (out.src) {
      try { out.src = new URL(out.src, document.baseURI).href; } catch (e) { /* the widget reports the bad URL */ }
    }
    return out;
  }

  /**
   * Mounts a widget into `element` (its open shadow root). Returns a handle with
   * update(options) and unmount(). Options: lang, src, view, sections, theme,
   * heading-level (or headingLevel), loading ("lazy"), now.
   */
  function mount(element, options) {
    var root = element.shadowRoot || element.attachShadow({ mode: 'open' });
    var state = { options: normalize(options || {}), widget: null, instance: null, gone: false, observer: null };
    adoptLoaderStyles(root);
    message(root, state.options, 'Loading event…', '正在加载活动信息…', 'fw-loading');

    function fail(error) {
      var why = reason(error);
      var box = message(root, state.options, 'The event widget could not be loaded: ' + why.en + '. ',
        '活动组件无法加载：' + why.zh + '。');
      if (!state.options.src) {
        var link = document.createElement('a');
        link.href = SOURCE_PAGE;
        link.rel = 'noopener noreferrer';
        link.textContent = isChinese(state.options) ? '查看活动原文' : 'Read about the event at its source';
        box.appendChild(link);
      }
      console.error('forum-widget: could not start: ' + why.en + ' (' + String(error && error.message || error) + '). ' + why.fix);
      emit(element, 'error', { message: why.en });
    }

    function start() {
      takeInstance().then(function (instance) {
        if (state.gone) {
          instance.busy = false;
          return;
        }
        state.instance = instance;
        root.replaceChildren();
        try {
          state.widget = instance.mod.mount(root, element, state.options);
        } catch (error) {
          instance.broken = true;
          fail(error);
        }
      }, function (error) {
        if (!state.gone) fail(error);
      });
    }

    // An internal error (a Rust panic) stops this widget's instance: never reuse it.
    function onError(event) {
      if (event.detail && event.detail.internal && state.instance) state.instance.broken = true;
    }
    element.addEventListener('forum-widget:error', onError);

    if (state.options.loading === 'lazy' && 'IntersectionObserver' in window) {
      state.observer = new IntersectionObserver(function (entries) {
        if (entries.some(function (e) { return e.isIntersecting; })) {
          state.observer.disconnect();
          state.observer = null;
          start();
        }
      }, { rootMargin: '200px' });
      state.observer.observe(element);
    } else {
      start();
    }

    return {
      update: function (next) {
        var merged = {};
        Object.keys(state.options).forEach(function (k) { merged[k] = state.options[k]; });
        Object.keys(next || {}).forEach(function (k) { merged[k] = next[k]; });
        state.options = normalize(merged);
        if (state.widget) state.widget.update(state.options);
      },
      unmount: function () {
        state.gone = true;
        element.removeEventListener('forum-widget:error', onError);
        if (state.observer) state.observer.disconnect();
        state.observer = null;
        if (state.widget && !state.instance.broken) state.widget.unmount();
        state.widget = null;
        if (state.instance) state.instance.busy = false;
        state.instance = null;
        root.replaceChildren();
      },
      /** Test hook: makes this widget's wasm panic, to check that the others survive. */
      _panicForTests: function () {
        if (state.widget) state.widget.panicForTests();
      },
    };
  }

  function attributeOptions(element) {
    var options = {};
    OPTIONS.forEach(function (name) { options[name] = element.getAttribute(name); });
    return options;
  }

  /** <forum-widget>: the same options as attributes; attribute changes update it live. */
  class ForumWidgetElement extends HTMLElement {
    static get observedAttributes() { return OPTIONS; }

    connectedCallback() {
      if (!this._forumWidget) this._forumWidget = mount(this, attributeOptions(this));
    }

    disconnectedCallback() {
      if (this._forumWidget) this._forumWidget.unmount();
      this._forumWidget = null;
    }

    attributeChangedCallback() {
      if (this._forumWidget) this._forumWidget.update(attributeOptions(this));
    }
  }

  // The one global: a namespace object.
  var ns = window.ForumWidget = {
    version: '0.1.0',
    mount: mount,
    /** For the benchmark: bytes of wasm memory held by all instances. */
    _wasmMemoryBytes: function () {
      return instances.reduce(function (sum, i) { return sum + (i.exports ? i.exports.memory.buffer.byteLength : 0); }, 0);
    },
  };
  if (!customElements.get(TAG)) customElements.define(TAG, ForumWidgetElement);
  insertAfterScript(ns);

  /** Script-tag form: a <forum-widget> right after the script, with its data-* options. */
  function insertAfterScript() {
    var current = document.currentScript;
    if (!current || current.getAttribute('data-mount') === 'none' || current.parentNode === document.head) return;
    var element = document.createElement(TAG);
    OPTIONS.forEach(function (name) {
      var value = current.getAttribute('data-' + name);
      if (value !== null) element.setAttribute(name, value);
    });
    current.parentNode.insertBefore(element, current.nextSibling);
  }
})();
