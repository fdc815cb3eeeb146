// Preloaded for the naive baseline: every deep provider import (`@cdktf/provider-aws/lib/rds-cluster`) is
// answered from the package root (`require('@cdktf/provider-aws').rdsCluster`), which is what an app that
// writes `import { rdsCluster } from '@cdktf/provider-aws'` loads: every resource class of the provider.
const Module = require('module');

const DEEP_IMPORT = /^(@cdktf\/provider-[a-z0-9-]+)\/lib\/([a-z0-9-]+)$/;
const load = Module._load;

Module._load = function loadFromPackageRoot(request, parent, isMain) {
  const deep = DEEP_IMPORT.exec(request);
  if (deep === null) return load.apply(this, arguments);
  const root = load.call(this, deep[1], parent, isMain);
  const namespace = deep[2].replace(/-([a-z0-9])/g, (_, next) => next.toUpperCase());
  if (!(namespace in root)) throw new Error(`${deep[1]} has no export ${namespace} for ${request}`);
  return root[namespace];
};
