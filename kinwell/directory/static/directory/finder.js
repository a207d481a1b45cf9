// "Use my location": fills the hidden latitude/longitude and submits the search.
// Only when the button is pressed (the browser then asks); the position is rounded to two
// decimals (about half a mile) before it goes into the search URL, and nothing stores it.
// Without JavaScript (or without permission) the ZIP code field does the same job.
(function () {
  "use strict";
  var button = document.querySelector("[data-use-location]");
  if (!button || !("geolocation" in navigator)) return;
  var form = button.form;
  var status = document.querySelector("[data-location-status]");
  button.closest(".finder-locate").hidden = false;
  button.addEventListener("click", function () {
    status.textContent = button.dataset.locating;
    navigator.geolocation.getCurrentPosition(function (position) {
      form.elements.lat.value = position.coords.latitude.toFixed(2);
      form.elements.lon.value = position.coords.longitude.toFixed(2);
      form.elements.zip.value = "";
      form.submit();
    }, function () {
      status.textContent = button.dataset.failed;
      form.elements.zip.focus();
    }, { timeout: 15000, maximumAge: 600000 });
  });
})();
