// SPDX-License-Identifier: EUPL-1.2
// `npm run sbom`: the software bill of materials of a production install — every package that
// `npm ci --omit=dev` installs, with version, licence and integrity hash — as CycloneDX JSON in
// build/sbom.cdx.json (the container image carries it). npm's own `npm sbom`, from package-lock.json,
// offline; we only name the root component after the package (npm takes the folder's name) and mark it
// an application.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const root = path.resolve(import.meta.dirname, '..');
const output = path.join(root, 'build', 'sbom.cdx.json');
const npm = process.env.npm_execpath;
const args = ['sbom', '--sbom-format', 'cyclonedx', '--omit', 'dev', '--offline'];
const result = npm && npm.endsWith('.js')
  ? spawnSync(process.execPath, [npm, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  : spawnSync('npm', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
if (result.status !== 0) {
  console.error(`SBOM maken mislukt (npm sbom):\n${result.stderr}`);
  process.exit(result.status ?? 1);
}
const sbom = JSON.parse(result.stdout);
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
if (sbom.bomFormat !== 'CycloneDX' || !Array.isArray(sbom.components)) {
  console.error('SBOM maken mislukt: npm sbom gaf geen CycloneDX-document.');
  process.exit(1);
}
Object.assign(sbom.metadata.component, { name: pkg.name, version: pkg.version, type: 'application' });
mkdirSync(path.dirname(output), { recursive: true });
writeFileSync(output, `${JSON.stringify(sbom, null, 2)}\n`);
console.log(`SBOM: ${sbom.components.length} pakketten (CycloneDX ${sbom.specVersion}) in ${path.relative(root, output)}.`);
