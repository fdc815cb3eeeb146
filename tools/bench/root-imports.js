// Preloaded for the naive baseline only: every deep provider import (@cdktf/provider-aws/lib/rds-cluster) is
// answered from the package root's namespace (rdsCluster of @cdktf/provider-aws), which is what an app that
// imports its provider classes from the package root loads: every resource class of the provider. The
// project itself imports by deep path only (__tests__/architecture/provider-imports.test.ts).
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
