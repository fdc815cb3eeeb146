// The tfplugin6 Provider service: every RPC Terraform's validate, plan, apply and destroy call.
import { randomInt } from 'crypto';
import { BlockSchema, ProviderSchema } from '../schema/provider-schema';
import { CtyValue, decodeValue, encodeValue, isObject } from './cty-msgpack';
import { seedOf } from './fake-values';
import { Problem, completeState, planState, validateConfig } from './resource-logic';
import { schemaResponse } from './schema-response';

interface DynamicValue {
  msgpack?: Buffer;
  json?: Buffer;
}
type Request = Record<string, any>;
type Handler = (request: Request) => object;

function diagnostics(problems: Problem[]): object[] {
  return problems.map((problem) => ({
    severity: 'ERROR',
    summary: problem.summary,
    detail: problem.detail,
    attribute: {
      steps: problem.path.map((step) => (typeof step === 'number' ? { element_key_int: step } : { attribute_name: step })),
    },
  }));
}

function unknownType(kind: string, typeName: string): object {
  return { diagnostics: [{ severity: 'ERROR', summary: `Unknown ${kind} type`, detail: `The offline stand-in has no schema for ${kind} type ${typeName}.` }] };
}

function value(dynamic: DynamicValue | null | undefined): CtyValue {
  return decodeValue(dynamic?.msgpack);
}

const PASSWORD_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&*()-_=+[]{}<>:?';

/** The ephemeral random_password's value: a fresh password of the configured length, as the real one. */
function openPassword(block: BlockSchema, config: CtyValue, seed: string): CtyValue {
  const length = isObject(config) && typeof config.length === 'number' ? config.length : 16;
  const result = Array.from({ length }, () => PASSWORD_CHARACTERS[randomInt(PASSWORD_CHARACTERS.length)]).join('');
  const opened = completeState(block, isObject(config) ? { ...config, result } : config, seed, 'random_password', true);
  return opened;
}

/** The handlers; the schema is loaded on first use (a start that only serves the encoded schema skips it). */
export function providerHandlers(loadSchema: () => ProviderSchema): Record<string, Handler> {
  let loaded: ProviderSchema | undefined;
  let encodedSchema: object | undefined;
  const schema = () => (loaded ??= loadSchema());
  const resource = (name: string) => schema().resources[name];

  return {
    GetProviderSchema: () => (encodedSchema ??= schemaResponse(schema())),
    ValidateProviderConfig: (request) => ({ diagnostics: diagnostics(validateConfig(schema().provider, value(request.config))) }),
    ConfigureProvider: () => ({ diagnostics: [] }),
    StopProvider: () => ({ Error: '' }),
    ValidateResourceConfig: (request) => {
      const block = resource(request.type_name);
      if (!block) return unknownType('resource', request.type_name);
      return { diagnostics: diagnostics(validateConfig(block, value(request.config))) };
    },
    ValidateDataResourceConfig: (request) => {
      const block = schema().dataSources[request.type_name];
      if (!block) return unknownType('data source', request.type_name);
      return { diagnostics: diagnostics(validateConfig(block, value(request.config))) };
    },
    ValidateEphemeralResourceConfig: (request) => {
      const block = schema().ephemeralResources[request.type_name];
      if (!block) return unknownType('ephemeral resource', request.type_name);
      return { diagnostics: diagnostics(validateConfig(block, value(request.config))) };
    },
    // State written by this stand-in is already in the current schema: JSON goes back unchanged.
    UpgradeResourceState: (request) => ({ upgraded_state: { json: request.raw_state?.json ?? Buffer.from('null') }, diagnostics: [] }),
    // Nothing exists outside the state, so nothing drifts.
    ReadResource: (request) => ({ new_state: request.current_state, diagnostics: [], private: request.private }),
    PlanResourceChange: (request) => {
      const block = resource(request.type_name);
      if (!block) return unknownType('resource', request.type_name);
      const proposed = value(request.proposed_new_state);
      const prior = value(request.prior_state);
      const planned = planState(block, proposed, prior === null);
      return { planned_state: { msgpack: encodeValue(planned) }, requires_replace: [], planned_private: request.prior_private, diagnostics: [] };
    },
    ApplyResourceChange: (request) => {
      const block = resource(request.type_name);
      if (!block) return unknownType('resource', request.type_name);
      const planned = value(request.planned_state);
      if (planned === null) return { new_state: { msgpack: encodeValue(null) }, diagnostics: [] };
      const seed = seedOf(request.type_name, request.planned_state?.msgpack ?? Buffer.alloc(0));
      const state = completeState(block, planned, seed, request.type_name, false);
      return { new_state: { msgpack: encodeValue(state) }, private: request.planned_private, diagnostics: [] };
    },
    ReadDataSource: (request) => {
      const block = schema().dataSources[request.type_name];
      if (!block) return unknownType('data source', request.type_name);
      const seed = seedOf(request.type_name, request.config?.msgpack ?? Buffer.alloc(0));
      return { state: { msgpack: encodeValue(completeState(block, value(request.config), seed, request.type_name, true)) }, diagnostics: [] };
    },
    OpenEphemeralResource: (request) => {
      const block = schema().ephemeralResources[request.type_name];
      if (!block) return unknownType('ephemeral resource', request.type_name);
      const seed = seedOf(request.type_name, request.config?.msgpack ?? Buffer.alloc(0));
      return { result: { msgpack: encodeValue(openPassword(block, value(request.config), seed)) }, diagnostics: [] };
    },
    RenewEphemeralResource: () => ({ diagnostics: [] }),
    CloseEphemeralResource: () => ({ diagnostics: [] }),
  };
}
