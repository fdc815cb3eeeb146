import { eachResource, PolicyRule } from '../rule';
import { refersTo } from '../terraform/references';
import { StackDocument, TerraformBlock } from '../terraform/stack-document';
import { walkArguments } from '../terraform/values';

/** The arguments (last path segment) anywhere in the stack whose value reads `generator`. */
function consumers(stack: StackDocument, generator: TerraformBlock): string[] {
  const found: string[] = [];
  const visit = (path: readonly string[], leaf: unknown) => {
    if (refersTo(leaf, generator.address)) found.push(path[path.length - 1] ?? '');
  };
  for (const block of stack.allBlocks().filter((candidate) => candidate !== generator)) walkArguments(block.body, visit);
  for (const [, output] of stack.outputs()) walkArguments(output, (path, leaf) => visit(['output', ...path], leaf));
  return found;
}

export const rule: PolicyRule = {
  id: 'DS-SECRET-004',
  title: 'Generated secrets that only feed write-only arguments are ephemeral',
  severity: 'warning',
  resourceTypes: ['random_password'],
  rationale: 'A random_password resource keeps its result in state; when every consumer is write-only, the ephemeral random_password gives the same value without storing it.',
  controls: [],
  check: (stack) =>
    eachResource(stack, rule.resourceTypes, (block) => {
      const arguments_ = consumers(stack, block);
      return arguments_.length > 0 && arguments_.every((argument) => argument.endsWith('_wo'))
        ? `only write-only arguments read it (${[...new Set(arguments_)].join(', ')}); declare it as an ephemeral random_password so the value never reaches state`
        : undefined;
    }),
};
