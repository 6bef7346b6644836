import path from 'node:path';
import { Ajv } from 'ajv';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { loadYaml, type KubeObject } from './kustomize.js';

/** kubernetes-models' classes validate against the Kubernetes API's own OpenAPI schemas. */
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'batch/v1/Job': Job,
  'networking.k8s.io/v1/Ingress': Ingress,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'v1/ConfigMap': ConfigMap,
  'v1/Namespace': Namespace,
  'v1/Secret': Secret,
  'v1/Service': Service,
};

type JsonSchema = { [keyword: string]: unknown };

/**
 * Refuses fields the schema does not name, as `kubectl apply --validate=strict` does for a custom
 * resource (and kubeconform's -strict): the API server would otherwise prune a misspelt field
 * without a word. Open objects (no properties, or x-kubernetes-preserve-unknown-fields) stay open.
 */
function strict(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' && value && typeof value === 'object') {
      out.properties = Object.fromEntries(
        Object.entries(value as Record<string, JsonSchema>).map(([name, inner]) => [name, strict(inner)]),
      );
    } else if (Array.isArray(value)) {
      out[key] = value.map((item: unknown) => (item && typeof item === 'object' ? strict(item as JsonSchema) : item));
    } else if (value && typeof value === 'object') {
      out[key] = strict(value as JsonSchema);
    } else {
      out[key] = value;
    }
  }
  if (
    out.properties &&
    out.additionalProperties === undefined &&
    out['x-kubernetes-preserve-unknown-fields'] !== true
  ) {
    out.additionalProperties = false;
  }
  return out;
}

interface CustomResourceDefinition {
  spec: {
    group: string;
    names: { kind: string };
    versions: { name: string; schema: { openAPIV3Schema: JsonSchema } }[];
  };
}

/** The vendored CloudNativePG CRD's schema, per `<group>/<version>/<kind>`. */
function crdValidators(file: string) {
  // CEL rules (x-kubernetes-validations) are the API server's to run; formats such as int32 are
  // Kubernetes' own, so ajv checks types, enums, required fields and unknown fields.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const [crd] = loadYaml(file) as unknown as CustomResourceDefinition[];
  if (!crd) throw new Error(`${file} holds no CustomResourceDefinition`);
  return Object.fromEntries(
    crd.spec.versions.map((version) => [
      `${crd.spec.group}/${version.name}/${crd.spec.names.kind}`,
      ajv.compile(strict(version.schema.openAPIV3Schema)),
    ]),
  );
}

const CRDS = crdValidators(path.join(import.meta.dirname, '../schemas/postgresql.cnpg.io_clusters.yaml'));

/** Validates one object against its kind's schema; resolves to the problems found (none: valid). */
export function schemaProblems(object: KubeObject): string[] {
  const key = `${object.apiVersion}/${object.kind}`;
  const name = `${object.kind} ${object.metadata?.name}`;
  const Model = MODELS[key];
  if (Model) {
    try {
      new Model(object as never).validate();
      return [];
    } catch (error) {
      return [`${name}: ${error instanceof Error ? error.message : String(error)}`];
    }
  }
  const validate = CRDS[key];
  if (!validate) return [`${name}: no schema known for ${key}`];
  if (validate(object)) return [];
  return (validate.errors ?? []).map(
    (e) => `${name}: ${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`,
  );
}
