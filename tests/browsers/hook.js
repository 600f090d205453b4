// Loaded first by every cross-engine test page (from the page's own origin, so that it
// also runs under a strict Content-Security-Policy). WebDriver has no console or
// download events that all three engines share, so the page records them itself.
(function () {
  window.__errors = [];
  window.__violations = [];
  window.__downloads = [];
  var error = console.error;
  console.error = function () {
    window.__errors.push([].map.call(arguments, String).join(' '));
    return error.apply(console, arguments);
  };
  addEventListener('error', function (e) { window.__errors.push('uncaught: ' + e.message); });
  addEventListener('unhandledrejection', function (e) { window.__errors.push('unhandled: ' + e.reason); });
  document.addEventListener('securitypolicyviolation', function (e) {
    window.__violations.push(e.violatedDirective + ' ' + e.blockedURI);
  });
  // The widget offers an .ics file as a blob: URL on an <a download> it clicks. Keep each
  // blob (the widget revokes the URL at once) and the file name it asks for.
  var blobs = {};
  var create = URL.createObjectURL;
  URL.createObjectURL = function (blob) {
    var url = create.call(URL, blob);
    blobs[url] = blob;
    return url;
  };
  var click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.hasAttribute('download') && blobs[this.href]) {
      window.__downloads.push({ name: this.download, blob: blobs[this.href] });
      return undefined; // the file is read back by the test, not saved by the browser
    }
    return click.call(this);
  };
  // The partner's own button, to check that the page still works beside a failed widget.
  document.addEventListener('click', function (e) {
    if (e.target.id === 'host-button') e.target.textContent = 'clicked';
  });
  // Older browsers, as the widget's feature checks see them.
  if (/[?&]nowasm\b/.test(location.search)) delete window.WebAssembly;
  if (/[?&]noadopt\b/.test(location.search)) delete ShadowRoot.prototype.adoptedStyleSheets;
})();
