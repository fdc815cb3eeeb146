import { App } from 'cdktf';
import { awsRegionRule } from '../../modules/regions';
import { bucketNameRule } from '../../modules/state-bucket';
import { ValidationRule } from '../../modules/validation';
import { SystemDefinition } from '../system';
import { STATE_BACKEND_STACK, StateBackendStack } from './state-backend-stack';

/** The state-backend bootstrap stack as a system. */
export function stateBackendSystem(bucket: { readonly name: string; readonly region: string }): SystemDefinition {
  return {
    name: STATE_BACKEND_STACK,
    validationRules(): ValidationRule[] {
      return [
        bucketNameRule('state-backend.bucket.name', bucket.name),
        awsRegionRule('state-backend.bucket.region', bucket.region),
      ];
    },
    addStacks(app: App): void {
      new StateBackendStack(app, { bucketName: bucket.name, region: bucket.region });
    },
  };
}
