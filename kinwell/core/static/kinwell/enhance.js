// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Lets site.css drop the navigation's groups down over the page: only worth it when
  // the code below can close them again (Escape, a click elsewhere, focus moving on).
  document.documentElement.classList.add("js");

  function navigationGroups() {
    var groups = document.querySelectorAll(".site-nav details");
    function dropsDown(group) {
      var links = group.querySelector(".nav-group__links");
      return links && getComputedStyle(links).position === "absolute";
    }
    groups.forEach(function (group) {
      // Browsers without <details name> would let several groups stay open at once.
      group.addEventListener("toggle", function () {
        if (!group.open) { return; }
        groups.forEach(function (other) { if (other !== group) { other.open = false; } });
      });
      group.addEventListener("keydown", function (event) {
        if (event.key !== "Escape" || !group.open) { return; }
        event.preventDefault();
        group.open = false;
        group.querySelector("summary").focus();
      });
      // A group over the page must not hide what focus moves to next.
      group.addEventListener("focusout", function (event) {
        if (group.open && dropsDown(group) && event.relatedTarget && !group.contains(event.relatedTarget)) {
          group.open = false;
        }
      });
    });
    document.addEventListener("click", function (event) {
      groups.forEach(function (group) {
        if (group.open && dropsDown(group) && !group.contains(event.target)) { group.open = false; }
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    navigationGroups();

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
