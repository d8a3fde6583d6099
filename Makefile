# StreamAlert (TypeScript). `make test` is the one test command; `make demo` runs the pipeline locally.
.PHONY: install test lint typecheck bench build plan deploy demo clean

CLUSTER ?=

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund

install: node_modules/.package-lock.json

test: install
	node scripts/run-tests.mjs

lint: install
	npx biome check .

typecheck: install
	npx tsc --noEmit -p tsconfig.json

bench: install
	npx tsx bench/run.ts all --write-docs

clean:
	rm -rf build
