/*
 * phuluc task pane loader. ES5 on purpose: it runs in every host, including the old
 * Internet Explorer (Trident) and EdgeHTML web views of Office 2013–2019, which cannot run
 * the React 18 bundle. There it shows which Office is needed and never loads the bundle;
 * elsewhere it loads the bundle files listed in <meta name="phuluc-scripts">.
 * Not inline (the Content-Security-Policy forbids inline scripts).
 */
(function () {
  var ua = navigator.userAgent || "";
  var legacy = /MSIE |Trident\//.test(ua) || /Edge\/\d+/.test(ua);
  window.__phulucLegacy = legacy;

  function ready(fn) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
    else fn();
  }

  function showLegacy() {
    var root = document.getElementById("root");
    if (!root) return;
    root.innerHTML = "";
    var box = document.createElement("div");
    box.setAttribute("role", "alert");
    box.setAttribute("data-testid", "legacy");
    box.style.padding = "12px";
    box.style.fontFamily = "Segoe UI, Arial, sans-serif";
    var parts = [
      ["h1", "Phiên bản Office này chưa chạy được ngăn Phụ lục số liệu"],
      ["p", "Excel của bạn đang dùng trình duyệt nhúng cũ (Internet Explorer hoặc Edge đời cũ). Ngăn tác vụ cần Microsoft 365 hoặc Office 2021 trở lên, trên Windows có Microsoft Edge WebView2 (Windows 10/11 đã cập nhật thường có sẵn)."],
      ["p", "Sổ nhập liệu vẫn dùng được: các cột \u2713/\u2717 trong trang \u201cPh\u1ee5 l\u1ee5c\u201d là công thức của chính Excel nên vẫn tự kiểm tra khi bạn gõ số liệu. Có thể kiểm tra và lập báo cáo bằng Excel trên web (office.com) hoặc lệnh phuluc trên máy khác."],
      ["p", "This version of Office cannot run the phuluc pane: it uses an old embedded browser (Internet Explorer or legacy Edge). The pane needs Microsoft 365 or Office 2021 or later, with Microsoft Edge WebView2 on Windows. The workbook still works: the \u2713/\u2717 cells are Excel formulas and keep checking as you type."]
    ];
    for (var i = 0; i < parts.length; i++) {
      var el = document.createElement(parts[i][0]);
      el.appendChild(document.createTextNode(parts[i][1]));
      el.style.margin = "0 0 10px";
      if (parts[i][0] === "h1") el.style.fontSize = "18px";
      if (i === 3) {
        el.style.color = "#555";
        el.style.fontSize = "12px";
        el.setAttribute("lang", "en");
      }
      box.appendChild(el);
    }
    root.appendChild(box);
  }

  function loadBundle() {
    var meta = document.querySelector('meta[name="phuluc-scripts"]');
    var list = meta ? (meta.getAttribute("content") || "").split(" ") : [];
    for (var i = 0; i < list.length; i++) {
      if (!list[i]) continue;
      var s = document.createElement("script");
      s.src = list[i];
      s.async = false;
      document.head.appendChild(s);
    }
  }

  ready(function () {
    if (legacy) showLegacy();
    else loadBundle();
  });
})();
