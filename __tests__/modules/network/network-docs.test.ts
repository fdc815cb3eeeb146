import { VPC_NETWORK_DEFAULTS } from '../../../modules/network';
import { asDocumented, documentedDefaults } from '../rds-proxy/docs-defaults-table';

/** The option each entry of VPC_NETWORK_DEFAULTS is the default of. */
const OPTION_OF: Readonly<Record<keyof typeof VPC_NETWORK_DEFAULTS, string>> = {
  availabilityZoneCount: 'availabilityZoneCount',
  cidrMask: 'subnets.<tier>.cidrMask',
  gatewayEndpoints: 'gatewayEndpoints',
  interfaceEndpointTier: 'interfaceEndpoints.tier',
  applicationEgress: 'applicationEgress',
  flowLogTrafficType: 'flowLogs.trafficType',
  flowLogMaxAggregationIntervalSeconds: 'flowLogs.maxAggregationIntervalSeconds',
};

describe('docs/network.md and VPC_NETWORK_DEFAULTS', () => {
  const rows = documentedDefaults('docs/network.md');

  test('GIVEN the guide WHEN its defaults table is read THEN it has rows (the parse works)', () => {
    expect(rows.size).toBeGreaterThan(10);
  });

  test('GIVEN the defaults object WHEN compared with the options named here THEN every default has its option', () => {
    expect(Object.keys(OPTION_OF).sort()).toEqual(Object.keys(VPC_NETWORK_DEFAULTS).sort());
  });

  test.each(Object.entries(VPC_NETWORK_DEFAULTS))('GIVEN the default %s WHEN the guide is read THEN its row gives %p', (key, value) => {
    const option = OPTION_OF[key as keyof typeof VPC_NETWORK_DEFAULTS];
    expect({ option, cell: rows.get(option)?.startsWith(asDocumented(value)) }).toEqual({ option, cell: true });
  });
});
