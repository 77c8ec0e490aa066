// SPDX-License-Identifier: EUPL-1.2
// The container and cluster files (issue 12 item 2), checked where no container can be built: the
// Dockerfile's stages, user and start command; compose.yaml; and the Kubernetes manifests as
// `kubectl kustomize` renders them (when kubectl is installed; otherwise the same files put together
// here) — probes, security context, resources, disruption budget, network policy, the migration Job,
// one image tag, secrets only as files, and a configuration the server accepts.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadConfig, SECRET_SETTINGS } from '../../src/server/config.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(REPO, file), 'utf8');

// ---------------------------------------------------------------- Dockerfile
interface Instruction {
  keyword: string;
  args: string;
}
interface Stage {
  from: string;
  name: string | null;
  instructions: Instruction[];
}

/** Instructions per stage; line continuations joined, comments dropped. */
function parseDockerfile(text: string): { args: Record<string, string>; stages: Stage[] } {
  const lines = text.replace(/\\\n/g, ' ').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
  const args: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, keyword, rest] = /^(\w+)\s+(.*)$/.exec(line)!;
    const upper = keyword!.toUpperCase();
    if (upper === 'FROM') {
      const [, from, name] = /^(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?$/i.exec(rest!.trim())!;
      stages.push({ from: from!.replace(/\$\{(\w+)\}/g, (_match, arg: string) => args[arg] ?? ''), name: name ?? null, instructions: [] });
    } else if (upper === 'ARG' && stages.length === 0) {
      const [name, value] = rest!.split('=');
      args[name!] = value ?? '';
    } else {
      stages.at(-1)?.instructions.push({ keyword: upper, args: rest!.trim() });
    }
  }
  return { args, stages };
}

const argsOf = (stage: Stage, keyword: string) => stage.instructions.filter((instruction) => instruction.keyword === keyword).map((instruction) => instruction.args);

describe('Dockerfile', () => {
  const { stages } = parseDockerfile(read('Dockerfile'));
  const build = stages.find((stage) => stage.name === 'build')!;
  const runtime = stages.at(-1)!;

  it('builds in one stage (all dependencies, web app, compiled server, SBOM) and runs from another without dev dependencies', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(build).toBeDefined();
    expect(runtime).not.toBe(build);
    for (const stage of [build, runtime]) expect(stage.from).toMatch(/^node:(2[2-9]|[3-9]\d)-bookworm-slim$/);
    const buildRuns = argsOf(build, 'RUN').join('\n');
    expect(buildRuns).toMatch(/npm ci\b(?!.*--omit)/);
    expect(buildRuns).toContain('npm run build');
    expect(buildRuns).toContain('npm run sbom');
    const runtimeRuns = argsOf(runtime, 'RUN').join('\n');
    expect(runtimeRuns).toMatch(/npm ci --omit=dev/);
    expect(runtimeRuns).not.toMatch(/npm run build|npm ci(?! --omit=dev)/);
  });

  it('copies into the runtime image everything the server reads at run time, and the build output from the build stage', () => {
    const copies = argsOf(runtime, 'COPY');
    expect(copies).toContain('--from=build /app/build ./build');
    expect(copies).toContain('--from=build /app/dist ./dist');
    for (const folder of ['data', 'migrations']) expect(copies).toContain(`${folder} ./${folder}`);
    // What the compiled server looks up relative to itself (app.ts, connection.ts, password.ts).
    expect(read('src/server/app.ts')).toContain("new URL('../../dist/web', import.meta.url)");
    expect(read('src/server/platform/db/connection.ts')).toContain("new URL('../../../../migrations', import.meta.url)");
  });

  it('runs as an unprivileged user given by number, in production mode, with node itself as PID 1 (exec form, no npm, no shell)', () => {
    const user = argsOf(runtime, 'USER').at(-1)!;
    expect(user).toMatch(/^\d+(:\d+)?$/);
    expect(Number(user.split(':')[0])).toBeGreaterThan(0);
    expect(argsOf(runtime, 'ENV').join(' ')).toMatch(/NODE_ENV=production/);
    const command = JSON.parse(argsOf(runtime, 'CMD').at(-1)!) as string[];
    expect(command).toEqual(['node', 'build/server/main.js']);
    expect(argsOf(runtime, 'ENTRYPOINT')).toEqual([]);
    expect(argsOf(runtime, 'STOPSIGNAL')).toEqual(['SIGTERM']);
    // The same command CI starts a production install with (`npm ci --omit=dev`, then this).
    expect(read('.ci/run')).toContain(`exec ${command.join(' ')}`);
  });

  it('puts no secret into the image, and keeps secrets and local state out of the build context', () => {
    expect(argsOf(runtime, 'ENV').join(' ')).not.toMatch(/DATABASE_URL=|SECRET=|TOKEN=|PASSWORD=/);
    const ignored = read('.dockerignore').split('\n').map((line) => line.trim());
    for (const entry of ['.git', 'node_modules', 'build', 'dist', 'var', '.env', '*.pem', 'secrets']) expect(ignored).toContain(entry);
  });
});

// ---------------------------------------------------------------- commands named anywhere
describe('commands the container files name', () => {
  it('every compiled entry point they start exists as a source file (so the build produces it)', () => {
    const files = ['Dockerfile', 'compose.yaml', 'deploy/k8s/base/deployment.yaml', 'deploy/k8s/base/migrate-job.yaml', 'docs/operations.md', 'README.md'];
    const entries = new Set(files.flatMap((file) => [...read(file).matchAll(/build\/server\/([\w/-]+)\.js/g)].map((match) => match[1]!)));
    expect([...entries].sort()).toEqual(expect.arrayContaining(['cli/create-admin', 'cli/migrate', 'cli/unlock-account', 'main']));
    for (const entry of entries) expect(existsSync(path.join(REPO, 'src/server', `${entry}.ts`)), entry).toBe(true);
  });
});

// ---------------------------------------------------------------- compose.yaml
interface ComposeService {
  image?: string;
  command?: string[];
  user?: string;
  read_only?: boolean;
  cap_drop?: string[];
  environment?: Record<string, string>;
  secrets?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

describe('compose.yaml', () => {
  const compose = yaml.parse(read('compose.yaml'), { merge: true }) as { services: Record<string, ComposeService>; secrets: Record<string, { file?: string }> };
  const { app, db, migrate } = compose.services;

  it('runs the app with PostgreSQL 16, migrations first, each with a health check', () => {
    expect(db!.image).toBe('postgres:16');
    expect(db!.healthcheck!.test.join(' ')).toContain('pg_isready');
    expect(app!.healthcheck!.test.join(' ')).toContain('/ready');
    expect(migrate!.command).toEqual(['node', 'build/server/cli/migrate.js']);
    expect(app!.command).toEqual(['node', 'build/server/main.js']);
    expect(app!.depends_on).toEqual({ db: { condition: 'service_healthy' }, migrate: { condition: 'service_completed_successfully' } });
    expect(app!.image).toBe(migrate!.image);
  });

  it('serves the app only through the TLS proxy, at the https address it is configured with', () => {
    const { proxy } = compose.services as Record<string, ComposeService & { ports?: string[]; expose?: string[] }>;
    expect((app as { ports?: string[] }).ports).toBeUndefined();
    expect(proxy!.command).toEqual(expect.arrayContaining(['--to', 'app:3000', '--from']));
    const from = proxy!.command![proxy!.command!.indexOf('--from') + 1]!;
    expect(String(app!.environment!.PUBLIC_URL)).toBe(`\${PUBLIC_URL:-${from}}`);
    expect(proxy!.ports).toEqual([`${new URL(from).port}:${new URL(from).port}`]);
  });

  it('runs both Kansrijk services unprivileged on a read-only file system', () => {
    for (const service of [app!, migrate!]) {
      expect(service.user).toMatch(/^[1-9]\d*:\d+$/);
      expect(service.read_only).toBe(true);
      expect(service.cap_drop).toEqual(['ALL']);
    }
  });

  it('passes secrets only as files, and the settings it passes are ones the server accepts', () => {
    for (const service of Object.values(compose.services)) {
      for (const [name, value] of Object.entries(service.environment ?? {})) {
        if (/PASSWORD|SECRET|TOKEN|DATABASE_URL|KEY/.test(name)) expect(name, `${name}=${value}`).toMatch(/_FILE$/);
      }
      for (const secret of service.secrets ?? []) expect(compose.secrets[secret]?.file, secret).toMatch(/^\.\/secrets\//);
    }
    const environment = Object.fromEntries(Object.entries(app!.environment!).map(([name, value]) => [name, String(value).replace(/\$\{\w+:-([^}]*)\}/g, '$1')]));
    const files: Record<string, string> = { '/run/secrets/database-url': 'postgres://kansrijk:x@db:5432/kansrijk', '/run/secrets/metrics-token': 't'.repeat(64) };
    const config = loadConfig(environment, (file) => files[file] ?? 'not a secret read at configuration time');
    expect(config).toMatchObject({ nodeEnv: 'production', databaseUrl: 'postgres://kansrijk:x@db:5432/kansrijk', metricsToken: 't'.repeat(64), seedDemo: false });
  });
});

// ---------------------------------------------------------------- Kubernetes
/** A rendered Kubernetes object; its spec is whatever its kind defines, read field by field below. */
type Manifest = { kind: string; metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> }; spec: any; data?: Record<string, string> };

/** `kubectl kustomize`, or (without kubectl) the listed resources with the image and config map applied by hand. */
function renderKustomization(folder: string): { manifests: Manifest[]; renderedBy: string } {
  try {
    const output = execFileSync('kubectl', ['kustomize', folder], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { manifests: yaml.parseAllDocuments(output).map((document) => document.toJS() as Manifest), renderedBy: 'kubectl' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const kustomization = yaml.parse(readFileSync(path.join(folder, 'kustomization.yaml'), 'utf8'));
  const manifests = (kustomization.resources as string[]).flatMap((file) => yaml.parseAllDocuments(readFileSync(path.join(folder, file), 'utf8')).map((document) => document.toJS() as Manifest));
  for (const generator of kustomization.configMapGenerator ?? []) {
    manifests.push({ kind: 'ConfigMap', metadata: { name: generator.name, labels: generator.options?.labels }, spec: undefined, data: Object.fromEntries((generator.literals as string[]).map((literal) => literal.split(/=(.*)/s).slice(0, 2))) });
  }
  const text = JSON.stringify(manifests).replace(/"image":"([^"]+)"/g, (match, image: string) => {
    const rule = (kustomization.images as { name: string; newName?: string; newTag?: string }[]).find((candidate) => candidate.name === image);
    return rule ? `"image":"${rule.newName ?? image}:${rule.newTag}"` : match;
  });
  return { manifests: JSON.parse(text), renderedBy: 'hand' };
}

describe('Kubernetes manifests (deploy/k8s/base)', () => {
  const { manifests } = renderKustomization(path.join(REPO, 'deploy/k8s/base'));
  const only = (kind: string) => {
    const found = manifests.filter((manifest) => manifest.kind === kind);
    expect(found, kind).toHaveLength(1);
    return found[0]!;
  };
  const deployment = only('Deployment');
  const job = only('Job');
  const configMap = only('ConfigMap');
  const pods = [deployment.spec.template.spec, job.spec.template.spec];
  const server = deployment.spec.template.spec.containers[0];

  it('renders the pieces a cluster needs', () => {
    expect(manifests.map((manifest) => manifest.kind).sort()).toEqual(
      ['ConfigMap', 'Deployment', 'Job', 'NetworkPolicy', 'PersistentVolumeClaim', 'PodDisruptionBudget', 'Service', 'ServiceAccount'].sort(),
    );
  });

  it('probes the server: startup and readiness on /ready (after migrations, follows the database), liveness on /health', () => {
    expect(server.command).toEqual(['node', 'build/server/main.js']);
    expect(server.ports).toEqual([{ name: 'http', containerPort: 3000, protocol: 'TCP' }]);
    expect(server.startupProbe.httpGet).toEqual({ path: '/ready', port: 'http' });
    expect(server.readinessProbe.httpGet).toEqual({ path: '/ready', port: 'http' });
    expect(server.livenessProbe.httpGet).toEqual({ path: '/health', port: 'http' });
    // Start-up (migrations, reference data) may take minutes: the startup probe waits at least 3.
    expect(server.startupProbe.periodSeconds * server.startupProbe.failureThreshold).toBeGreaterThanOrEqual(180);
    const routes = read('src/server/app.ts');
    expect(routes).toContain("app.get('/health'");
    expect(routes).toContain("app.get('/ready'");
    // The app's own drain (10 s) and the pre-stop pause fit in the grace period.
    expect(deployment.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(10 + server.lifecycle.preStop.sleep.seconds + 5);
  });

  it('runs the migrations as a Job with the same image, before the rollout', () => {
    const migrate = job.spec.template.spec.containers[0];
    expect(migrate.command).toEqual(['node', 'build/server/cli/migrate.js']);
    expect(migrate.image).toBe(server.image);
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
    expect(job.metadata.annotations?.['argocd.argoproj.io/hook']).toBe('PreSync');
  });

  it('lets the migration step be applied on its own: the selection the guide uses holds the Job and all it refers to', () => {
    const guide = read('docs/operations.md');
    const [, selector] = /kubectl apply -k <overlay> -l '(app\.kubernetes\.io\/component in \(([\w,]+)\))'/.exec(guide) ?? [];
    expect(selector).toBeDefined();
    const components = /\(([\w,]+)\)/.exec(selector!)![1]!.split(',');
    const selected = manifests.filter((manifest) => components.includes(manifest.metadata.labels?.['app.kubernetes.io/component'] ?? ''));
    const names = (kind: string) => selected.filter((manifest) => manifest.kind === kind).map((manifest) => manifest.metadata.name);
    expect(names('Job')).toEqual([job.metadata.name]);
    expect(names('Deployment')).toEqual([]);
    const pod = job.spec.template.spec;
    expect(names('ServiceAccount')).toContain(pod.serviceAccountName);
    for (const source of pod.containers[0].envFrom) expect(names('ConfigMap')).toContain(source.configMapRef.name);
  });

  it('uses one image, with a fixed version tag, everywhere', () => {
    const images = new Set(pods.flatMap((pod) => pod.containers.map((container: { image: string }) => container.image)));
    expect(images.size).toBe(1);
    const [image] = images as Set<string>;
    expect(image).toMatch(/:\d+\.\d+\.\d+$/);
    expect(image!.split(':').at(-1)).toBe(JSON.parse(read('package.json')).version);
  });

  it('runs every pod unprivileged: non-root, read-only root file system, no capabilities, seccomp RuntimeDefault, no API token', () => {
    for (const pod of pods) {
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
      expect(pod.automountServiceAccountToken).toBe(false);
      for (const container of pod.containers) {
        expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, privileged: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
        expect(container.resources.requests).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
        expect(container.resources.limits).toMatchObject({ memory: expect.any(String) });
        // Writable places are volumes: /tmp and the checkpoint folder; the secrets read-only.
        const mounts = Object.fromEntries(container.volumeMounts.map((mount: { mountPath: string; readOnly?: boolean }) => [mount.mountPath, mount.readOnly ?? false]));
        expect(mounts['/tmp']).toBe(false);
        expect(mounts['/run/secrets/kansrijk']).toBe(true);
      }
    }
  });

  it('takes secrets only as files: every *_FILE points into the mounted Secret, no secret is an environment value', () => {
    for (const pod of pods) {
      const secretVolume = pod.volumes.find((volume: { secret?: unknown }) => volume.secret);
      const secretFiles = new Set(secretVolume.secret.items.map((item: { path: string }) => `/run/secrets/kansrijk/${item.path}`));
      for (const container of pod.containers) {
        for (const variable of container.env as { name: string; value?: string; valueFrom?: { secretKeyRef?: unknown } }[]) {
          expect(variable.valueFrom?.secretKeyRef, variable.name).toBeUndefined();
          if (/PASSWORD|SECRET|TOKEN|DATABASE_URL|KEY/.test(variable.name)) expect(variable.name).toMatch(/_FILE$/);
          if (!variable.name.endsWith('_FILE') || variable.name === 'AUDIT_CHECKPOINT_FILE') continue;
          // A setting the server reads from a file: a secret setting, or the checkpoint key.
          expect([...SECRET_SETTINGS.map((name) => `${name}_FILE`), 'AUDIT_CHECKPOINT_KEY_FILE']).toContain(variable.name);
          expect(secretFiles.has(variable.value), `${variable.name}=${variable.value}`).toBe(true);
        }
      }
    }
    for (const value of Object.values(configMap.data!)) expect(value).not.toMatch(/postgres(ql)?:\/\/[^@\s]*:[^@\s]*@/);
  });

  it('gives the server a configuration it accepts in production', () => {
    const env: Record<string, string> = { ...configMap.data };
    for (const variable of server.env as { name: string; value?: string }[]) if (variable.value) env[variable.name] = variable.value.replace('$(POD_NAME)', 'kansrijk-abc');
    const files: Record<string, string> = { '/run/secrets/kansrijk/database-url': 'postgres://kansrijk:x@db:5432/kansrijk', '/run/secrets/kansrijk/metrics-token': 'm'.repeat(64) };
    const config = loadConfig(env, (file) => {
      if (!(file in files)) throw new Error(`unexpected file ${file}`);
      return files[file]!;
    });
    expect(config).toMatchObject({ nodeEnv: 'production', port: 3000, seedDemo: false, trustProxy: true, metricsToken: 'm'.repeat(64) });
    expect(config.auditCheckpoints).toMatchObject({ keyFile: '/run/secrets/kansrijk/audit-checkpoint-key.pem', file: '/var/lib/kansrijk/checkpoints/kansrijk-abc.jsonl', mayGenerateKey: false });
  });

  it('keeps an instance through voluntary disruptions, and rolls out without going below the replicas', () => {
    const budget = only('PodDisruptionBudget');
    expect(budget.spec.selector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
    expect(budget.spec.minAvailable).toBeGreaterThanOrEqual(1);
    expect(budget.spec.minAvailable).toBeLessThan(deployment.spec.replicas);
    expect(deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
    const service = only('Service');
    expect(service.spec.selector).toEqual(deployment.spec.selector.matchLabels);
    expect(service.spec.ports[0].targetPort).toBe('http');
  });

  it('lets in only the app port, and out only DNS, PostgreSQL and HTTPS', () => {
    const policy = only('NetworkPolicy');
    expect(policy.spec.podSelector.matchLabels).toEqual({ 'app.kubernetes.io/name': 'kansrijk' });
    for (const pod of [deployment, job]) expect(pod.spec.template.metadata.labels['app.kubernetes.io/name']).toBe('kansrijk');
    expect(policy.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    for (const rule of policy.spec.ingress) {
      expect(rule.from.length).toBeGreaterThan(0);
      expect(rule.ports).toEqual([{ protocol: 'TCP', port: 3000 }]);
    }
    const egressPorts = policy.spec.egress.flatMap((rule: { ports: { port: number }[] }) => rule.ports.map((port) => port.port));
    expect([...new Set(egressPorts)].sort((a, b) => (a as number) - (b as number))).toEqual([53, 443, 5432]);
  });
});
