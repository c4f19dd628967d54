// Small progressive enhancements; every page works without them.
(function () {
    "use strict";

    // Forms marked data-progress: send with XMLHttpRequest and show how much has been sent, so that a large
    // upload on a slow line visibly moves. The answer (a page) then replaces this one.
    document.querySelectorAll("form[data-progress]").forEach(function (form) {
        form.addEventListener("submit", function (event) {
            if (!window.FormData || !window.XMLHttpRequest) return;
            event.preventDefault();
            var box = document.getElementById(form.getAttribute("data-progress"));
            var bar = box && box.querySelector("progress");
            var label = box && box.querySelector("[data-progress-text]");
            if (box) box.classList.add("active");
            var request = new XMLHttpRequest();
            request.open(form.method || "post", form.action || window.location.href);
            request.upload.addEventListener("progress", function (e) {
                if (!e.lengthComputable || !bar) return;
                bar.max = e.total;
                bar.value = e.loaded;
                if (label) label.textContent = Math.round(100 * e.loaded / e.total) + " %";
            });
            request.upload.addEventListener("load", function () {
                if (label) label.textContent = label.getAttribute("data-checking") || "…";
                if (bar) bar.removeAttribute("value");
            });
            request.addEventListener("load", function () {
                document.open();
                document.write(request.responseText);
                document.close();
                if (request.responseURL) window.history.replaceState(null, "", request.responseURL);
            });
            request.addEventListener("error", function () {
                if (label) label.textContent = label.getAttribute("data-failed") || "The connection failed. Try again.";
            });
            request.send(new FormData(form));
        });
    });

    // Elements marked data-wait-for="URL": a report being rendered. Ask every few seconds; when the file is
    // ready, reload the page (which then shows the download link). Counts the seconds meanwhile.
    document.querySelectorAll("[data-wait-for]").forEach(function (element) {
        var url = element.getAttribute("data-wait-for");
        var counter = element.querySelector("[data-seconds]");
        var started = Date.now();
        var tick = setInterval(function () {
            if (counter) counter.textContent = Math.round((Date.now() - started) / 1000);
        }, 1000);
        var poll = function () {
            fetch(url, { method: "GET", credentials: "same-origin" }).then(function (response) {
                // Only the status matters here: stop the PDF itself from coming down the line.
                if (response.body && response.body.cancel) response.body.cancel();
                if (response.status === 200) {
                    clearInterval(tick);
                    window.location.reload();
                } else {
                    setTimeout(poll, 3000);
                }
            }).catch(function () { setTimeout(poll, 5000); });
        };
        setTimeout(poll, 2000);
    });
})();
