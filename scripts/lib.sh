# Shared by scripts/serve, scripts/test and scripts/bench (sourced, not run).
#
# Installs whatever is missing at pinned versions and skips what is already there, so every
# script works on a fresh Debian machine with only rustup/cargo, node/npm and apt, and is fast
# on the second run. Nothing is downloaded from outside crates.io, npm and Debian.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

# trunk 0.22 needs a newer rustc than 1.95; wasm-bindgen-cli must equal the locked crate.
TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "error: '$1' is required: $2" >&2; exit 1; }
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# The release rust-toolchain.toml pins. A machine of this kind has one toolchain, rustup's
# "stable", and cannot download another: when "stable" is that very release it is made known
# under the release's name too (a link, no download); otherwise rustup installs the release.
RUST_VERSION=$(sed -n 's/^channel = "\(.*\)"$/\1/p' "$ROOT/rust-toolchain.toml")

ensure_toolchain() {
  need rustup "install Rust with rustup (https://rustup.rs)"
  # Asked from / so that rust-toolchain.toml does not make rustup act on the pinned name.
  local host home installed
  host=$(cd / && rustc -vV | sed -n 's/^host: //p')
  home=${RUSTUP_HOME:-$HOME/.rustup}
  installed=$(cd / && rustup toolchain list)
  if ! grep -q "^$RUST_VERSION-$host" <<<"$installed"; then
    if grep -q "^stable-$host" <<<"$installed" && [ "$(cd / && rustc +stable --version | cut -d' ' -f2)" = "$RUST_VERSION" ]; then
      step "Making rustup's stable toolchain (Rust $RUST_VERSION) known as $RUST_VERSION"
      ln -s "$home/toolchains/stable-$host" "$home/toolchains/$RUST_VERSION-$host"
    else
      step "Installing Rust $RUST_VERSION"
      (cd / && rustup toolchain install "$RUST_VERSION" --profile minimal -c rustfmt,clippy -t wasm32-unknown-unknown)
    fi
  fi
  local found
  found=$(rustc --version | cut -d' ' -f2)
  [ "$found" = "$RUST_VERSION" ] || { echo "error: rustc $found here; Kafaa is built with $RUST_VERSION" >&2; exit 1; }
}

ensure_rust() {
  ensure_toolchain
  need cargo "install Rust with rustup (https://rustup.rs)"
  rustup target list --installed | grep -qx wasm32-unknown-unknown || {
    step "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  }
}

ensure_rust_components() {
  for c in rustfmt clippy; do
    rustup component list --installed | grep -q "^$c" || rustup component add "$c"
  done
}

# ensure_cargo_tool CRATE VERSION BINARY [cargo install flags...]
ensure_cargo_tool() {
  local crate=$1 version=$2 bin=$3
  shift 3
  if "$bin" --version 2>/dev/null | grep -qF " $version"; then return; fi
  step "Installing $crate $version from crates.io (once; 10-25 minutes on 2 cores)"
  cargo install "$crate" --version "=$version" "$@"
}

ensure_node_modules() {
  need npm "install Node.js 20 or later with npm"
  if ! npm ls --depth=0 >/dev/null 2>&1; then
    step "Installing the pinned Node tools (binaryen, terser, playwright-core, axe-core, xapi-validation)"
    npm ci --no-audit --no-fund
  fi
}

# Everything needed to build the optimized bundle.
ensure_build_tools() {
  ensure_rust
  ensure_cargo_tool trunk "$TRUNK_VERSION" trunk --locked
  ensure_cargo_tool wasm-bindgen-cli "$WASM_BINDGEN_VERSION" wasm-bindgen
  ensure_node_modules
}

ensure_chromium() {
  if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then return; fi
  step "Installing Chromium and ChromeDriver from Debian"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver
}

# The content tests run every keyed code snippet (tests/snippets.rs) with python3 and node.
ensure_python() {
  command -v python3 >/dev/null 2>&1 && return
  step "Installing Python 3 from Debian"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq python3
}

build_release() {
  step "Building the release bundle into dist/"
  trunk build --release --offline
  # Questions are fetched per language: the authors' files (every language in each) become
  # dist/content/<lang>/domains/<id>.json, and only those ship.
  cargo run --quiet --locked --example split_content -- static/content dist/content
  rm -r dist/content/domains
  # Each document's first page in every language, rendered natively by the app's own
  # components (examples/prerender.rs).
  cargo run --quiet --locked --example prerender -- dist/index.html index
  # Each further document (careers.html) is built on its own and its files added to dist/.
  for doc in careers classroom counselor questions; do
    trunk build "$doc.html" --release --offline --dist "target/dist-$doc" --html-output "$doc.html"
    cp "target/dist-$doc/$doc.html" target/dist-"$doc"/"$doc"-*.{js,wasm} target/dist-"$doc"/*.css dist/
    cargo run --quiet --locked --example prerender -- "dist/$doc.html" "$doc"
  done
  node scripts/minify.mjs dist
  node scripts/integrity.mjs dist/index.html dist/careers.html dist/classroom.html dist/counselor.html dist/questions.html
  node scripts/csp.mjs dist/index.html dist/careers.html dist/classroom.html dist/counselor.html dist/questions.html
}
