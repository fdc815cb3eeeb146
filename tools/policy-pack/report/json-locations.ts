// Line numbers of the blocks in a cdk.tf.json text, so SARIF results point at the resource.

/** Maps `resource/<type>/<name>`-style key paths (up to three levels deep) to their 1-based line. */
export function keyLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  // One entry per open object (the key that opened it, '' at the root) or array (null).
  const path: (string | null)[] = [];
  let line = 1;
  let pendingKey: string | undefined;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === '\n') line++;
    else if (character === '"') {
      let end = index + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const value = JSON.parse(text.slice(index, end + 1)) as string;
      let next = end + 1;
      while (/\s/.test(text[next] ?? '')) next++;
      if (text[next] === ':') {
        pendingKey = value;
        const keyPath = [...path.slice(1), value];
        if (keyPath.length <= 3 && keyPath.every((segment) => segment !== null)) {
          const joined = keyPath.join('/');
          if (!lines.has(joined)) lines.set(joined, line);
        }
      }
      index = end;
    } else if (character === '{' || character === '[') {
      path.push(character === '{' ? (pendingKey ?? '') : null);
      pendingKey = undefined;
    } else if (character === '}' || character === ']') {
      path.pop();
    } else if (character === ',') {
      pendingKey = undefined;
    }
  }
  return lines;
}

/** The key path of a finding's address in the JSON (`aws_x.y` → `resource/aws_x/y`, `output.z` → `output/z`). */
export function addressKeyPath(address: string): string {
  const parts = address.split('.');
  if (parts[0] === 'data' || parts[0] === 'ephemeral') return parts.slice(0, 3).join('/');
  if (parts[0] === 'output' || parts[0] === 'provider') return parts.slice(0, 2).join('/');
  return ['resource', ...parts.slice(0, 2)].join('/');
}
