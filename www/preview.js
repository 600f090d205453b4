// Preview page only: copies the embed snippet.
document.getElementById('copy').addEventListener('click', function () {
  var text = document.getElementById('snippet').textContent;
  var done = function (msg) { document.getElementById('copied').textContent = msg; };
  if (navigator.clipboard) {
    navigator.clipboard.writeText(text).then(function () { done('Copied.'); }, function () { done('Select the snippet and copy it.'); });
  } else {
    done('Select the snippet and copy it.');
  }
});
