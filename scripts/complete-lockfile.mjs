#!/usr/bin/env node
// Completes package-lock.json with entries for platform-specific optional dependencies (esbuild, rollup, biome,
// turbo binaries for other operating systems) that the package registry mirror of our build machines does not
// serve. npm only records the variants it could resolve, and `npm ci` then refuses the lockfile as out of sync.
// Each added entry carries the os / cpu / libc its name implies, so every platform skips the ones that are not its
// own, exactly as with a lockfile written where the registry serves everything. Run after `npm install`:
//   npm run lock:complete
import { readFileSync, writeFileSync } from 'node:fs'

const OS = ['darwin', 'win32', 'linux', 'android', 'freebsd', 'openbsd', 'netbsd', 'sunos', 'aix', 'openharmony']
const CPU = ['x64', 'arm64', 'arm', 'ia32', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el', 'wasm32']
const path = new URL('../package-lock.json', import.meta.url)
const lock = JSON.parse(readFileSync(path, 'utf8'))
const packages = lock.packages

// Names some packages use instead of Node's platform and arch values (turbo: `windows-64`, `darwin-arm64`).
const OS_ALIASES = { windows: 'win32', macos: 'darwin' }
const CPU_ALIASES = { 64: 'x64', x86_64: 'x64', aarch64: 'arm64', eabi: 'arm', gnueabihf: 'arm', musleabihf: 'arm' }

function platformOf(name) {
  const parts = name.split('/').pop().split('-')
  const os =
    OS.find((o) => parts.includes(o)) ??
    parts.map((p) => OS_ALIASES[p]).find(Boolean) ??
    (name === 'fsevents' ? 'darwin' : undefined)
  const cpu = CPU.find((c) => parts.includes(c)) ?? parts.map((p) => CPU_ALIASES[p]).find(Boolean)
  const libc = os === 'linux' ? (parts.includes('musl') ? 'musl' : 'glibc') : undefined
  return { os, cpu, libc }
}

function resolves(from, name) {
  for (let dir = from; ; ) {
    const candidate = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`
    if (packages[candidate]) return true
    if (!dir) return false
    const index = dir.lastIndexOf('/node_modules/')
    dir = index === -1 ? '' : dir.slice(0, index)
  }
}

let added = 0
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    if (resolves(location, name)) continue
    const { os, cpu, libc } = platformOf(name)
    if (!os) continue // not a platform binary: leave it to npm
    const target = packages[`node_modules/${name}`] ? `${location}/node_modules/${name}` : `node_modules/${name}`
    packages[target] = {
      version: String(spec).replace(/^[~^=v]+/, ''),
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      os: [os],
      ...(cpu ? { cpu: [cpu] } : {}),
      ...(libc ? { libc: [libc] } : {}),
    }
    added++
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)),
)
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`)
console.log(`complete-lockfile: added ${added} platform entries`)
