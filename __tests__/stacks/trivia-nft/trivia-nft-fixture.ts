import { Testing } from 'cdktf';
import { TRIVIA_NFT_ENVIRONMENTS } from '../../../stacks/trivia-nft/environments';
import { TRIVIA_NFT, triviaNftSystem } from '../../../stacks/trivia-nft/trivia-nft-system';
import { TriviaNftEnvironment } from '../../../stacks/trivia-nft/trivia-nft-environment';
import { failedMessages } from '../../../modules/validation';

/** The synthesized Terraform JSON of a trivia-nft stack, with each resource's construct path kept. */
export function synthTriviaNft(environment: TriviaNftEnvironment): any {
  const stack = TRIVIA_NFT.addStack(Testing.app(), environment);
  Testing.synth(stack);
  return JSON.parse(JSON.stringify(stack.toTerraform()));
}

/** True when a block's construct path below its stack is `path` (`Aurora/ClusterUsEast1/Cluster`). */
function isAt(block: any, path: string): boolean {
  const full: string = block['//']?.metadata?.path ?? '';
  return full.slice(full.indexOf('/') + 1) === path;
}

/** The logical id and JSON of the one resource of a type at a construct path. */
function entryAt(json: any, type: string, path: string): [string, any] {
  const found = Object.entries(json.resource?.[type] ?? {}).filter(([, block]) => isAt(block, path));
  if (found.length !== 1) throw new Error(`expected one ${type} at ${path}, found ${found.length}`);
  return found[0];
}

/** The one resource of a type at a construct path. */
export function resourceAt(json: any, type: string, path: string): any {
  return entryAt(json, type, path)[1];
}

/** `${<type>.<logical id of the resource at path>.<attribute>}`, as cdktf writes a reference. */
export function reference(json: any, type: string, path: string, attribute: string): string {
  return `\${${type}.${entryAt(json, type, path)[0]}.${attribute}}`;
}

/** The messages of the trivia-nft checks failing when one environment's configuration is changed. */
export function failuresWith(key: 'staging' | 'prod', change: (environment: TriviaNftEnvironment) => TriviaNftEnvironment): string[] {
  const environments = { ...TRIVIA_NFT_ENVIRONMENTS, [key]: change(TRIVIA_NFT_ENVIRONMENTS[key]) };
  return failedMessages(triviaNftSystem(environments).validationRules());
}
