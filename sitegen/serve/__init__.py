"""The preview server: rebuild on change, serve `output/`, reload the browser.

- `server`: `serve()`, tying the watcher, rebuilder and HTTP server together.
- `watch`: file events, debounced (the only module importing watchdog).
- `rebuild`: the rebuild after a change, keeping state between builds.
- `memo`: what a rebuild can reuse from the last one.
- `writer`: output written for a rebuild.
- `hub`: reload events for open browser tabs.
- `http`: the HTTP handler, with the reload script injected as pages are served.
"""
