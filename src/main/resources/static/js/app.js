// Progressive enhancement only: every page works without this file.
document.addEventListener('DOMContentLoaded', function () {
  var p = document.getElementById('problems');
  if (p) { p.focus(); }
  document.querySelectorAll('[data-confirm]').forEach(function (f) {
    f.addEventListener('submit', function (e) {
      if (!window.confirm(f.getAttribute('data-confirm'))) { e.preventDefault(); }
    });
  });
});
