"""The web editor at /admin/ (Sveltia CMS, bundled by ``make editor``): its configuration generated from the
project's data, and the folder a build adds to the site."""
