import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

// There is no kustomize binary here (Debian's kubectl is 1.20, far too old) and none on npm, so the
// tests render the manifests with the few kustomize features they use, and refuse any other: a
// kustomization that grew a feature this renderer does not know fails the test instead of being
// rendered wrong. The features: resources (files and other kustomization folders),
// configMapGenerator (files, literals; behavior create, merge, replace), generatorOptions
// (disableNameSuffixHash, which must be on, and labels), namespace, images.

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

interface Generator {
  name: string;
  behavior?: 'create' | 'merge' | 'replace';
  files?: string[];
  literals?: string[];
}

interface Kustomization {
  apiVersion: string;
  kind: string;
  resources?: string[];
  namespace?: string;
  images?: { name: string; newName?: string; newTag?: string }[];
  configMapGenerator?: Generator[];
  generatorOptions?: { disableNameSuffixHash?: boolean; labels?: Record<string, string> };
}

const KNOWN_FIELDS = new Set([
  'apiVersion',
  'kind',
  'resources',
  'namespace',
  'images',
  'configMapGenerator',
  'generatorOptions',
]);
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition']);

export function readKustomization(dir: string): Kustomization {
  const file = path.join(dir, 'kustomization.yaml');
  const [document, ...more] = parseAllDocuments(fs.readFileSync(file, 'utf8'));
  if (!document || more.length > 0) throw new Error(`${file}: expected one YAML document`);
  const kustomization = document.toJS() as Kustomization;
  const unknown = Object.keys(kustomization).filter((key) => !KNOWN_FIELDS.has(key));
  if (unknown.length > 0) throw new Error(`${file}: the test renderer does not know ${unknown.join(', ')}`);
  if (kustomization.apiVersion !== 'kustomize.config.k8s.io/v1beta1' || kustomization.kind !== 'Kustomization') {
    throw new Error(`${file}: not a kustomize.config.k8s.io/v1beta1 Kustomization`);
  }
  const options = kustomization.generatorOptions;
  if (kustomization.configMapGenerator && options?.disableNameSuffixHash !== true) {
    // The renderer cannot reproduce kustomize's name hashes, so it renders only what needs none.
    throw new Error(`${file}: generators must set generatorOptions.disableNameSuffixHash: true`);
  }
  return kustomization;
}

export function loadYaml(file: string): KubeObject[] {
  return parseAllDocuments(fs.readFileSync(file, 'utf8')).flatMap((document) => {
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0]?.message}`);
    const value = document.toJS() as KubeObject | null;
    return value === null ? [] : [value];
  });
}

function literal(entry: string): [string, string] {
  const at = entry.indexOf('=');
  if (at <= 0) throw new Error(`configMapGenerator literal "${entry}" is not KEY=value`);
  return [entry.slice(0, at), entry.slice(at + 1)];
}

function generated(dir: string, generator: Generator): Record<string, string> {
  return Object.fromEntries([
    ...(generator.files ?? []).map((file) => [path.basename(file), fs.readFileSync(path.join(dir, file), 'utf8')]),
    ...(generator.literals ?? []).map(literal),
  ]);
}

/** Every container and init container of a workload's pod template (Deployment, Job). */
export function containersOf(object: KubeObject): { name: string; image?: string; [field: string]: unknown }[] {
  const template = (object.spec as { template?: { spec?: Record<string, unknown> } } | undefined)?.template;
  const spec = template?.spec as
    { containers?: ReturnType<typeof containersOf>; initContainers?: ReturnType<typeof containersOf> } | undefined;
  return [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])];
}

function imageName(image: string): string {
  const at = image.lastIndexOf(':');
  return at > image.lastIndexOf('/') ? image.slice(0, at) : image;
}

/** Renders the kustomization in `dir` as `kustomize build dir` would, for the features above. */
export function render(dir: string): KubeObject[] {
  const kustomization = readKustomization(dir);
  const objects: KubeObject[] = (kustomization.resources ?? []).flatMap((resource) => {
    const target = path.join(dir, resource);
    return fs.statSync(target).isDirectory() ? render(target) : loadYaml(target);
  });
  for (const generator of kustomization.configMapGenerator ?? []) {
    const data = generated(dir, generator);
    const behavior = generator.behavior ?? 'create';
    const existing = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === generator.name);
    if (behavior === 'create') {
      if (existing) throw new Error(`${dir}: ConfigMap ${generator.name} exists already; merge or replace it`);
      const labels = kustomization.generatorOptions?.labels;
      objects.push({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: generator.name, ...(labels ? { labels } : {}) },
        data,
      });
    } else {
      if (!existing) throw new Error(`${dir}: no ConfigMap ${generator.name} to ${behavior}`);
      existing.data = behavior === 'merge' ? { ...(existing.data as Record<string, string>), ...data } : data;
    }
  }
  for (const { name, newName, newTag } of kustomization.images ?? []) {
    for (const container of objects.flatMap(containersOf)) {
      if (container.image === undefined || imageName(container.image) !== name) continue;
      const tag = newTag ?? (container.image.length > name.length ? container.image.slice(name.length + 1) : undefined);
      container.image = `${newName ?? name}${tag ? `:${tag}` : ''}`;
    }
  }
  if (kustomization.namespace) {
    for (const object of objects) {
      if (!CLUSTER_SCOPED.has(object.kind)) object.metadata.namespace = kustomization.namespace;
    }
  }
  return objects;
}

/** The YAML files in a kustomization's folder that it does not list as resources. */
export function unlistedFiles(dir: string): string[] {
  const kustomization = readKustomization(dir);
  const listed = new Set(kustomization.resources ?? []);
  return fs
    .readdirSync(dir)
    .filter((file) => /\.ya?ml$/.test(file) && file !== 'kustomization.yaml' && !listed.has(file));
}
