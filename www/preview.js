// Preview page only: the embed-code builder. It sets the live widget's attributes and
// writes both snippet forms.
(function () {
  'use strict';
  var form = document.getElementById('options');
  var scriptUrl = new URL('dist/forum-widget.js', location.href).href;
  var ATTRS = ['lang', 'view', 'sections', 'theme', 'src', 'layout'];
  // The loader's Subresource Integrity hash, from the build's manifest.
  var integrity = '';

  function escapeAttr(value) {
    return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  }

  function chosen() {
    var data = new FormData(form);
    var sections = data.getAll('sections');
    var options = {
      lang: data.get('lang'),
      view: data.get('view'),
      sections: sections.length && sections.length < 3 ? sections.join(',') : '',
      theme: data.get('theme'),
      src: (data.get('src') || '').trim(),
      layout: data.get('layout'),
    };
    var primary = data.get('use-primary') ? data.get('primary') : '';
    var pin = data.get('pin') && integrity ? ' integrity="' + integrity + '" crossorigin="anonymous"' : '';
    return { options: options, primary: primary, pin: pin };
  }

  function attributes(options, prefix) {
    return ATTRS.filter(function (k) { return options[k]; })
      .map(function (k) { return ' ' + prefix + k + '="' + escapeAttr(options[k]) + '"'; })
      .join('');
  }

  function render() {
    var c = chosen();
    var style = c.primary ? '<style>forum-widget { --fw-primary: ' + c.primary + '; }</style>\n' : '';
    document.getElementById('snippet').value =
      style + '<script src="' + scriptUrl + '"' + c.pin + attributes(c.options, 'data-') + '></script>';
    document.getElementById('snippet-element').value =
      '<style>forum-widget:not(:defined) { display: block; min-height: 100vh; }' +
      (c.primary ? '\nforum-widget { --fw-primary: ' + c.primary + '; }' : '') + '</style>\n' +
      '<forum-widget' + attributes(c.options, '') + '></forum-widget>\n' +
      '<script src="' + scriptUrl + '" async' + c.pin + ' data-mount="none"></script>';

    var live = document.querySelector('.partner forum-widget');
    if (!live) return;
    ATTRS.forEach(function (k) {
      if (c.options[k]) live.setAttribute(k, c.options[k]);
      else live.removeAttribute(k);
    });
    if (c.primary) live.style.setProperty('--fw-primary', c.primary);
    else live.style.removeProperty('--fw-primary');
  }

  form.addEventListener('input', render);
  form.addEventListener('change', render);
  // The live widget appears when the async loader has run.
  if (window.customElements) customElements.whenDefined('forum-widget').then(render);
  render();
  fetch(new URL('dist/manifest.json', location.href)).then(function (r) { return r.ok ? r.json() : {}; })
    .then(function (manifest) {
      integrity = manifest.integrity || '';
      render();
    }, function () { /* no manifest: snippets without SRI */ });

  document.querySelectorAll('[data-copy]').forEach(function (button) {
    button.addEventListener('click', function () {
      var area = document.getElementById(button.getAttribute('data-copy'));
      var done = function (msg) { document.getElementById('copied').textContent = msg; };
      area.select();
      if (navigator.clipboard) {
        navigator.clipboard.writeText(area.value).then(function () { done('Copied.'); }, function () { done('Press Ctrl+C to copy.'); });
      } else {
        done('Press Ctrl+C to copy.');
      }
    });
  });
})();
