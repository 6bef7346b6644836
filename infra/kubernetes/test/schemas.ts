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
import ts from 'typescript';
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

/** Reads KubernetesModels (model-types.ts) with the TypeScript compiler, once. */
function modelTypes() {
  const file = path.join(import.meta.dirname, 'model-types.ts');
  const program = ts.createProgram([file], {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const declaration = source?.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'KubernetesModels',
  );
  if (!declaration) throw new Error('KubernetesModels not found');
  return { checker, models: checker.getTypeAtLocation(declaration) };
}

let types: ReturnType<typeof modelTypes> | undefined;

/** The paths of fields that the kind's type does not declare (a misspelt `readinesProbe`, say). */
function unknownFields(key: string, object: unknown): string[] {
  types ??= modelTypes();
  const { checker, models } = types;
  const kind = checker.getPropertyOfType(models, key);
  if (!kind) return [`no type for ${key}`];
  const found: string[] = [];
  const walk = (value: unknown, type: ts.Type, at: string) => {
    const members = (type.isUnion() ? type.types : [type]).filter(
      (t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)),
    );
    const [only, ...more] = members;
    if (!only || more.length > 0) return; // a primitive union such as IntOrString
    if (Array.isArray(value)) {
      const element = checker.isArrayType(only) ? checker.getTypeArguments(only as ts.TypeReference)[0] : undefined;
      if (element) value.forEach((item, i) => walk(item, element, `${at}[${i}]`));
      return;
    }
    if (value === null || typeof value !== 'object' || checker.getIndexInfosOfType(only).length > 0) return;
    for (const [name, inner] of Object.entries(value)) {
      const property = checker.getPropertyOfType(only, name);
      if (!property) found.push(`${at}.${name}`);
      else walk(inner, checker.getTypeOfSymbol(property), `${at}.${name}`);
    }
  };
  walk(object, checker.getTypeOfSymbol(kind), '');
  return found;
}

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
    const unknown = unknownFields(key, object).map((field) => `${name}: unknown field ${field.slice(1)}`);
    try {
      new Model(object as never).validate();
      return unknown;
    } catch (error) {
      return [...unknown, `${name}: ${error instanceof Error ? error.message : String(error)}`];
    }
  }
  const validate = CRDS[key];
  if (!validate) return [`${name}: no schema known for ${key}`];
  if (validate(object)) return [];
  return (validate.errors ?? []).map(
    (e) => `${name}: ${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`,
  );
}
