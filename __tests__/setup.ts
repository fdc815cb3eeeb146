// cdktf's jest matchers (toHaveResourceWithProperties, ...) for every test file; the adapter import
// also brings their type declarations.
import 'cdktf/lib/testing/adapters/jest';
import { Testing } from 'cdktf';

Testing.setupJest();
