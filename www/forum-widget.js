/*! forum-widget loader. Usage, options, events and the JS API: the package's README.md. */
/*
 * Put this script where the widget should appear:
 *   <script src="https://cdn.example.org/forum-widget/forum-widget.js"></script>
 * or use the element anywhere on the page, with the script once:
 *   <style>forum-widget:not(:defined) { display: block; min-height: 100vh; }</style>
 *   <forum-widget lang="zh" view="program"></forum-widget>
 *   <script src="https://cdn.example.org/forum-widget/forum-widget.js" async data-mount="none"></script>
 * A classic script on purpose: document.currentScript is null inside modules.
 * Only the first line is kept in the shipped file: every visitor downloads it.
 */
(() => {
  'use strict';

  // Written by the build (scripts/dist.mjs), each from its one source: the option names
  // from src/options.rs, the internal-error notice from src/i18n, the built-in event's
  // source page from data/forum-2023.json, the palette from src/widget.css, the version
  // from Cargo.toml, and the content-hashed names of the other files in dist/.
  const OPTIONS = [];
  // The internal-error notice in each interface language: { tag: [title, text] }.
  const INTERNAL_ERROR = {};
  const SOURCE_PAGE = '';
  const PALETTE = '';
  const VERSION = '';
  const FILES = { core: 'forum-widget-core.js', wasm: 'forum-widget.wasm', wasmIntegrity: '', fullCore: 'forum-widget-full-core.js', fullWasm: 'forum-widget-full.wasm', fullWasmIntegrity: '', readersCore: 'schedule-readers.js', readersWasm: 'schedule-readers.wasm' };
  // Two builds of the widget: the default one (the built-in event, short programmes), and
  // the full one, with the timetable and the rest of large programmes, for a `src`.
  const BUILDS = {
    default: { core: FILES.core, wasm: FILES.wasm, integrity: FILES.wasmIntegrity, compiled: null, instances: [] },
    full: { core: FILES.fullCore, wasm: FILES.fullWasm, integrity: FILES.fullWasmIntegrity, compiled: null, instances: [] },
  };
  const buildFor = (options) => (options.src ? BUILDS.full : BUILDS.default);

  const TAG = 'forum-widget';
  // Before the wasm has loaded: keep host styles out, and reserve space. The built-in
  // event renders taller than the viewport at every width, so reserving the viewport's
  // height keeps the content below it from moving while it is in view.
  const LOADER_CSS = ':host{display:block!important}' +
    `.fw-loader-message{${PALETTE}margin:0;padding:1rem;font:16px/1.5 system-ui,sans-serif;color:var(--_muted);` +
    'border:1px solid var(--_border);border-radius:var(--fw-radius,8px);background:var(--_bg)}' +
    '.fw-loading{box-sizing:border-box;min-height:var(--fw-placeholder-height,100vh)}' +
    '.fw-loader-message a{color:var(--_primary)}';

  const script = document.currentScript;

  /** Script-tag form: a <forum-widget> right after the script, with its data-* options. */
  const insertAfterScript = () => {
    if (!script || script.getAttribute('data-mount') === 'none' || script.parentNode === document.head) return;
    const element = document.createElement(TAG);
    for (const name of OPTIONS) {
      const value = script.getAttribute(`data-${name}`);
      if (value !== null) element.setAttribute(name, value);
    }
    script.parentNode.insertBefore(element, script.nextSibling);
  };

  if (window.ForumWidget && window.ForumWidget.mount) {
    // A second copy of the script: the first one's element is defined; add a widget.
    insertAfterScript();
    return;
  }
  if (!script) {
    console.error('forum-widget: load forum-widget.js with a plain <script src> tag (not type="module").');
    return;
  }
  const base = new URL('.', script.src).href;
  // A page that pins this script with Subresource Integrity gets the wasm checked too.
  const pinned = !!script.integrity;
  let sheet = null;

  /** Whether shadow roots take constructed stylesheets (Chrome 73, Firefox 101, Safari 16.4). */
  const constructedStylesheets = () =>
    typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype &&
    typeof ShadowRoot === 'function' && 'adoptedStyleSheets' in ShadowRoot.prototype;

  /** Fetches and compiles a build's wasm once per page, however many widgets there are. */
  const compile = (build) => {
    let compiled = build.compiled;
    if (!compiled) {
      if (typeof WebAssembly !== 'object') {
        compiled = Promise.reject(new Error('this browser does not support WebAssembly'));
      } else if (!constructedStylesheets()) {
        // Nothing to gain from fetching the wasm: it could not style the widget.
        compiled = Promise.reject(new Error('this browser does not support constructed stylesheets'));
      } else {
        // The status is checked here, before compiling: WebKit checks the MIME type first,
        // so a 404 page would otherwise be reported as a damaged file.
        const response = fetch(base + build.wasm, pinned ? { integrity: build.integrity } : {}).then((r) => {
          if (!r.ok) throw new Error(`${build.wasm} returned HTTP status ${r.status}`);
          return r;
        });
        // compileStreaming compiles while the file downloads.
        compiled = WebAssembly.compileStreaming
          ? WebAssembly.compileStreaming(response)
          : response.then((r) => r.arrayBuffer()).then(WebAssembly.compile);
      }
      build.compiled = compiled;
    }
    return compiled;
  };

  /**
   * A wasm instance for one widget: a free healthy one, or a new one from the compiled
   * module. One widget per instance means a panic, which stops an instance for good,
   * stops only its own widget. Instances are reused after unmount, so a single-page app
   * never holds more than it shows at once.
   */
  const takeInstance = async (build) => {
    const { instances } = build;
    const free = instances.find((i) => !i.busy && !i.broken);
    if (free) {
      free.busy = true;
      return free;
    }
    const instance = { busy: true, broken: false, mod: null, exports: null };
    instances.push(instance);
    // A distinct module URL gives the new instance its own copy of the JS glue.
    const url = base + build.core + (instances.length > 1 ? `?instance=${instances.length}` : '');
    try {
      // The glue downloads while the wasm compiles.
      const [module, glue] = await Promise.all([compile(build), import(url)]);
      // A Rust panic aborts: the wasm traps, and the instance is unusable from then on.
      glue.setTrapHandler((error) => {
        instance.broken = true;
        if (instance.onTrap) instance.onTrap(error);
      });
      instance.exports = await glue.default({ module_or_path: module });
      instance.mod = glue;
      return instance;
    } catch (error) {
      instances.splice(instances.indexOf(instance), 1);
      throw error;
    }
  };

  let intlWarm = false;
  /**
   * The first Intl.DateTimeFormat on a page loads the browser's time-zone data (25–70 ms
   * measured in Chromium). Made while the wasm downloads and compiles, that is not on the
   * way to the first paint, where the widget's first date would otherwise pay it.
   */
  const warmIntl = () => {
    if (intlWarm) return;
    intlWarm = true;
    setTimeout(() => {
      try { new Intl.DateTimeFormat('en', { timeZone: 'UTC' }).format(0); } catch (e) { /* the widget reports a missing Intl */ }
    }, 0);
  };

  let readers = null;
  /**
   * The schedule readers (frab, Pentabarf, pretalx, Sessionize, iCalendar): a second,
   * separate wasm, fetched once per page and only when a src file is in another format.
   */
  const loadReaders = () => {
    if (!readers) {
      // The wasm is requested with its glue, not after it.
      const wasm = fetch(base + FILES.readersWasm);
      wasm.catch(() => {});
      readers = import(base + FILES.readersCore).then(async (glue) => {
        await glue.default({ module_or_path: wasm });
        return glue;
      });
      readers.catch(() => { readers = null; });
    }
    return readers;
  };

  /**
   * The event file, requested now as the widget would request it (no cookies), while
   * the wasm downloads and compiles. A file that starts like XML or iCalendar, or JSON
   * with another system's top-level keys, will need the schedule readers: they start
   * loading as soon as its first bytes arrive.
   */
  const prefetch = (url) => {
    const controller = new AbortController();
    const response = fetch(url, { credentials: 'omit', signal: controller.signal });
    response.then((r) => {
      if (!r.ok || !r.body) return;
      const reader = r.clone().body.getReader();
      reader.read().then(({ value }) => {
        reader.cancel().catch(() => {});
        const head = new TextDecoder().decode(value ? value.subarray(0, 4096) : undefined);
        if (/^\uFEFF?\s*(<|BEGIN:VCALENDAR)/i.test(head) || /"(schedule|talks|sessions)"\s*:/.test(head)) {
          loadReaders().catch(() => {});
        }
      }, () => {});
    }, () => {});
    return { url, response, abort: () => controller.abort() };
  };

  /** What went wrong before any wasm ran, for the reader (en/zh) and for the site's developer. */
  const reason = (error, build) => {
    const text = String((error && error.message) || error);
    const files = `${build.core} and ${build.wasm} must be served beside ${base}forum-widget.js` +
      (pinned ? ', from the same build as this pinned forum-widget.js' : '');
    if (typeof WebAssembly !== 'object') {
      return { en: 'this browser does not support WebAssembly', zh: '此浏览器不支持 WebAssembly', fix: 'Use a current browser.' };
    }
    if (!constructedStylesheets()) {
      return {
        en: 'this browser version is too old for it',
        zh: '此浏览器版本过旧',
        fix: 'The widget needs constructed stylesheets: Chrome 73, Firefox 101, Safari 16.4 or later.',
      };
    }
    if (/wasm-eval|Content Security Policy|CSP/i.test(text)) {
      return {
        en: "the page's Content-Security-Policy does not allow WebAssembly",
        zh: '页面的内容安全策略不允许 WebAssembly',
        fix: `Add 'wasm-unsafe-eval' (and ${new URL(base).origin} when it is another origin) to script-src.`,
      };
    }
    if (error instanceof WebAssembly.CompileError || /CompileError|magic|expected|section/i.test(text)) {
      return { en: `${build.wasm} is damaged`, zh: `${build.wasm} 文件已损坏`, fix: 'Upload dist/ again; serve .wasm unmodified as application/wasm.' };
    }
    if (/status|404|not ok|Failed to fetch|import|module script/i.test(text)) {
      return { en: 'the widget files could not be fetched', zh: '无法获取组件文件', fix: `${files} (with CORS headers when on another origin).` };
    }
    return { en: 'an unexpected error', zh: '意外错误', fix: `${files}.` };
  };

  const isChinese = (options) =>
    /^zh\b/i.test(options.lang || document.documentElement.lang || navigator.language || '');

  const message = (root, options, en, zh, className) => {
    const box = document.createElement('p');
    box.className = `fw-loader-message${className ? ` ${className}` : ''}`;
    box.setAttribute('role', 'status');
    box.setAttribute('lang', isChinese(options) ? 'zh' : 'en');
    box.textContent = isChinese(options) ? zh : en;
    root.replaceChildren(box);
    return box;
  };

  const adoptLoaderStyles = (root) => {
    try {
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(LOADER_CSS);
      }
      if (!root.adoptedStyleSheets.includes(sheet)) {
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      }
    } catch (e) { /* older browsers: the placeholder is unstyled */ }
  };

  const emit = (element, name, detail) =>
    element.dispatchEvent(new CustomEvent(`forum-widget:${name}`, { bubbles: true, composed: true, detail }));

  const camel = (name) => name.replace(/-(\w)/g, (m, c) => c.toUpperCase());

  /** Options as the wasm reads them: strings (`now` as given), `src` made absolute against the page. */
  const normalize = (options) => {
    const out = {};
    for (const key of OPTIONS) {
      const value = options[key] !== undefined ? options[key] : options[camel(key)];
      if (value !== undefined && value !== null) out[key] = key === 'now' ? value : String(value);
    }
    if (out.src) {
      try { out.src = new URL(out.src, document.baseURI).href; } catch (e) { /* the widget reports the bad URL */ }
    }
    return out;
  };

  /**
   * Mounts a widget into `element` (its open shadow root). Returns a handle with
   * update(options) and unmount(). Options: the attributes' names (or camelCase).
   */
  const mount = (element, options) => {
    const root = element.shadowRoot || element.attachShadow({ mode: 'open' });
    const state = { options: normalize(options || {}), widget: null, instance: null, gone: false, observer: null, build: null };
    adoptLoaderStyles(root);
    message(root, state.options, 'Loading event…', '正在加载活动信息…', 'fw-loading');
    // The widget's first request, if for the prefetched URL, gets that response; the
    // widget's timeout aborts it like its own requests.
    let prefetched = state.options.src && state.options.loading !== 'lazy' ? prefetch(state.options.src) : null;
    const fetchForWidget = (url, init) => {
      const early = prefetched;
      prefetched = null;
      if (early && early.url === url) {
        if (init && init.signal) init.signal.addEventListener('abort', early.abort);
        return early.response;
      }
      if (early) early.abort();
      return fetch(url, init);
    };

    const fail = (error, build) => {
      const why = reason(error, build);
      const box = message(root, state.options, `The event widget could not be loaded: ${why.en}. `,
        `活动组件无法加载：${why.zh}。`);
      if (!state.options.src) {
        const link = document.createElement('a');
        link.href = SOURCE_PAGE;
        link.rel = 'noopener noreferrer';
        link.hreflang = 'zh';
        link.textContent = isChinese(state.options) ? '查看活动原文' : 'Read about the event at its source (in Chinese)';
        box.appendChild(link);
      }
      console.error(`forum-widget: could not start: ${why.en} (${String((error && error.message) || error)}). ${why.fix}`);
      emit(element, 'error', { message: why.en });
    };

    const start = () => {
      const build = buildFor(state.options);
      state.build = build;
      warmIntl();
      takeInstance(build).then((instance) => {
        if (state.gone || state.build !== build) {
          instance.busy = false;
          return;
        }
        state.instance = instance;
        instance.onTrap = internalError;
        root.replaceChildren();
        try {
          state.widget = instance.mod.mount(root, element, state.options, loadReaders, fetchForWidget);
        } catch (error) {
          instance.broken = true;
          if (!(error instanceof WebAssembly.RuntimeError)) fail(error, build);
        }
      }, (error) => {
        if (!state.gone && state.build === build) fail(error, build);
      });
    };
    /** Lets the widget's instance go (it is reused by the next widget of its build). */
    const release = () => {
      if (state.widget && !state.instance.broken) state.widget.unmount();
      state.widget = null;
      if (state.instance) {
        state.instance.busy = false;
        state.instance.onTrap = null;
      }
      state.instance = null;
    };

    /**
     * The wasm trapped (a Rust panic): the widget is replaced by a notice in the language
     * it showed, the page is told, and the instance is never used again.
     */
    const internalError = (error) => {
      const why = String((error && error.message) || error);
      const shown = root.querySelector('.fw');
      const lang = shown && shown.getAttribute('lang');
      const [title, text] = INTERNAL_ERROR[lang] || INTERNAL_ERROR.en;
      const tag = (name, className, content) => {
        const node = document.createElement(name);
        node.className = className;
        if (typeof content === 'string') node.textContent = content;
        else node.append(...content);
        return node;
      };
      const notice = tag('div', 'fw', [tag('div', 'error', [tag('p', 'error-title', [tag('strong', '', title)]), tag('p', 'error-message', text)])]);
      notice.setAttribute('lang', (lang && INTERNAL_ERROR[lang]) ? lang : 'en');
      notice.firstChild.setAttribute('role', 'status');
      root.replaceChildren(notice);
      state.widget = null;
      console.error(`forum-widget: internal error (${why}); this widget has stopped, the others on the page go on.`);
      emit(element, 'error', { message: `internal error: ${why}`, internal: 'true' });
    };

    if (state.options.loading === 'lazy' && 'IntersectionObserver' in window) {
      state.observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) {
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
      update(next) {
        state.options = normalize({ ...state.options, ...(next || {}) });
        if (state.build && buildFor(state.options) !== state.build && !state.observer) {
          // A src given or taken away: the other build takes over.
          release();
          message(root, state.options, 'Loading event…', '正在加载活动信息…', 'fw-loading');
          start();
        } else if (state.widget) {
          state.widget.update(state.options);
        }
      },
      unmount() {
        state.gone = true;
        if (prefetched) prefetched.abort();
        prefetched = null;
        if (state.observer) state.observer.disconnect();
        state.observer = null;
        release();
        root.replaceChildren();
      },
      /* test-hooks: only in the test build (dist-test/), for the tests of internal errors. */
      _panicForTests() {
        if (state.widget) state.widget.panicForTests();
      },
      /* :test-hooks */
    };
  };

  const attributeOptions = (element) => {
    const options = {};
    for (const name of OPTIONS) options[name] = element.getAttribute(name);
    return options;
  };

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
  window.ForumWidget = { version: VERSION, mount };
  if (!customElements.get(TAG)) customElements.define(TAG, ForumWidgetElement);
  insertAfterScript();
})();
