// The per-bucket configuration resources (aws_s3_bucket_*) that belong to a bucket by a reference in `bucket`.
import { refersTo } from './references';
import { StackDocument, TerraformBlock } from './stack-document';

/** The blocks of `type` whose `bucket` argument references `bucket`. */
export function bucketConfigurations(stack: StackDocument, bucket: TerraformBlock, type: string): TerraformBlock[] {
  return stack.resources(type).filter((configuration) => refersTo(configuration.body.bucket, bucket.address));
}
