// Drag and drop onto the upload form's file input. Without JavaScript the input works on its own.
(function () {
  var zone = document.getElementById('dropzone');
  var input = document.getElementById('photos');
  var list = document.getElementById('dropzone-files');
  if (!zone || !input) { return; }

  function show() {
    var names = Array.prototype.map.call(input.files, function (f) { return f.name; });
    list.textContent = names.length ? names.length + ' selected: ' + names.join(', ') : '';
    zone.classList.toggle('has-files', names.length > 0);
  }

  ['dragenter', 'dragover'].forEach(function (type) {
    zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add('dragging'); });
  });
  ['dragleave', 'drop'].forEach(function (type) {
    zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.remove('dragging'); });
  });
  zone.addEventListener('drop', function (e) {
    if (!e.dataTransfer || !e.dataTransfer.files.length) { return; }
    var all = new DataTransfer();
    Array.prototype.forEach.call(input.files, function (f) { all.items.add(f); });
    Array.prototype.forEach.call(e.dataTransfer.files, function (f) {
      if (f.type.indexOf('image/') === 0) { all.items.add(f); }
    });
    input.files = all.files;
    show();
  });
  input.addEventListener('change', show);
  show();
})();
