/* The header search box as an accessible combobox (WAI-ARIA 1.2 pattern):
   htmx fetches the options; this file opens and closes the list, moves the
   active option with the arrow keys, picks it with Enter and closes on Escape. */
(function () {
  "use strict";

  function parts(input) {
    var list = document.getElementById(input.getAttribute("aria-controls"));
    return { list: list, options: list ? Array.prototype.slice.call(list.querySelectorAll("[role=option]")) : [] };
  }

  function setOpen(input, open) {
    var p = parts(input);
    if (!p.list) return;
    open = open && p.options.length > 0;
    p.list.hidden = !open;
    input.setAttribute("aria-expanded", open ? "true" : "false");
    if (!open) activate(input, -1);
  }

  function activate(input, index) {
    var p = parts(input);
    p.options.forEach(function (option, i) {
      option.setAttribute("aria-selected", i === index ? "true" : "false");
    });
    if (index >= 0 && p.options[index]) {
      input.setAttribute("aria-activedescendant", p.options[index].id);
      p.options[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function go(option) {
    var href = option && option.getAttribute("data-href");
    if (href) window.location.assign(href);
  }

  function activeIndex(input) {
    var id = input.getAttribute("aria-activedescendant");
    return parts(input).options.findIndex(function (o) { return o.id === id; });
  }

  document.addEventListener("htmx:afterSwap", function (event) {
    var list = event.detail.target;
    if (!list || list.getAttribute("role") !== "listbox") return;
    var input = document.querySelector("[aria-controls='" + list.id + "']");
    if (input) setOpen(input, document.activeElement === input && input.value.trim() !== "");
  });

  document.addEventListener("keydown", function (event) {
    var input = event.target;
    if (!input || input.getAttribute("role") !== "combobox") return;
    var p = parts(input);
    var open = input.getAttribute("aria-expanded") === "true";
    var index = activeIndex(input);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!p.options.length) return;
      event.preventDefault();
      if (!open) { setOpen(input, true); }
      var n = p.options.length;
      if (event.key === "ArrowDown") activate(input, index + 1 >= n ? 0 : index + 1);
      else activate(input, index <= 0 ? n - 1 : index - 1);
    } else if (event.key === "Enter" && open && index >= 0) {
      event.preventDefault();
      go(p.options[index]);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(input, false);
    }
  });

  document.addEventListener("input", function (event) {
    var input = event.target;
    if (input && input.getAttribute("role") === "combobox" && input.value.trim() === "") setOpen(input, false);
  });

  document.addEventListener("focusout", function (event) {
    var input = event.target;
    if (!input || input.getAttribute("role") !== "combobox") return;
    // Let a click on an option land before the list closes.
    window.setTimeout(function () {
      var p = parts(input);
      if (p.list && !p.list.contains(document.activeElement)) setOpen(input, false);
    }, 150);
  });

  document.addEventListener("mousedown", function (event) {
    var option = event.target.closest && event.target.closest("[role=option]");
    if (option) event.preventDefault(); // keep focus in the input
  });

  document.addEventListener("click", function (event) {
    var option = event.target.closest && event.target.closest("[role=option][data-href]");
    if (option) go(option);
  });
})();
