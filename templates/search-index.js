window.SITEGEN_SEARCH = {{ index | jsonld }};
