# Two commands set everything up on a fresh machine: `make site` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-lock
PROPERDOCS_VENV := .venv-properdocs
ESLINT := lint/node_modules/.bin/eslint
# The web editor (/admin/): Sveltia CMS pinned in editor/package-lock.json, bundled by us with esbuild.
EDITOR_BUNDLE := editor/dist/editor.js
# Our hooks live in hooks/; the CLI (check, new, translations, build) imports them from there.
export PYTHONPATH := $(CURDIR)/hooks
# Material prints an end-of-life banner on every build.
export NO_MKDOCS_2_WARNING := 1
HC := $(BIN)/python -m helpcentre.cli
# Reproducible output: dates come from the content or the last commit, never the build clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: install properdocs editor editor-screenshots site release audit serve test check new translations review lint lock system-deps clean import-zendesk

install: $(STAMP)

# Recreated or refreshed whenever the lock file changes; hashes are mandatory.
$(STAMP): requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	@touch $@

## The site's build with ProperDocs (a drop-in fork of MkDocs 1.6) in place of MkDocs, in its own venv from
## requirements-properdocs.lock (hashes required); tests/test_properdocs.py builds the site with it.
properdocs: $(PROPERDOCS_VENV)/.installed-lock

$(PROPERDOCS_VENV)/.installed-lock: requirements-properdocs.lock
	@test -x $(PROPERDOCS_VENV)/bin/python || $(PYTHON) -m venv $(PROPERDOCS_VENV)
	$(PROPERDOCS_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps \
	  -r requirements-properdocs.lock
	@touch $@

## The web editor's bundle in editor/dist/ (needs Node and npm; `make site` does not): npm ci from the lock, then
## esbuild. A release copies it into site/admin/ with its generated config.yml (README: Editing in the browser).
editor: $(EDITOR_BUNDLE)

$(EDITOR_BUNDLE): editor/package-lock.json editor/build.mjs $(wildcard editor/src/*.js)
	npm ci --prefix editor --ignore-scripts --no-audit --no-fund
	node editor/build.mjs
	@touch $@

## The editor's screenshots in README (editor/docs/*.png), in English and French, taken again from the bundle in
## Debian's Chromium: after an upgrade of @sveltia/cms or a change of what the editor shows.
editor-screenshots: install editor
	PYTHONPATH=$(CURDIR)/hooks:$(CURDIR)/scripts:$(CURDIR)/tests $(BIN)/python scripts/capture_editor.py

## Build the site strictly into site/ (built aside, then swapped in: never half-written).
site: install
	$(HC) build

## Build into a fresh folder, add the web editor (/admin/: --require-editor, its bundle missing stops the release),
## verify links, hosts and metadata, write each host's configuration (_headers, _redirects, dist/hosts/nginx.conf)
## and the precompressed .gz/.br files, then swap into site/ and write dist/site.tar.gz. Any failure leaves site/
## as it was.
release: install editor
	$(HC) release --require-editor

## Lighthouse scores (mobile) of home, a category, article 1001 and an answer with screenshots in both languages, released and served
## by Debian's nginx with the release's hosts/nginx.conf; writes audit/RESULTS.md. Run before each release.
audit: install system-deps
	npm ci --prefix audit --ignore-scripts --no-audit --no-fund
	PYTHONPATH=$(CURDIR)/hooks:$(CURDIR)/scripts $(BIN)/python scripts/audit.py

## Live preview for writers on http://127.0.0.1:8000/ ; `make serve ONLY=fr` previews one language (French
## pages are then under http://127.0.0.1:8000/fr/). After a save it converts only the saved files (--dirty):
## other articles' recommended lists refresh at the next full build; `make site` checks everything strictly.
serve: install
	HC_BUILD_LANGUAGE=$(ONLY) HC_STRICT=false $(BIN)/mkdocs serve --livereload --dirty

## Check all content without building; prints every problem, exit 1 on errors.
check: install
	$(HC) check

## Create an article in every language: make new CATEGORY=key EN="Question?" FR="Question ?" (one variable per
## language of mkdocs.yml, its code in capitals).
LANGUAGE_CODES = $(shell sed -n 's/^ *- locale: *\([A-Za-z_-]*\).*/\1/p' mkdocs.yml)
upper = $(shell echo '$(1)' | tr a-z- A-Z_)
new: install
	$(HC) new $(if $(CATEGORY),--category "$(CATEGORY)") \
	  $(foreach l,$(LANGUAGE_CODES),$(if $($(call upper,$(l))),--$(l) "$($(call upper,$(l)))"))

## Translation status table and, for each out-of-date translation, what changed in its original since
## (from git history); SHOW=docs/fr/x/y.md for one article; FORMAT=json for machines; RECORD="docs/fr/x/y.md ..."
## records translations.
translations: install
	$(HC) translations $(if $(FORMAT),--format $(FORMAT)) $(if $(RECORD),--record $(RECORD)) $(if $(SHOW),--show $(SHOW))

## Import a Zendesk Guide help centre: make import-zendesk URL=https://help.example.com [LOCALES=en-us:en,fr-ca:fr];
## a private one reads ZENDESK_EMAIL and ZENDESK_API_TOKEN from the environment. All or nothing; report in
## dist/import-report.md (README: Moving from Zendesk).
import-zendesk: install
	@test -n "$(URL)" || { echo "make import-zendesk: give the help centre's address: URL=https://help.example.com" >&2; exit 2; }
	$(HC) import-zendesk --url "$(URL)" $(if $(LOCALES),--locales "$(LOCALES)")

## Answers past their review date (review_every in data/categories.yml), oldest first, with their owner.
review: install
	$(HC) review

system-deps:
	@bash scripts/ensure-debian-packages.sh

## The whole suite: lint, the search's JavaScript units (node --test), unit, build and browser tests, and the
## site built with ProperDocs too.
test: install properdocs system-deps lint editor
	node --test tests/js/
	$(BIN)/python -m pytest

## ruff (check and format) on all our Python, ESLint (pinned in lint/package-lock.json) on our browser scripts.
lint: install $(ESLINT)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(ESLINT) --config lint/eslint.config.mjs overrides/assets/hc tests/js editor/src editor/build.mjs

$(ESLINT): lint/package-lock.json
	npm ci --prefix lint --ignore-scripts --no-audit --no-fund
	@touch $@

## Regenerate the lock files from pyproject.toml and requirements-properdocs.in (needs the package registry).
lock: install
	$(BIN)/pip-compile --quiet --generate-hashes --extra dev --strip-extras --allow-unsafe \
	  --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe \
	  --no-emit-index-url --no-emit-find-links -o requirements-properdocs.lock requirements-properdocs.in

clean:
	rm -rf site .site-* .pytest_cache dist

## Benchmark against plain Material + i18n (issue 10): N = 100, 1000, 3000 articles per language; then once the
## screenshot page on a phone, N = 3000 with two screenshots an article (empty and warm image cache; BENCH_IMAGES_SIZE
## to change N) and 1,000 Zendesk articles imported (issues 28, 29). Writes benchmarks/RESULTS.md (tables) and
## benchmarks/budgets.json (the figures the budgets read), both committed, and every figure into
## dist/bench-results.json. Quick look: make bench BENCH_SIZES=100 BENCH_REPEATS=1 (the stages at N = 100);
## BENCH_FROM=HEAD measures the committed site code instead of the working tree.
bench: install
	$(BIN)/python -m benchmarks.run $(if $(BENCH_SIZES),--sizes $(BENCH_SIZES)) $(if $(BENCH_REPEATS),--repeats $(BENCH_REPEATS)) \
	  $(if $(BENCH_FROM),--code-from $(BENCH_FROM)) $(if $(BENCH_IMAGES_SIZE),--images-size $(BENCH_IMAGES_SIZE))

## The benchmark machinery at N = 20 and 100, one run each, the stages at N = 100: prints the results, writes nothing
## into benchmarks/.
bench-smoke: install
	$(BIN)/python -m benchmarks.run --sizes 20,100 --repeats 1 --preview-edits 1 --browser-repeats 1 --no-save

## Search quality (issue 16): the query sets of benchmarks/search/<lang>.yml through the home page's search box and
## assistant in Chromium, on the real site built into a temporary folder (about a minute); writes benchmarks/SEARCH.md
## and benchmarks/search-results.json (the rates and targets). Subset: make bench-search SETS=typos,synonyms LIMIT=5
## (NO_SAVE=1 writes nothing).
bench-search: install system-deps
	$(BIN)/python -m benchmarks.searchquality $(if $(SETS),--sets $(SETS)) $(if $(LIMIT),--limit $(LIMIT)) \
	  $(if $(NO_SAVE),--no-save)

## make import-zendesk on 1,000 articles in two locales from a local server answering as Zendesk does (budget 60 s),
## alone: the same figure as make bench's import stage, in a few seconds.
bench-import: install
	$(BIN)/python benchmarks/zendesk_import.py

.PHONY: bench bench-smoke bench-search bench-import

## The feedback collector (collector/) on http://127.0.0.1:8765/collect, SQLite in feedback.sqlite3 by default;
## FEEDBACK_DATABASE_URL=postgresql://user:password@host/db shares one PostgreSQL database between instances.
feedback: install
	$(BIN)/python -m collector serve $(if $(PORT),--port $(PORT))

## The team's report from the collected feedback: dist/feedback-report/<lang>/index.html (pages with charts) and
## dist/feedback-report.md (Markdown).
feedback-report: install
	$(BIN)/python -m collector report

## data/popularity.csv from the collected article views (the next build orders recommended lists by them).
popularity: install
	$(BIN)/python -m collector popularity

.PHONY: feedback feedback-report popularity
