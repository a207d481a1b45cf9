// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    // Move focus to a form's error summary so screen-reader users hear it first.
    var summary = document.querySelector("[data-autofocus]");
    if (summary) { summary.focus(); }

    // A "Copy" button beside read-only fields that hold a link or token.
    document.querySelectorAll("input.copy-field").forEach(function (field) {
      if (!navigator.clipboard) { return; }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button button--secondary copy-button";
      button.textContent = field.dataset.copyLabel || "Copy";
      var status = document.createElement("span");
      status.setAttribute("role", "status");
      status.className = "small";
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(field.value).then(function () {
          status.textContent = " Copied.";
        }, function () {
          field.select();
          status.textContent = " Select the text and copy it.";
        });
      });
      field.insertAdjacentElement("afterend", status);
      field.insertAdjacentElement("afterend", button);
    });
  });
})();
