import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { AGENCIES } from '@cocuk-koruma/platform/agencies';
import { authConfig, REALM } from '@cocuk-koruma/platform/auth/config';
import {
  databaseConfig,
  GATEWAY_DEFAULT_PORT,
  gatewayUrl,
  REPO_ROOT,
  subgraphConfig,
  subgraphUrl,
  timeouts,
} from '@cocuk-koruma/platform/config';
import { agencyDatabaseNames, type AgencyDatabaseSlug } from '@cocuk-koruma/postgres';
import { containersOf, render, unlistedFiles, type KubeObject } from './kustomize.js';
import { schemaProblems } from './schemas.js';

// No cluster runs where the tests do, so the manifests are rendered here, every object is
// validated against its schema, and the references between objects, and between the manifests
// and the code, docker-compose.yml and the Dockerfile, are checked as the cluster would resolve them.

const KUBERNETES = path.join(REPO_ROOT, 'infra/kubernetes');
const BASE = path.join(KUBERNETES, 'base');
const OVERLAY = path.join(KUBERNETES, 'overlays/example');
/** Secrets the base expects the operator to create (the example overlay has placeholders). */
const OPERATOR_SECRETS = ['keycloak-admin', 'read-back'];
/** What CloudNativePG writes into the `<cluster>-app` Secret (docs/src/applications.md). */
const CNPG_APP_SECRET_KEYS = [
  'username',
  'password',
  'host',
  'port',
  'dbname',
  'pgpass',
  'uri',
  'jdbc-uri',
  'fqdn-uri',
  'fqdn-jdbc-uri',
];

type Labels = Record<string, string>;
interface Container {
  name: string;
  image?: string;
  command?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: {
    name: string;
    value?: string;
    valueFrom?: {
      secretKeyRef?: { name: string; key: string };
      configMapKeyRef?: { name: string; key: string };
    };
  }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  readinessProbe?: { httpGet?: { path: string; port: string | number } };
  livenessProbe?: { httpGet?: { path: string; port: string | number } };
  startupProbe?: { httpGet?: { path: string; port: string | number } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: {
    allowPrivilegeEscalation?: boolean;
    readOnlyRootFilesystem?: boolean;
    capabilities?: { drop?: string[] };
  };
  volumeMounts?: { name: string; mountPath: string }[];
}
interface PodSpec {
  containers: Container[];
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  automountServiceAccountToken?: boolean;
  volumes?: { name: string; configMap?: { name: string }; secret?: { secretName: string } }[];
}
interface Workload extends KubeObject {
  spec: { selector?: { matchLabels: Labels }; template: { metadata: { labels: Labels }; spec: PodSpec } };
}
interface Selector {
  matchLabels?: Labels;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}
interface PolicyPeer {
  podSelector?: Selector;
  namespaceSelector?: Selector;
}
interface NetworkPolicyObject extends KubeObject {
  spec: {
    podSelector: Selector;
    policyTypes?: string[];
    ingress?: { from?: PolicyPeer[]; ports?: { port: string | number }[] }[];
  };
}
interface PostgresCluster extends KubeObject {
  spec: { instances: number; imageName: string; bootstrap: { initdb: { database: string; owner: string } } };
}

const read = (file: string) => fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
const compose = parse(read('docker-compose.yml'), { merge: true }) as {
  services: Record<string, { image?: string; command?: string[]; ports?: string[] }>;
};

function matches(selector: Selector, labels: Labels): boolean {
  const byLabels = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  const byExpressions = (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    if (operator === 'Exists') return key in labels;
    if (operator === 'DoesNotExist') return !(key in labels);
    if (operator === 'In') return values.includes(labels[key] ?? '');
    if (operator === 'NotIn') return !values.includes(labels[key] ?? '');
    throw new Error(`unknown selector operator ${operator}`);
  });
  return byLabels && byExpressions;
}

/** What a rendered set of manifests runs: each group of pods, by name, with its labels and ports. */
function model(objects: KubeObject[]) {
  const of = <T extends KubeObject>(kind: string) => objects.filter((o) => o.kind === kind) as T[];
  const deployments = of<Workload>('Deployment');
  const jobs = of<Workload>('Job');
  const clusters = of<PostgresCluster>('Cluster');
  // CloudNativePG labels every instance pod with cnpg.io/cluster; PostgreSQL listens on 5432, the
  // instance manager on 8000.
  const pods = [
    ...[...deployments, ...jobs].map((w) => ({
      owner: `${w.kind} ${w.metadata.name}`,
      labels: w.spec.template.metadata.labels,
      ports: w.spec.template.spec.containers.flatMap((c) => c.ports ?? []),
    })),
    ...clusters.map((c) => ({
      owner: `Cluster ${c.metadata.name}`,
      labels: { 'cnpg.io/cluster': c.metadata.name },
      ports: [
        { name: 'postgresql', containerPort: 5432 },
        { name: 'metrics', containerPort: 9187 },
        { name: 'status', containerPort: 8000 },
      ],
    })),
  ];
  const configMaps = of<KubeObject & { data?: Record<string, string> }>('ConfigMap');
  const secrets = of<KubeObject & { stringData?: Record<string, string>; data?: Record<string, string> }>('Secret');
  const secretKeys = new Map<string, string[]>([
    ...secrets.map((s) => [s.metadata.name, Object.keys({ ...s.data, ...s.stringData })] as [string, string[]]),
    ...clusters.map((c) => [`${c.metadata.name}-app`, CNPG_APP_SECRET_KEYS] as [string, string[]]),
  ]);
  const named = <T extends KubeObject>(kind: string, name: string) => {
    const found = of<T>(kind).find((o) => o.metadata.name === name);
    if (!found) throw new Error(`no ${kind} ${name}`);
    return found;
  };
  return { objects, of, deployments, jobs, clusters, pods, configMaps, secretKeys, named };
}

type Model = ReturnType<typeof model>;

/** A container's environment as the kubelet hands it over; Secret values stand in as `<secret name/key>`. */
function environment(m: Model, container: Container): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef)
      Object.assign(env, m.named<KubeObject & { data: Labels }>('ConfigMap', source.configMapRef.name).data);
  }
  for (const variable of container.env ?? []) {
    const secret = variable.valueFrom?.secretKeyRef;
    const config = variable.valueFrom?.configMapKeyRef;
    if (secret) env[variable.name] = `postgresql://secret:${secret.name}.${secret.key}@${secret.name}:5432/db`;
    else if (config)
      env[variable.name] = m.named<KubeObject & { data: Labels }>('ConfigMap', config.name).data[config.key] ?? '';
    else env[variable.name] = variable.value ?? '';
  }
  return env;
}

function deployment(m: Model, name: string): { workload: Workload; container: Container; env: Record<string, string> } {
  const workload = m.named<Workload>('Deployment', name);
  const [container, ...others] = workload.spec.template.spec.containers;
  if (!container || others.length > 0) throw new Error(`Deployment ${name} should run one container`);
  return { workload, container, env: environment(m, container) };
}

/** Which pods a NetworkPolicy admits to the pods it selects, as owners ('*' for any source). */
function admittedSources(m: Model, labels: Labels): Map<string, Set<string | number>> {
  const sources = new Map<string, Set<string | number>>();
  for (const policy of m.of<NetworkPolicyObject>('NetworkPolicy')) {
    if (!matches(policy.spec.podSelector, labels)) continue;
    for (const rule of policy.spec.ingress ?? []) {
      const ports = (rule.ports ?? []).map((p) => p.port);
      const peers = rule.from ?? [{}];
      for (const peer of peers) {
        const names = peer.namespaceSelector
          ? [`namespace ${JSON.stringify(peer.namespaceSelector.matchLabels)}`]
          : peer.podSelector
            ? m.pods.filter((p) => matches(peer.podSelector as Selector, p.labels)).map((p) => p.owner)
            : ['*'];
        for (const name of names) {
          const known = sources.get(name) ?? new Set();
          for (const port of ports.length > 0 ? ports : ['*']) known.add(port);
          sources.set(name, known);
        }
      }
    }
  }
  return sources;
}

const base = model(render(BASE));
const overlay = model(render(OVERLAY));
const subgraphs = AGENCIES.map((a) => ({
  slug: a.slug,
  port: a.defaultPort,
  variable: databaseConfig(a.slug, {}).variable,
}));
const services = [...subgraphs.map((s) => s.slug), 'gateway'];

describe.each([
  ['the base', BASE, base],
  ['the example overlay', OVERLAY, overlay],
])('the cluster manifests: %s', (_title, dir, m) => {
  it('lists every YAML file of its folders as a resource, so nothing lies there unapplied', () => {
    expect(unlistedFiles(dir)).toEqual([]);
    expect(unlistedFiles(BASE)).toEqual([]);
  });

  it('renders objects that each validate against the Kubernetes schema of their kind (CloudNativePG: its CRD)', () => {
    expect(m.objects.length).toBeGreaterThan(20);
    expect(m.objects.flatMap(schemaProblems)).toEqual([]);
  });

  it('names each object once per kind', () => {
    const ids = m.objects.map((o) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('runs one Deployment, with a Service of the same name, for each subgraph and the gateway, which also serves the portal', () => {
    expect(m.deployments.map((d) => d.metadata.name).sort()).toEqual([...services].sort());
    for (const name of services) {
      const { workload, container } = deployment(m, name);
      const service = m.named<
        KubeObject & { spec: { selector: Labels; ports: { port: number; targetPort: string | number }[] } }
      >('Service', name);
      expect(matches({ matchLabels: service.spec.selector }, workload.spec.template.metadata.labels), name).toBe(true);
      expect(matches(workload.spec.selector ?? {}, workload.spec.template.metadata.labels), name).toBe(true);
      // No other Deployment's pods answer on this Service.
      const others = m.deployments.filter((d) => d !== workload);
      expect(
        others.filter((d) => matches({ matchLabels: service.spec.selector }, d.spec.template.metadata.labels)),
      ).toEqual([]);
      for (const port of service.spec.ports) {
        const target = (container.ports ?? []).find(
          (p) => p.name === port.targetPort || p.containerPort === port.targetPort,
        );
        expect(target, `Service ${name} targets ${port.targetPort}`).toBeDefined();
        expect(port.port).toBe(target?.containerPort);
      }
    }
  });

  it.each(subgraphs)(
    'listens for the $slug subgraph on its port $port, where the code and docker-compose put it',
    ({ slug, port }) => {
      const { container, env } = deployment(m, slug);
      expect((container.ports ?? []).map((p) => p.containerPort)).toEqual([port]);
      expect(subgraphConfig(slug, env)).toMatchObject({ port, host: '0.0.0.0' });
      expect(compose.services[slug]?.ports).toContain(`${port}:${port}`);
    },
  );

  it.each(services)(
    'runs %s from the same compiled entry point as docker-compose, copied by the Dockerfile',
    (name) => {
      const { container } = deployment(m, name);
      expect(container.command).toEqual(compose.services[name]?.command);
      const entry = container.command?.[1] ?? '';
      expect(read('Dockerfile')).toContain(`COPY --from=build /app/${path.dirname(entry)} ${path.dirname(entry)}`);
    },
  );

  it('runs every service from the one image built from the Dockerfile', () => {
    const images = new Set(services.map((name) => deployment(m, name).container.image));
    expect(images.size).toBe(1);
  });

  it.each(subgraphs)(
    "gives the $slug subgraph its own database's URL ($variable) from the Secret CloudNativePG writes for its own cluster",
    ({ slug, variable }) => {
      const { container } = deployment(m, slug);
      const databaseVariables = (container.env ?? []).filter((e) => e.name.endsWith('_DATABASE_URL'));
      expect(databaseVariables.map((e) => e.name)).toEqual([variable]);
      expect(databaseVariables[0]?.valueFrom?.secretKeyRef).toEqual({ name: `${slug}-db-app`, key: 'uri' });
      const cluster = m.named<PostgresCluster>('Cluster', `${slug}-db`);
      // The names docker-compose's db-init gives, so a pg_dump of it restores with the same owner.
      const { role, database } = agencyDatabaseNames(slug as AgencyDatabaseSlug);
      expect(cluster.spec.bootstrap.initdb).toEqual({ database, owner: role });
      expect(cluster.spec.instances).toBeGreaterThanOrEqual(2);
    },
  );

  it('runs each agency database on the PostgreSQL major of docker-compose and the embedded server', () => {
    const composeMajor = compose.services.postgres?.image?.match(/^postgres:(\d+)/)?.[1];
    expect(m.clusters).toHaveLength(AGENCIES.length);
    for (const cluster of m.clusters) expect(cluster.spec.imageName).toMatch(new RegExp(`:${composeMajor}(\\.|-|$)`));
  });

  it('points the gateway at every subgraph through its Service, and the subgraphs back at the gateway', () => {
    const gateway = deployment(m, 'gateway');
    const gatewayService = m.named<KubeObject & { spec: { ports: { port: number }[] } }>('Service', 'gateway');
    expect(gatewayService.spec.ports[0]?.port).toBe(GATEWAY_DEFAULT_PORT);
    for (const { slug, port } of subgraphs) {
      const service = m.named<KubeObject & { spec: { ports: { port: number }[] } }>('Service', slug);
      expect(subgraphUrl(slug, gateway.env)).toBe(
        `http://${service.metadata.name}:${service.spec.ports[0]?.port}/graphql`,
      );
      expect(service.spec.ports[0]?.port).toBe(port);
      // The family subgraph's read-back and every subgraph's audit countersigning go to the gateway.
      expect(gatewayUrl(deployment(m, slug).env)).toBe(`http://gateway:${GATEWAY_DEFAULT_PORT}/graphql`);
    }
  });

  it('gives every service a Keycloak URL its token check accepts, and the gateway and family subgraph one timeout', () => {
    for (const name of services) expect(() => authConfig(deployment(m, name).env), name).not.toThrow();
    expect(timeouts(deployment(m, 'gateway').env)).toEqual(timeouts(deployment(m, 'family').env));
  });

  it('defines every ConfigMap and Secret a pod reads, or leaves it to CloudNativePG (a defined cluster) or the operator', () => {
    const problems: string[] = [];
    for (const workload of [...m.deployments, ...m.jobs]) {
      const where = `${workload.kind} ${workload.metadata.name}`;
      const configMap = (name: string, key?: string) => {
        const found = m.configMaps.find((c) => c.metadata.name === name);
        if (!found) problems.push(`${where}: no ConfigMap ${name}`);
        else if (key !== undefined && !(key in (found.data ?? {})))
          problems.push(`${where}: ConfigMap ${name} has no ${key}`);
      };
      const secret = (name: string, key?: string) => {
        const keys = m.secretKeys.get(name);
        if (!keys && !OPERATOR_SECRETS.includes(name)) problems.push(`${where}: no Secret ${name}`);
        else if (keys && key !== undefined && !keys.includes(key))
          problems.push(`${where}: Secret ${name} has no ${key}`);
      };
      for (const container of containersOf(workload) as Container[]) {
        for (const source of container.envFrom ?? []) {
          if (source.configMapRef) configMap(source.configMapRef.name);
          if (source.secretRef) secret(source.secretRef.name);
        }
        for (const variable of container.env ?? []) {
          const { secretKeyRef, configMapKeyRef } = variable.valueFrom ?? {};
          if (secretKeyRef) secret(secretKeyRef.name, secretKeyRef.key);
          if (configMapKeyRef) configMap(configMapKeyRef.name, configMapKeyRef.key);
        }
        const volumes = new Set((workload.spec.template.spec.volumes ?? []).map((v) => v.name));
        for (const mount of container.volumeMounts ?? []) {
          if (!volumes.has(mount.name)) problems.push(`${where}: mounts undeclared volume ${mount.name}`);
        }
      }
      for (const volume of workload.spec.template.spec.volumes ?? []) {
        if (volume.configMap) configMap(volume.configMap.name);
        if (volume.secret) secret(volume.secret.secretName);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each([...services])(
    'checks %s on the /health the service serves, by a port the container opens, for readiness and liveness',
    (name) => {
      const { container } = deployment(m, name);
      const ports = (container.ports ?? []).flatMap((p) => [p.name, p.containerPort]);
      for (const probe of [container.readinessProbe, container.livenessProbe, container.startupProbe]) {
        if (probe === container.startupProbe && !probe) continue;
        expect(probe?.httpGet?.path).toBe('/health');
        expect(ports).toContain(probe?.httpGet?.port);
      }
    },
  );

  it('runs every pod as a non-root user, on a read-only root filesystem, without privileges, within limits', () => {
    for (const workload of [...m.deployments, ...m.jobs]) {
      const pod = workload.spec.template.spec;
      const where = `${workload.kind} ${workload.metadata.name}`;
      expect(pod.securityContext?.runAsNonRoot, where).toBe(true);
      expect(pod.securityContext?.runAsUser, where).toBeGreaterThan(0);
      expect(pod.automountServiceAccountToken, where).toBe(false);
      for (const container of pod.containers) {
        expect(container.securityContext, where).toMatchObject({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
        expect(Object.keys(container.resources?.requests ?? {}).sort(), where).toEqual(['cpu', 'memory']);
        expect(container.resources?.limits?.memory, where).toBeDefined();
      }
    }
  });

  it('keeps every Deployment available through voluntary disruptions, and scales the gateway on CPU', () => {
    const budgets = m.of<KubeObject & { spec: { selector: Selector } }>('PodDisruptionBudget');
    for (const workload of m.deployments) {
      const covering = budgets.filter((b) => matches(b.spec.selector, workload.spec.template.metadata.labels));
      expect(covering, workload.metadata.name).toHaveLength(1);
    }
    for (const budget of budgets) {
      expect(
        m.pods.some((p) => matches(budget.spec.selector, p.labels)),
        budget.metadata.name,
      ).toBe(true);
    }
    const [autoscaler, ...more] = m.of<
      KubeObject & { spec: { scaleTargetRef: { kind: string; name: string }; minReplicas: number } }
    >('HorizontalPodAutoscaler');
    expect(more).toEqual([]);
    expect(autoscaler?.spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: 'gateway' });
    expect(autoscaler?.spec.minReplicas).toBeGreaterThanOrEqual(2);
    // The autoscaler owns the gateway's replica count.
    expect((m.named<Workload>('Deployment', 'gateway').spec as { replicas?: number }).replicas).toBeUndefined();
  });

  it('selects existing pods, on ports they open, in every NetworkPolicy', () => {
    for (const policy of m.of<NetworkPolicyObject>('NetworkPolicy')) {
      const selected = m.pods.filter((p) => matches(policy.spec.podSelector, p.labels));
      expect(selected.length, `${policy.metadata.name} selects no pod`).toBeGreaterThan(0);
      for (const rule of policy.spec.ingress ?? []) {
        for (const peer of rule.from ?? []) {
          if (peer.podSelector) {
            const from = m.pods.filter((p) => matches(peer.podSelector as Selector, p.labels));
            expect(from.length, `${policy.metadata.name} admits from no pod`).toBeGreaterThan(0);
          }
        }
        for (const { port } of rule.ports ?? []) {
          for (const pod of selected) {
            const open = pod.ports.flatMap((p) => [p.name, p.containerPort]);
            expect(open, `${policy.metadata.name}: ${pod.owner} has no port ${port}`).toContain(port);
          }
        }
      }
    }
  });

  it('denies ingress to every pod by default', () => {
    const denyAll = m
      .of<NetworkPolicyObject>('NetworkPolicy')
      .filter((p) => Object.keys(p.spec.podSelector).length === 0 && p.spec.policyTypes?.includes('Ingress'));
    expect(denyAll.map((p) => p.spec.ingress ?? [])).toEqual([[]]);
  });

  it.each(subgraphs)('lets only the gateway reach the $slug subgraph, on its own port', ({ slug }) => {
    const { workload } = deployment(m, slug);
    const sources = admittedSources(m, workload.spec.template.metadata.labels);
    expect(Object.fromEntries([...sources].map(([name, ports]) => [name, [...ports]]))).toEqual({
      'Deployment gateway': ['http'],
    });
  });

  it.each(subgraphs)(
    "lets only the $slug subgraph, its cluster's own instances and the operator reach its database",
    ({ slug }) => {
      const sources = admittedSources(m, { 'cnpg.io/cluster': `${slug}-db` });
      expect(Object.fromEntries([...sources].map(([name, ports]) => [name, [...ports].sort()]))).toEqual({
        [`Deployment ${slug}`]: [5432],
        [`Cluster ${slug}-db`]: [5432, 8000],
        'namespace {"kubernetes.io/metadata.name":"cnpg-system"}': [8000],
      });
    },
  );

  it('lets browsers, agency systems and the subgraphs reach the gateway', () => {
    const sources = admittedSources(m, deployment(m, 'gateway').workload.spec.template.metadata.labels);
    expect(sources.get('*')).toEqual(new Set(['http']));
  });

  it("imports the repository's realm export into Keycloak once, from a ConfigMap, with the image docker-compose runs", () => {
    const [job, ...more] = m.jobs;
    expect(more).toEqual([]);
    const realm = m.named<KubeObject & { data: Labels }>('ConfigMap', 'keycloak-realm');
    const exported = read('infra/keycloak/realm-export.json');
    expect(realm.data['realm-export.json']).toBe(exported);
    const container = job?.spec.template.spec.containers[0] as Container;
    expect(container.image).toBe(compose.services.keycloak?.image);
    const env = environment(m, container);
    expect(env.REALM).toBe((JSON.parse(exported) as { realm: string }).realm);
    expect(env.REALM).toBe(REALM);
    expect(env.KEYCLOAK_URL).toBe(authConfig(deployment(m, 'gateway').env).keycloakUrl);
    const mount = container.volumeMounts?.find((v) =>
      job?.spec.template.spec.volumes?.some((vol) => vol.name === v.name && vol.configMap?.name === 'keycloak-realm'),
    );
    expect(JSON.stringify((container as { args?: string[] }).args)).toContain(`${mount?.mountPath}/realm-export.json`);
  });
});

describe('the example overlay', () => {
  it('puts every namespaced object in the namespace it creates', () => {
    const [namespace, ...more] = overlay.of('Namespace');
    expect(more).toEqual([]);
    for (const object of overlay.objects.filter((o) => o.kind !== 'Namespace')) {
      expect(object.metadata.namespace, `${object.kind} ${object.metadata.name}`).toBe(namespace?.metadata.name);
    }
  });

  it("sets the ministry's Keycloak and image, and nothing else of the base's configuration", () => {
    const config = (m: Model) => m.named<KubeObject & { data: Labels }>('ConfigMap', 'cocuk-koruma-config').data;
    expect(config(overlay)).toEqual({ ...config(base), KEYCLOAK_URL: 'https://giris.example.invalid' });
    expect(deployment(overlay, 'gateway').container.image).toBe('registry.example.invalid/cocuk-koruma:1.0.0');
  });

  it('defines each Secret the operator is to create only as a labelled placeholder', () => {
    const secrets = overlay.of<KubeObject & { stringData: Labels }>('Secret');
    expect(secrets.map((s) => s.metadata.name).sort()).toEqual([...OPERATOR_SECRETS].sort());
    for (const secret of secrets) {
      expect(secret.metadata.annotations?.['cocuk-koruma/example']).toMatch(/placeholder/);
      for (const value of Object.values(secret.stringData)) expect(value).toMatch(/^EXAMPLE-/);
    }
  });

  it('publishes the gateway, and with it the portal, at one address', () => {
    const ingresses = overlay.of<
      KubeObject & {
        spec: {
          rules: {
            http: { paths: { path: string; backend: { service: { name: string; port: { name: string } } } }[] };
          }[];
        };
      }
    >('Ingress');
    const backends = ingresses.flatMap((i) =>
      i.spec.rules.flatMap((r) => r.http.paths.map((p) => [p.path, p.backend.service])),
    );
    expect(backends).toEqual([['/', { name: 'gateway', port: { name: 'http' } }]]);
  });
});
