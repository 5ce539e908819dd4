// Draws every <canvas data-chart="id"> from the JSON of <script type="application/json" id="id">
// ({type, labels, datasets:[{label, data, color}], stacked}). Runs again after each htmx swap.
(function () {
  function draw(root) {
    if (typeof Chart === 'undefined') return;
    root.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      if (canvas._chart) canvas._chart.destroy();
      var source = document.getElementById(canvas.dataset.chart);
      if (!source) return;
      var spec = JSON.parse(source.textContent);
      var pie = spec.type === 'doughnut' || spec.type === 'pie';
      canvas._chart = new Chart(canvas, {
        type: spec.type,
        data: {
          labels: spec.labels,
          datasets: spec.datasets.map(function (d) {
            return { label: d.label, data: d.data, backgroundColor: d.colors || d.color, borderColor: d.colors || d.color,
                     tension: 0.25, fill: false };
          })
        },
        options: {
          responsive: true, maintainAspectRatio: false, animation: false,
          plugins: { legend: { position: 'bottom' } },
          scales: pie ? {} : { x: { stacked: !!spec.stacked }, y: { stacked: !!spec.stacked, beginAtZero: true, ticks: { precision: 0 } } }
        }
      });
    });
  }
  document.addEventListener('DOMContentLoaded', function () { draw(document); });
  document.addEventListener('htmx:afterSwap', function (e) { draw(e.target); });
  // copy buttons: <button data-copy="#selector">
  document.addEventListener('click', function (e) {
    var b = e.target.closest('[data-copy]');
    if (!b) return;
    var el = document.querySelector(b.dataset.copy);
    if (!el) return;
    navigator.clipboard.writeText(el.value || el.textContent).then(function () {
      var old = b.textContent; b.textContent = 'Copié ✓'; setTimeout(function () { b.textContent = old; }, 1500);
    });
  });
})();
