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
	npm run --silent bench -- all --write-docs

CLUSTER_FLAG = $(if $(CLUSTER),--cluster $(CLUSTER),)

# bundles + synth of the global stack and CLUSTER (all clusters without CLUSTER) into build/
build: install
	npx tsx scripts/packaging/index.ts $(CLUSTER_FLAG)

# terraform plan / apply in build/ (says how to install terraform when it is missing)
plan: build
	npx tsx scripts/streamalert.ts plan $(CLUSTER_FLAG)

deploy: build
	npx tsx scripts/streamalert.ts deploy $(CLUSTER_FLAG)

# the whole pipeline locally on samples/ (emulators started for the run)
demo: install
	npx tsx scripts/streamalert.ts run --cluster prod --input samples

clean:
	rm -rf build
